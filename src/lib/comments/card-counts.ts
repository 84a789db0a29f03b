// How many comments an article has, on its cards in the listing pages (home, sections, tags,
// authors, the article list). Astro renders each card with empty markers; the count goes in after
// every build and after every publication of comments alone, from the comment files, for every
// listing page at once. So a listing page never depends on comments: an approved comment renders
// no listing page again, and a page copied from the last build gets the count of now, as a page
// built from scratch does. Related articles under an article carry no count (their page would
// then depend on other articles' comments).
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
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

/**
 * What the last fill left in the output folder, article by article: the comment count its cards
 * show and the listing pages that show them (paths under the output folder). Public like the
 * pages it names.
 */
export const CARD_PAGES = "_pouls/cartes.json";
export type CardList = Record<string, { count: number; pages: string[] }>;
/** The articles with a page, from the build's manifest (patch-pages.ts, ARTICLE_MANIFEST). */
type Articles = readonly { slug: string; url: string }[];

/** A file's path under the output folder, as the list writes it. */
const pathIn = (outDir: string, file: string): string => relative(outDir, file).split(sep).join("/");

const CARD_SLUG = /<!--pouls:carte:([a-z0-9-]+)-->/g;

/** Every listing page under `outDir`: its HTML pages but the articles' own and the search bundle's, in path order. */
function listingPages(outDir: string, articles: readonly { url: string }[]): string[] {
  const articleFiles = new Set(articles.map((a) => join(outDir, a.url, "index.html")));
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

export function readCardList(outDir: string): CardList | undefined {
  try {
    return JSON.parse(readFileSync(join(outDir, CARD_PAGES), "utf8")) as CardList;
  } catch {
    return undefined;
  }
}

function writeCardList(outDir: string, list: CardList): void {
  const sorted = Object.fromEntries(Object.keys(list).sort().map((slug) => [slug, { count: list[slug]!.count, pages: [...new Set(list[slug]!.pages)].sort() }]));
  writeFileSync(join(outDir, CARD_PAGES), `${JSON.stringify(sorted)}\n`);
}

/** The counts of `articles` from `byArticle`, and each one's card HTML, made once. */
function counter(articles: Articles, byArticle: ReadonlyMap<string, PublishedComment[]>) {
  const urlOf = new Map(articles.map((a) => [a.slug, a.url]));
  const cards = new Map<string, string>();
  return {
    count: (slug: string): number => readableCount(byArticle.get(slug) ?? []),
    cardOf: (slug: string): string | undefined => {
      const url = urlOf.get(slug);
      if (url === undefined) return undefined;
      let html = cards.get(slug);
      if (html === undefined) cards.set(slug, (html = cardCountHtml(slug, url, byArticle.get(slug) ?? [])));
      return html;
    },
  };
}

/** A list to add the cards of each page read to, and the counts of the articles it adds. */
interface Listing {
  list: CardList;
  count: (slug: string) => number;
}

/**
 * Fills the cards of `files` (listing pages), each page written whole or not at all, and adds
 * the cards of each page read to `listing` when given one. Returns the pages written.
 */
function fill(outDir: string, files: readonly string[], cardOf: (slug: string) => string | undefined, listing?: Listing): string[] {
  const written: string[] = [];
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    if (listing) {
      const path = pathIn(outDir, file);
      for (const [, slug] of html.matchAll(CARD_SLUG)) (listing.list[slug!] ??= { count: listing.count(slug!), pages: [] }).pages.push(path);
    }
    const page = withCardCounts(html, cardOf);
    if (page === undefined) continue;
    writeFileSync(`${file}.tmp`, page);
    renameSync(`${file}.tmp`, file);
    written.push(file);
  }
  return written;
}

/**
 * Fills the counts of every card of the listing pages under `outDir` (not the articles' own
 * pages, nor the search bundle) and lists them (CARD_PAGES); returns the pages written.
 */
export function fillCardCounts(
  outDir: string,
  articles: Articles,
  byArticle: ReadonlyMap<string, PublishedComment[]>,
): string[] {
  const { count, cardOf } = counter(articles, byArticle);
  const list: CardList = {};
  const written = fill(outDir, listingPages(outDir, articles), cardOf, { list, count });
  writeCardList(outDir, list);
  return written;
}

/**
 * After a publication of comments alone: fills the cards on the pages the last fill listed for
 * the articles `changed`, the only counts that can differ. Without the list, or with one of those
 * pages gone, fills every page.
 */
export function fillChangedCardCounts(
  outDir: string,
  articles: Articles,
  byArticle: ReadonlyMap<string, PublishedComment[]>,
  changed: readonly string[],
): string[] {
  const list = readCardList(outDir);
  const files = [...new Set(changed.flatMap((slug) => list?.[slug]?.pages ?? []))].sort().map((path) => join(outDir, path));
  if (!list || !files.every((file) => existsSync(file))) return fillCardCounts(outDir, articles, byArticle);
  const { count, cardOf } = counter(articles, byArticle);
  const written = fill(outDir, files, cardOf);
  for (const slug of changed) if (list[slug]) list[slug].count = count(slug);
  writeCardList(outDir, list);
  return written;
}

/**
 * After a build that left the last build's pages in place (src/integrations/kept-output.ts):
 * fills the pages written since `startedAt` (a time of the files' clock), whose cards are empty,
 * and the pages the last fill (`last`, read as the build started) listed for articles whose count
 * changed since. The other pages show the counts of now already. Without `last`, or without the
 * time the build started, fills every page.
 */
export function fillBuiltCardCounts(
  outDir: string,
  articles: Articles,
  byArticle: ReadonlyMap<string, PublishedComment[]>,
  last: CardList | undefined,
  startedAt: number | undefined,
): string[] {
  if (!last || startedAt === undefined) return fillCardCounts(outDir, articles, byArticle);
  const { count, cardOf } = counter(articles, byArticle);
  const pages = listingPages(outDir, articles);
  const paths = new Map(pages.map((file) => [pathIn(outDir, file), file]));
  const fresh = new Set(pages.filter((file) => statSync(file).mtimeMs >= startedAt));
  // The last list, less the pages written again or gone; the fresh pages add their own cards.
  const list: CardList = {};
  const stale = new Set<string>();
  for (const [slug, { count: shown, pages: shownOn }] of Object.entries(last)) {
    const kept = shownOn.filter((path) => paths.has(path) && !fresh.has(paths.get(path)!));
    if (kept.length === 0) continue;
    list[slug] = { count: count(slug), pages: kept };
    if (shown !== list[slug].count) for (const path of kept) stale.add(paths.get(path)!);
  }
  const written = [...fill(outDir, [...fresh], cardOf, { list, count }), ...fill(outDir, [...stale].sort(), cardOf)];
  writeCardList(outDir, list);
  return written.sort();
}
