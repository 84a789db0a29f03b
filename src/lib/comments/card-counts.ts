// How many comments an article has, on its cards in the listing pages (home, sections, tags,
// authors, the article list). Astro renders each card with empty markers; the count goes in after
// every build and after every publication of comments alone, from the comment files, for every
// listing page at once. So a listing page never depends on comments: an approved comment renders
// no listing page again, and a page copied from the last build gets the count of now, as a page
// built from scratch does. Related articles under an article carry no count (their page would
// then depend on other articles' comments).
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
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

/** Where a build lists, for each article, the listing pages that show its card (paths under the output folder). */
export const CARD_PAGES = "_pouls/cartes.json";

const CARD_SLUG = /<!--pouls:carte:([a-z0-9-]+)-->/g;

/** Every listing page under `outDir`: its HTML pages but the articles' own and the search bundle's, in path order. */
function listingPages(outDir: string, articleFiles: ReadonlySet<string>): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    const top = file.slice(outDir.length + 1).split(sep)[0];
    if (top === "pagefind" || top === "_pouls" || articleFiles.has(file)) continue;
    files.push(file);
  }
  return files.sort();
}

/** The listing pages that show the cards of `slugs`, as the last full fill listed them; undefined without a usable list. */
function pagesShowing(outDir: string, slugs: readonly string[]): string[] | undefined {
  let listed: Record<string, string[]>;
  try {
    listed = JSON.parse(readFileSync(join(outDir, CARD_PAGES), "utf8")) as Record<string, string[]>;
  } catch {
    return undefined;
  }
  const files = [...new Set(slugs.flatMap((slug) => listed[slug] ?? []))].map((path) => join(outDir, path));
  return files.every((file) => existsSync(file)) ? files.sort() : undefined;
}

/**
 * Fills the counts of every card of the listing pages under `outDir` (not the articles' own
 * pages, nor the search bundle); returns the pages written. Each page is written whole or not at
 * all. Given `only` (the articles whose comments alone changed since), it reads just the pages
 * that show their cards, as listed by the last full fill; a full fill lists them again (CARD_PAGES).
 */
export function fillCardCounts(
  outDir: string,
  articles: readonly { slug: string; url: string }[],
  byArticle: ReadonlyMap<string, PublishedComment[]>,
  only?: readonly string[],
): string[] {
  const urlOf = new Map(articles.map((a) => [a.slug, a.url]));
  const counts = new Map<string, string>();
  const countOf = (slug: string): string | undefined => {
    const url = urlOf.get(slug);
    if (url === undefined) return undefined;
    let html = counts.get(slug);
    if (html === undefined) counts.set(slug, (html = cardCountHtml(slug, url, byArticle.get(slug) ?? [])));
    return html;
  };
  const showing = only && pagesShowing(outDir, only);
  const files = showing ?? listingPages(outDir, new Set(articles.map((a) => join(outDir, a.url, "index.html"))));
  const pagesOf: Record<string, string[]> = {};
  const written: string[] = [];
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    if (!showing) {
      const path = relative(outDir, file).split(sep).join("/");
      for (const [, slug] of html.matchAll(CARD_SLUG)) if (pagesOf[slug!]?.at(-1) !== path) (pagesOf[slug!] ??= []).push(path);
    }
    const page = withCardCounts(html, countOf);
    if (page === undefined) continue;
    writeFileSync(`${file}.tmp`, page);
    renameSync(`${file}.tmp`, file);
    written.push(file);
  }
  if (!showing) {
    const sorted = Object.fromEntries(Object.keys(pagesOf).sort().map((slug) => [slug, pagesOf[slug]]));
    writeFileSync(join(outDir, CARD_PAGES), `${JSON.stringify(sorted)}\n`);
  }
  return written;
}
