// axe-core in Chromium over every URL of the sitemap: zero WCAG 2.2 AA violations, and the same on one
// page of each kind as a reader without JavaScript gets it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { axe, axeWithoutJavaScript, describeViolations } from "../helpers/browser.ts";
import { dist, origin } from "../helpers/dist.ts";
import { siteInBrowser } from "../helpers/site-in-browser.ts";
import { serveStatic } from "../helpers/static-server.ts";
import { tempDir } from "../helpers/temp.ts";

describe("accessibility of every page in the sitemap", () => {
  const site = siteInBrowser();

  it("has zero violations", async () => {
    const urls = sitemapPaths();
    assert.ok(urls.length > 50, `only ${urls.length} URLs in the sitemap`);
    const page = await site.browser.newPage();
    const failures: string[] = [];
    for (const path of urls) {
      await page.goto(site.url + path);
      const violations = await axe(page);
      if (violations.length) failures.push(`${path}\n${describeViolations(violations)}`);
    }
    assert.deepEqual(failures, []);
  });

  it("has zero violations without JavaScript, on one page of each kind", async () => {
    // The first path segment tells the page's kind (article, section, tag, author, search, …).
    const kinds = new Map<string, string>();
    for (const path of sitemapPaths()) {
      const kind = path.split("/")[1];
      if (!kinds.has(kind)) kinds.set(kind, path);
    }
    const paths = [...kinds.values(), "/404.html"];
    assert.ok(paths.length >= 8, `only ${paths.length} kinds of page: ${paths.join(", ")}`);
    const failures: string[] = [];
    for (const path of paths) {
      const violations = await axeWithoutJavaScript(site.browser, site.url + path);
      if (violations.length) failures.push(`${path}\n${describeViolations(violations)}`);
    }
    assert.deepEqual(failures, []);
  });

  it("sees the markup only readers without JavaScript get", async () => {
    const dir = tempDir("pouls-nojs-");
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>` +
        `<noscript><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></noscript><script>document.querySelector("h1").textContent += "!"</script>` +
        `</main></body></html>`,
    );
    writeFileSync(join(dir, "404.html"), "");
    const fixture = await serveStatic(dir);
    try {
      const violations = await axeWithoutJavaScript(site.browser, fixture.url + "/");
      assert.deepEqual(violations.map((v) => v.id), ["image-alt"]);
    } finally {
      await fixture.close();
    }
  });
});

function sitemapPaths(): string[] {
  return [new XMLParser().parse(readFileSync(join(dist, "sitemap-0.xml"), "utf8")).urlset.url]
    .flat()
    .map((u: any) => String(u.loc).replace(origin, ""));
}
