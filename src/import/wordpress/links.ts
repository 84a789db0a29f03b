// Links between posts of the export: by permalink, by "?p=ID" (the guid), by a percent-encoded
// URL. They become the site's own addresses, which the build then checks; a link to a post Pouls
// does not publish becomes its text.
import { parse } from "node-html-parser";

/** The key a link to the export's own site is known by, or undefined for another site's. */
export function linkKey(href: string, siteUrl: string): string | undefined {
  let url: URL;
  let site: URL;
  try {
    site = new URL(siteUrl);
    url = new URL(href, site);
  } catch {
    return undefined;
  }
  if (url.hostname.replace(/^www\./, "") !== site.hostname.replace(/^www\./, "")) return undefined;
  const id = url.searchParams.get("p") ?? url.searchParams.get("page_id");
  if (id && /^\d+$/.test(id)) return `id:${id}`;
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept as written.
  }
  path = path.normalize("NFC").toLowerCase().replace(/\/+$/, "");
  return path === "" ? undefined : `path:${path}`;
}

export interface LinkTarget {
  /** The address on the site, or undefined when Pouls does not publish it. */
  url: string | undefined;
  title: string;
}

/** The body with links to other posts of the export pointing at the site, and those left as text. */
export function rewriteLinks(html: string, siteUrl: string, targets: ReadonlyMap<string, LinkTarget>): { html: string; unpublished: string[] } {
  const root = parse(html);
  const unpublished: string[] = [];
  let changed = false;
  for (const a of root.querySelectorAll("a[href]")) {
    const key = linkKey(a.getAttribute("href") ?? "", siteUrl);
    const target = key === undefined ? undefined : targets.get(key);
    if (target === undefined) continue;
    changed = true;
    if (target.url !== undefined) a.setAttribute("href", target.url);
    else {
      unpublished.push(target.title);
      a.replaceWith(a.innerHTML);
    }
  }
  return { html: changed ? root.toString() : html, unpublished: [...new Set(unpublished)] };
}
