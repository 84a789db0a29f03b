import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Context } from "hono";
import { matchRedirect, parseRedirectsFile, type HostRule } from "../../lib/redirects.ts";

// Local all-in-one mode only (npm start): the built site served beside the inbox. In
// production any static host or CDN does this job.

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsl": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".pdf": "application/pdf",
};

const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

export function serveDirectory(root: string): (c: Context) => Promise<Response> {
  const base = path.resolve(root);

  const send = async (c: Context, file: string, status: 200 | 404): Promise<Response> => {
    const body = await readFile(file);
    return c.body(body, status, {
      "Content-Type": contentType(file),
      "Cache-Control": file.endsWith(".html") ? "no-cache" : "public, max-age=300",
    });
  };

  const notFound = async (c: Context): Promise<Response> => {
    const page = path.join(base, "404.html");
    return (await isFile(page)) ? send(c, page, 404) : c.text("Page introuvable", 404);
  };

  // The old addresses the build wrote to dist/_redirects (content/redirections.txt), followed as
  // a static host that reads that file would.
  let rules: { mtime: number; list: HostRule[] } = { mtime: -1, list: [] };
  const redirectRules = async (): Promise<HostRule[]> => {
    const file = path.join(base, "_redirects");
    const mtime = await stat(file).then((s) => s.mtimeMs, () => 0);
    if (mtime !== rules.mtime) rules = { mtime, list: mtime === 0 ? [] : parseRedirectsFile(await readFile(file, "utf8")) };
    return rules.list;
  };

  return async (c) => {
    const url = new URL(c.req.url);
    const moved = matchRedirect(await redirectRules(), url.pathname, url.searchParams);
    if (moved !== undefined) return c.redirect(moved, 301);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return c.text("Adresse invalide", 400);
    }
    const file = path.join(base, pathname);
    // Never outside dist/, whatever "..", encoded or not, the request carries.
    if (pathname.includes("\0") || (file !== base && !file.startsWith(`${base}${path.sep}`))) return notFound(c);
    if (await isDirectory(file)) {
      if (!url.pathname.endsWith("/")) return c.redirect(`${url.pathname}/${url.search}`, 301);
      const index = path.join(file, "index.html");
      return (await isFile(index)) ? send(c, index, 200) : notFound(c);
    }
    return (await isFile(file)) ? send(c, file, 200) : notFound(c);
  };
}
