// Every internal link, anchor, image and asset reference of the built site resolves.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { assertBuilt, dist, htmlPages, origin, readPage } from "../helpers/dist.ts";

// Served by the inbox next to the static files, not part of dist/.
const dynamic = /^\/(api|moderation)\//;

function resolveFile(path: string): string | undefined {
  const file = join(dist, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(join(file, "index.html"))) return join(file, "index.html");
  return undefined;
}

function references(doc: HTMLElement): string[] {
  const refs: string[] = [];
  for (const el of doc.querySelectorAll("a[href], link[href], script[src], img[src], source[srcset], img[srcset], form[action]")) {
    if (el.tagName === "LINK" && el.getAttribute("rel") === "canonical") continue;
    for (const attr of ["href", "src", "action"]) {
      const v = el.getAttribute(attr);
      if (v) refs.push(v);
    }
    const srcset = el.getAttribute("srcset");
    if (srcset) refs.push(...srcset.split(",").map((c) => c.trim().split(/\s+/)[0]!));
  }
  return refs;
}

describe("links and assets", () => {
  it("resolve for every page, including #anchors", () => {
    assertBuilt();
    const ids = new Map<string, Set<string>>();
    const idsOf = (path: string) => {
      if (!ids.has(path)) ids.set(path, new Set(parse(readPage(path)).querySelectorAll("[id]").map((e) => e.id)));
      return ids.get(path)!;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of htmlPages()) {
      const doc = parse(readPage(page));
      for (const ref of references(doc)) {
        if (/^(mailto|tel|data):/.test(ref)) continue;
        const url = new URL(ref, origin + page);
        if (url.origin !== new URL(origin).origin) continue;
        if (dynamic.test(url.pathname)) continue;
        checked++;
        const file = resolveFile(url.pathname);
        if (!file) broken.push(`${page} → ${ref}`);
        else if (url.hash && file.endsWith(".html")) {
          const target = url.pathname.endsWith(".html") ? url.pathname : url.pathname.replace(/\/?$/, "/");
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id)) broken.push(`${page} → ${ref} (no element with id "${id}")`);
        }
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(checked > htmlPages().length * 10, `only ${checked} references checked`);
  });

  it("canonical and Open Graph URLs use the configured origin and the page's own path", () => {
    const wrong: string[] = [];
    for (const page of htmlPages().filter((p) => p !== "/404.html")) {
      const doc = parse(readPage(page));
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
      const og = doc.querySelector('meta[property="og:url"]')?.getAttribute("content");
      if (canonical !== origin + page) wrong.push(`${page}: canonical ${canonical}`);
      if (og !== origin + page) wrong.push(`${page}: og:url ${og}`);
      const image = doc.querySelector('meta[property="og:image"]')?.getAttribute("content");
      if (image && !image.startsWith(origin + "/")) wrong.push(`${page}: og:image ${image}`);
    }
    assert.deepEqual(wrong, []);
  });
});
