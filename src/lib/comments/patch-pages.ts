// Publishing approved comments without a build: when nothing but comment files changed since the
// last build, each article whose comments changed gets its comment thread written again in its
// page (thread-html.ts, the very code the build renders it with), and the listing pages their
// cards' counts (card-counts.ts, as after a build); nothing else of the site changes: comments
// are not in the search index. Anything this
// cannot do (an article without a page, a page without its thread's markers) is left to a build.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { digest } from "../digest.ts";
import { COUNT_END, COUNT_START, commentCountHtml, commentThreadHtml, THREAD_END, THREAD_START } from "./thread-html.ts";
import { buildTime } from "../build-time.ts";
import { openOn } from "./closing.ts";
import type { PublishedComment } from "./view.ts";
import { fillChangedCardCounts } from "./card-counts.ts";

/** The list of articles the build writes for the inbox, relative to the output folder. */
export const ARTICLE_MANIFEST = "_pouls/articles.json";

/** A fingerprint of each article's comments, to tell which articles' comments changed. */
export function commentDigests(byArticle: Map<string, PublishedComment[]>): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [article, comments] of byArticle) {
    digests[article] = digest([...comments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  return digests;
}

/** The articles whose comments differ between two sets of digests. */
export function changedArticles(before: Record<string, string>, after: Record<string, string>): string[] {
  const articles = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...articles].filter((article) => before[article] !== after[article]).sort();
}

interface ManifestArticle {
  slug: string;
  url: string;
  comments: "open" | "closed";
  closes?: string;
}

/** What is between `open` and `close` in `page` replaced, or undefined when the markers are not there exactly once. */
function between(page: string, open: string, close: string, text: string): string | undefined {
  const start = page.indexOf(open);
  const end = page.indexOf(close);
  if (start < 0 || end < start || page.indexOf(open, start + 1) >= 0) return undefined;
  return page.slice(0, start) + text + page.slice(end + close.length);
}

/** The thread of `page` replaced, or undefined when its markers are not there exactly once. */
export const withThread = (page: string, thread: string): string | undefined => between(page, THREAD_START, THREAD_END, thread);

/** The count at the top of `page` replaced, or undefined when its markers are not there exactly once. */
export const withCount = (page: string, count: string): string | undefined => between(page, COUNT_START, COUNT_END, count);

/**
 * Writes the new threads of `articles` into their pages under `outDir`, all or none, and the
 * counts of the listing pages' cards; returns the article pages and the listing pages written,
 * or undefined when one of the articles' pages cannot be (then nothing is written).
 */
export function patchCommentPages(
  outDir: string,
  byArticle: Map<string, PublishedComment[]>,
  articles: string[],
  action: string,
): { pages: string[]; listings: string[] } | undefined {
  const manifestFile = join(outDir, ARTICLE_MANIFEST);
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { articles: ManifestArticle[] };
  const bySlug = new Map(manifest.articles.map((a) => [a.slug, a]));
  const pages: [string, string][] = [];
  const now = buildTime();
  for (const slug of articles) {
    const article = bySlug.get(slug);
    const file = article && join(outDir, article.url, "index.html");
    if (!article || !file || !existsSync(file)) return undefined;
    const comments = byArticle.get(slug) ?? [];
    // Open as the build that made the page saw it: by its front matter, and not closed by age.
    const open = openOn(article.comments === "open", article.closes, now);
    const threaded = withThread(readFileSync(file, "utf8"), commentThreadHtml(comments, { article: slug, action, open }));
    const page = threaded === undefined ? undefined : withCount(threaded, commentCountHtml(comments));
    if (page === undefined) return undefined;
    pages.push([file, page]);
  }
  // Each page whole or not at all, for a reader loading it meanwhile.
  for (const [file, page] of pages) {
    writeFileSync(`${file}.tmp`, page);
    renameSync(`${file}.tmp`, file);
  }
  // The counts on the cards of the listing pages that show these articles, as the build fills them in.
  const listings = fillChangedCardCounts(outDir, manifest.articles, byArticle, articles);
  return {
    pages: articles.map((slug) => bySlug.get(slug)!.url),
    listings: listings.map((file) => `/${relative(outDir, file).replace(/index\.html$/u, "")}`),
  };
}
