// Weight budgets (gzip) of article pages; a failure names the page, the asset and its size.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "node-html-parser";
import { articlePages, assertBuilt, dist, htmlPages, readPage } from "../helpers/dist.ts";
import { pageWeight } from "../helpers/weight.ts";

const KB = 1024;
const budget = { html: 15 * KB, css: 10 * KB, js: 5 * KB, total: 30 * KB };
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

describe("budgets", () => {
  const articles = () => articlePages();

  it("every article page stays within HTML, CSS, JS and total budgets", () => {
    assertBuilt();
    const over: string[] = [];
    for (const page of articles()) {
      const w = pageWeight(dist, readPage(page));
      if (w.html > budget.html) over.push(`${page}: HTML ${kb(w.html)} > ${kb(budget.html)}`);
      if (w.css > budget.css) over.push(`${page}: CSS ${w.cssFiles.join(", ")} ${kb(w.css)} > ${kb(budget.css)}`);
      if (w.js > budget.js) over.push(`${page}: JS ${w.jsFiles.join(", ")} ${kb(w.js)} > ${kb(budget.js)}`);
      if (w.total > budget.total) over.push(`${page}: total ${kb(w.total)} > ${kb(budget.total)}`);
    }
    assert.ok(articles().length > 0);
    assert.deepEqual(over, []);
  });

  it("no script blocks rendering, and search code loads only on the search page", () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const doc = parse(readPage(page));
      // Inline scripts wait for no download; an external classic script in <head> does.
      for (const s of doc.querySelectorAll("head script[src]")) {
        const type = s.getAttribute("type");
        const deferred = type === "module" || type === "application/ld+json" || s.hasAttribute("defer") || s.hasAttribute("async");
        if (!deferred) problems.push(`${page}: render-blocking ${s.getAttribute("src") ?? "inline script"}`);
      }
      const scripts = doc.querySelectorAll("script");
      if (page !== "/recherche/" && scripts.some((s) => /pagefind/i.test(s.getAttribute("src") ?? s.textContent)))
        problems.push(`${page}: loads search code`);
    }
    assert.deepEqual(problems, []);
  });
});
