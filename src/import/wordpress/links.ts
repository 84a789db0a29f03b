// Links between posts of the export: by permalink, by "?p=ID" (the guid), by a percent-encoded
// URL. They become the site's own addresses, which the build then checks; a link to a post Pouls
// does not publish becomes its text.
import { decodedOr } from "../../lib/uri.ts";

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
  const path = decodedOr(url.pathname).normalize("NFC").toLowerCase().replace(/\/+$/, "");
  return path === "" ? undefined : `path:${path}`;
}

export interface LinkTarget {
  /** The address on the site, or undefined when Pouls does not publish it. */
  url: string | undefined;
  title: string;
}

/**
 * The body (Markdown, Turndown's output: the HTML of every post need not be kept until all
 * addresses are known) with its `[words](href)` links to other posts of the export pointing at the
 * site, and those Pouls does not publish left as their words. Images (`![…](…)`) aside.
 */
export function rewriteMarkdownLinks(markdown: string, siteUrl: string, targets: ReadonlyMap<string, LinkTarget>): { markdown: string; unpublished: string[] } {
  const unpublished: string[] = [];
  const out = markdown.replace(/(!?)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)((?:\s+"[^"]*")?)\)/g, (whole, bang: string, words: string, href: string, title: string) => {
    if (bang === "!") return whole;
    const key = linkKey(href, siteUrl);
    const target = key === undefined ? undefined : targets.get(key);
    if (target === undefined) return whole;
    if (target.url !== undefined) return `[${words}](${target.url}${title})`;
    unpublished.push(target.title);
    return words;
  });
  return { markdown: out, unpublished: [...new Set(unpublished)] };
}
