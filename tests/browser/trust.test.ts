// Trust elements in Chromium: an article showing all of them passes axe, and the age notice
// stays true without a rebuild (relative age and the stale warning are computed in the browser).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { axe, describeViolations, launch } from "../helpers/browser.ts";
import { build, fixtureSite } from "../helpers/build.ts";
import { serveStatic } from "../helpers/static-server.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe("trust elements in Chromium", () => {
  before(async () => {
    const site = await build(fixtureSite);
    assert.equal(site.code, 0, site.output);
    server = await serveStatic(site.outDir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`an article with every trust element has no WCAG 2.2 AA violation (${scheme})`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.goto(`${server.url}/articles/article-principal/`);
      for (const part of [".age-notice__stale", ".evidence", ".corrections", ".sources__kind", ".disclaimer h3"])
        assert.ok(await page.locator(part).first().isVisible(), `${part} is shown`);
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.close();
    });
  }

  it("computes the article's age in the reader's browser", async () => {
    const page = await browser.newPage();
    await page.clock.install({ time: new Date("2028-06-01T12:00:00Z") });
    await page.goto(`${server.url}/articles/article-principal/`);
    assert.match(await page.locator(".age-notice p").first().innerText(), /Article publié en mars 2020.*\(il y a 8 ans\)/);
    await page.close();
  });

  it("reveals the out-of-date notice once its date passes, without a rebuild", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/articles/article-mdx/`);
    assert.equal(await page.locator(".age-notice__stale").isVisible(), false, "reviewed in 2026: no notice today");
    await page.clock.install({ time: new Date("2029-02-01T12:00:00Z") });
    await page.goto(`${server.url}/articles/article-mdx/`);
    assert.equal(await page.locator(".age-notice__stale").isVisible(), true, "three years after the review: notice shown");
    await page.close();
  });
});
