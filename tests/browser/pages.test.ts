// The sample site in real Chromium: no console errors, no WCAG 2.2 AA violation on each page template.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { axe, describeViolations, launch } from "../helpers/browser.ts";
import { root } from "../helpers/build.ts";
import { serveStatic } from "../helpers/static-server.ts";
import { THEME_KEY } from "../../src/components/theme-switch.ts";

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
  // Each scheme as the device asks for it, and as a reader chose it in the footer's switch against
  // the device's (the choice kept where src/components/theme-switch.ts keeps it).
  const variants = [
    { scheme: "light", device: "light" },
    { scheme: "dark", device: "dark" },
    { scheme: "dark", device: "light" },
    { scheme: "light", device: "dark" },
  ] as const;
  for (const path of paths) {
    for (const { scheme, device } of variants) {
      const chosen = scheme !== device;
      it(`${path} (${scheme}${chosen ? ", chosen on a device in " + device : ""})`, async () => {
        const page = await browser.newPage({ colorScheme: device });
        if (chosen) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, scheme]);
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && !/404 \(Not Found\)/.test(m.text()) && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(e.message));
        const response = await page.goto(server.url + path);
        assert.equal(response?.status(), path.includes("n-existe-pas") ? 404 : 200);
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), chosen ? scheme : "light dark");
        const violations = await axe(page);
        assert.deepEqual(errors, []);
        assert.equal(violations.length, 0, describeViolations(violations));
        await page.close();
      });
    }
  }
});
