// Compressed weight of a built page and of the CSS and JS it loads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "node-html-parser";

export const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
  cssFiles: string[];
  jsFiles: string[];
}

/** Gzipped bytes of a page of `dist` (its HTML, stylesheets and scripts, inline ones included). */
export function pageWeight(dist: string, html: string): PageWeight {
  const doc = parse(html);
  const cssFiles = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href")!);
  const scripts = doc.querySelectorAll("script").filter((s) => s.getAttribute("type") !== "application/ld+json");
  const jsFiles = scripts.map((s) => s.getAttribute("src") ?? "inline");
  const inlineCss = doc.querySelectorAll("style").map((s) => s.textContent).join("");
  const css = cssFiles.reduce((n, href) => n + gz(readFileSync(join(dist, href))), 0) + (inlineCss ? gz(inlineCss) : 0);
  const js = scripts.reduce((n, s) => {
    const src = s.getAttribute("src");
    return n + (src ? gz(readFileSync(join(dist, src))) : gz(s.textContent));
  }, 0);
  const h = gz(html);
  return { html: h, css, js, total: h + css + js, cssFiles, jsFiles };
}
