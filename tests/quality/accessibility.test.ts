// axe-core in Chromium over every URL of the sitemap: zero WCAG 2.2 AA violations.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Browser } from "playwright-core";
import { axe, describeViolations, launch } from "../helpers/browser.ts";
import { assertBuilt, dist, origin } from "../helpers/dist.ts";
import { serveStatic } from "../helpers/static-server.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe("accessibility of every page in the sitemap", () => {
  before(async () => {
    assertBuilt();
    server = await serveStatic(dist);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("has zero violations", async () => {
    const urls: string[] = [new XMLParser().parse(readFileSync(join(dist, "sitemap-0.xml"), "utf8")).urlset.url]
      .flat()
      .map((u: any) => String(u.loc).replace(origin, ""));
    assert.ok(urls.length > 50, `only ${urls.length} URLs in the sitemap`);
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const path of urls) {
      await page.goto(server.url + path);
      const violations = await axe(page);
      if (violations.length) failures.push(`${path}\n${describeViolations(violations)}`);
    }
    assert.deepEqual(failures, []);
  });
});
