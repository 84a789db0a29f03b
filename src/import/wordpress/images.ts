// A post's images, taken from the WordPress uploads folder and put beside the article, where
// Astro's image pipeline serves them. WordPress's resized copies ("photo-800x450.jpg") lead back to
// the original. No image is left pointing at the old host: one that cannot be found is dropped
// from the page and reported.
import { posix } from "node:path";
import { parse } from "node-html-parser";
import { decodedOr } from "../../lib/uri.ts";

/** Where an upload lives under the uploads folder ("2018/06/photo.jpg"), or undefined for another site's image. */
export function uploadPath(url: string, siteUrl: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, siteUrl);
  } catch {
    return undefined;
  }
  const path = decodedOr(parsed.pathname);
  const marker = path.indexOf("/wp-content/uploads/");
  if (marker >= 0) return path.slice(marker + "/wp-content/uploads/".length);
  // WordPress.com serves uploads from <site>.files.wordpress.com/<year>/<month>/….
  if (/\.files\.wordpress\.com$/.test(parsed.hostname)) return path.replace(/^\/+/, "");
  return undefined;
}

/** The original first, then the file as named: "a/photo-800x450.jpg" → ["a/photo.jpg", "a/photo-800x450.jpg"]. */
export function uploadCandidates(path: string): string[] {
  const original = path.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1");
  return original === path ? [path] : [original, path];
}

export interface ImageCopy {
  /** The file in the uploads folder. */
  from: string;
  /** Its name beside the article. */
  name: string;
}

export interface LocalImages {
  html: string;
  copies: ImageCopy[];
  missing: string[];
  withoutAlt: string[];
}

/**
 * `html` with every uploaded image pointing at its copy beside the article (`./name`), links to
 * uploaded files unwrapped, and images that cannot be found dropped. `find` gives the file of an
 * uploads path, or undefined.
 */
export function localImages(html: string, siteUrl: string, find: (path: string) => string | undefined, copies: ImageCopy[] = []): LocalImages {
  const root = parse(html);
  const missing: string[] = [];
  const withoutAlt: string[] = [];
  let changed = false;
  // A link around an image usually opens the full-size file on the old host: the image stays, the link goes.
  for (const a of root.querySelectorAll("a[href]")) {
    if (a.querySelector("img") && uploadPath(a.getAttribute("href") ?? "", siteUrl) !== undefined) {
      a.replaceWith(a.innerHTML);
      changed = true;
    }
  }
  for (const img of root.querySelectorAll("img")) {
    const src = img.getAttribute("src") ?? "";
    const path = uploadPath(src, siteUrl);
    if (path === undefined) continue;
    changed = true;
    const name = localName(path, find, copies);
    if (name === undefined) {
      missing.push(posix.basename(path));
      img.remove();
      continue;
    }
    for (const attribute of ["srcset", "sizes", "width", "height", "class"]) img.removeAttribute(attribute);
    img.setAttribute("src", `./${name}`);
    if ((img.getAttribute("alt") ?? "").trim() === "") withoutAlt.push(name);
  }
  return { html: changed ? root.toString() : html, copies, missing, withoutAlt };
}

/** The name of an upload beside the article, planning its copy; undefined when it is nowhere. */
export function localName(path: string, find: (path: string) => string | undefined, copies: ImageCopy[]): string | undefined {
  for (const candidate of uploadCandidates(path)) {
    const from = find(candidate);
    if (from === undefined) continue;
    const known = copies.find((c) => c.from === from);
    if (known) return known.name;
    const base = posix.basename(candidate).toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
    let name = base;
    for (let n = 2; copies.some((c) => c.name === name); n++) name = `${n}-${base}`;
    copies.push({ from, name });
    return name;
  }
  return undefined;
}
