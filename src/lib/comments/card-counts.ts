// How many comments an article has, on its cards in the listing pages (home, sections, tags,
// authors, the article list). Astro renders each card with empty markers; the count goes in after
// every build and after every publication of comments alone, from the comment files, for every
// listing page at once. So a listing page never depends on comments: an approved comment renders
// no listing page again, and a page copied from the last build gets the count of now, as a page
// built from scratch does. Related articles under an article carry no count (their page would
// then depend on other articles' comments).
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { escapeHtml } from "./text.ts";
import { THREAD_TEXT } from "../../i18n/comments.fr.ts";
import { readableCount, type PublishedComment } from "./view.ts";

const CARD_COUNT = /<!--pouls:carte:([a-z0-9-]+)-->[\s\S]*?<!--\/pouls:carte-->/g;

/** The empty place of an article's count on its card. */
export const cardCountPlace = (slug: string): string => `<!--pouls:carte:${slug}--><!--/pouls:carte-->`;

/** The place filled with the count of `comments`, linked to them; empty without comments. */
export function cardCountHtml(slug: string, url: string, comments: readonly PublishedComment[]): string {
  const count = readableCount(comments);
  const link = count > 0 ? `<p class="card__comments"><a href="${escapeHtml(url)}#commentaires-titre">${escapeHtml(THREAD_TEXT.count(count))}</a></p>` : "";
  return `<!--pouls:carte:${slug}-->${link}<!--/pouls:carte-->`;
}

/** `html` with each card's count filled in, or undefined when nothing in it changes. */
export function withCardCounts(html: string, countOf: (slug: string) => string | undefined): string | undefined {
  if (!html.includes("<!--pouls:carte:")) return undefined;
  const filled = html.replace(CARD_COUNT, (place, slug: string) => countOf(slug) ?? place);
  return filled === html ? undefined : filled;
}

/**
 * Fills the counts of every card of every page under `outDir` but the articles' own pages and
 * the search bundle; returns the pages written. Each page is written whole or not at all.
 */
export function fillCardCounts(
  outDir: string,
  articles: readonly { slug: string; url: string }[],
  byArticle: ReadonlyMap<string, PublishedComment[]>,
): string[] {
  const urlOf = new Map(articles.map((a) => [a.slug, a.url]));
  const articleFiles = new Set(articles.map((a) => join(outDir, a.url, "index.html")));
  const counts = new Map<string, string>();
  const countOf = (slug: string): string | undefined => {
    const url = urlOf.get(slug);
    if (url === undefined) return undefined;
    let html = counts.get(slug);
    if (html === undefined) counts.set(slug, (html = cardCountHtml(slug, url, byArticle.get(slug) ?? [])));
    return html;
  };
  const written: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    const top = file.slice(outDir.length + 1).split(sep)[0];
    if (top === "pagefind" || top === "_pouls" || articleFiles.has(file)) continue;
    const page = withCardCounts(readFileSync(file, "utf8"), countOf);
    if (page === undefined) continue;
    writeFileSync(`${file}.tmp`, page);
    renameSync(`${file}.tmp`, file);
    written.push(file);
  }
  return written;
}
