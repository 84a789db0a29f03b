import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

export function page(outDir: string, path: string): HTMLElement {
  const file = path.endsWith("/") ? join(outDir, path, "index.html") : join(outDir, path);
  return parse(readFileSync(file, "utf8"));
}

/** The parsed JSON-LD blocks of a page. */
export function jsonLd(doc: HTMLElement): any[] {
  return doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
}

export const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? "").replace(/[ \t\r\n]+/g, " ").trim();
