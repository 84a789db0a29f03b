// Weight budgets (gzip) of article pages; a failure names the page, the asset and its size.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import { assertBuilt, dist, htmlPages, readPage } from "../helpers/dist.ts";

const KB = 1024;
const budget = { html: 15 * KB, css: 10 * KB, js: 5 * KB, total: 30 * KB };
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

function assets(html: string) {
  const doc = parse(html);
  const css = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href")!);
  const scripts = doc.querySelectorAll("script").filter((s) => s.getAttribute("type") !== "application/ld+json");
  const inlineCss = doc.querySelectorAll("style").map((s) => s.textContent).join("");
  return { doc, css, scripts, inlineCss };
}

describe("budgets", () => {
  const articles = () => htmlPages().filter((p) => p.startsWith("/articles/"));

  it("every article page stays within HTML, CSS, JS and total budgets", () => {
    assertBuilt();
    const over: string[] = [];
    for (const page of articles()) {
      const html = readPage(page);
      const { css, scripts, inlineCss } = assets(html);
      const htmlSize = gz(html);
      const cssSize = css.reduce((n, href) => n + gz(readFileSync(join(dist, href))), 0) + (inlineCss ? gz(inlineCss) : 0);
      const jsSize = scripts.reduce((n, s) => {
        const src = s.getAttribute("src");
        return n + (src ? gz(readFileSync(join(dist, src))) : gz(s.textContent));
      }, 0);
      if (htmlSize > budget.html) over.push(`${page}: HTML ${kb(htmlSize)} > ${kb(budget.html)}`);
      if (cssSize > budget.css) over.push(`${page}: CSS ${css.join(", ")} ${kb(cssSize)} > ${kb(budget.css)}`);
      if (jsSize > budget.js) over.push(`${page}: JS ${scripts.map((s) => s.getAttribute("src") ?? "inline").join(", ")} ${kb(jsSize)} > ${kb(budget.js)}`);
      const total = htmlSize + cssSize + jsSize;
      if (total > budget.total) over.push(`${page}: total ${kb(total)} > ${kb(budget.total)}`);
    }
    assert.ok(articles().length > 0);
    assert.deepEqual(over, []);
  });

  it("no script blocks rendering, and search code loads only on the search page", () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const { doc, scripts } = assets(readPage(page));
      for (const s of doc.querySelectorAll("head script")) {
        const type = s.getAttribute("type");
        const deferred = type === "module" || type === "application/ld+json" || s.hasAttribute("defer") || s.hasAttribute("async");
        if (!deferred) problems.push(`${page}: render-blocking ${s.getAttribute("src") ?? "inline script"}`);
      }
      if (page !== "/recherche/" && scripts.some((s) => /pagefind/i.test(s.getAttribute("src") ?? s.textContent)))
        problems.push(`${page}: loads search code`);
    }
    assert.deepEqual(problems, []);
  });
});
