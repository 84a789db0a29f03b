// The sample site in real Chromium: no console errors, no WCAG 2.2 AA violation on each page template.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { axe, describeViolations, launch } from "../helpers/browser.ts";
import { root } from "../helpers/build.ts";
import { serveStatic } from "../helpers/static-server.ts";

const dist = join(root, "dist");
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

describe("page templates in Chromium", () => {
  before(async () => {
    assert.ok(existsSync(join(dist, "index.html")), "npm test builds the sample site first (dist/)");
    server = await serveStatic(dist);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const paths = [
    "/",
    "/articles/cancer-sein-avance-immunotherapie-cellulaire/",
    "/rubriques/cancer/",
    "/rubriques/cancer/cancers-feminins/",
    "/tags/immunotherapie/",
    "/auteurs/redaction/",
    "/rubriques/",
    "/tags/",
    "/auteurs/",
    "/articles/",
    "/plan-du-site/",
    "/glossaire/",
    "/page-qui-n-existe-pas/",
  ];
  for (const path of paths) {
    for (const scheme of ["light", "dark"] as const) {
      it(`${path} (${scheme})`, async () => {
        const page = await browser.newPage({ colorScheme: scheme });
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && !/404 \(Not Found\)/.test(m.text()) && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(e.message));
        const response = await page.goto(server.url + path);
        assert.equal(response?.status(), path.includes("n-existe-pas") ? 404 : 200);
        const violations = await axe(page);
        assert.deepEqual(errors, []);
        assert.equal(violations.length, 0, describeViolations(violations));
        await page.close();
      });
    }
  }
});
