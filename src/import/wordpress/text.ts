// Plain text out of WordPress fields: titles and excerpts hold HTML entities and, at times, tags.
import { decodeHTML } from "entities";
import { parse } from "node-html-parser";
import { slugify } from "../../lib/slug.ts";
import { decodedOr } from "../../lib/uri.ts";

/** "Immunoth&eacute;rapie &amp; cancer" → "Immunothérapie & cancer", tags dropped, spaces tidied. */
export function plainText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

/**
 * A description from the excerpt, else from the first paragraph that reads as a sentence (not a
 * one-word label), cut at a sentence or word end near `max` characters.
 */
export function descriptionFrom(excerpt: string, bodyHtml: string, max = 220): string {
  const own = plainText(excerpt);
  if (own !== "") return own;
  const paragraphs = parse(bodyHtml)
    .querySelectorAll("p")
    .map((p) => plainText(p.innerHTML))
    .filter((p) => p !== "" && !/^\[[^\]]+\]$/.test(p));
  const first = paragraphs.find((p) => p.length >= 40) ?? paragraphs[0] ?? "";
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const sentence = cut.lastIndexOf(". ");
  if (sentence > max / 2) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/**
 * The article's slug from WordPress's post_name (percent-encoded: "immunoth%c3%a9rapie") folded
 * to the site's form, else from the title, else from the post id.
 */
export function importSlug(postName: string, title: string, id: string): string {
  return slugify(decodedOr(postName)) || slugify(plainText(title)) || `article-${id}`;
}

/** WordPress's "2018-06-07 10:00:00" (UTC when `gmt`), or undefined for its "0000-00-00 …" of drafts. */
export function wordpressDate(value: string, gmt: boolean): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === "0000") return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${gmt ? "Z" : ""}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
