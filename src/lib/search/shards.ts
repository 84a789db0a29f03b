// How the whole search index is split on a large site: into parts of consecutive dates, so that
// results sorted by date are the parts' results one part after the other
// (src/lib/search/merge-parts.ts). Pages are counted from the oldest, a fixed number to a part, so
// that the parts stay put as the site grows: a new article goes into the newest part, the only one
// not yet full, and an edited article changes its own part only. Each part is kept between builds
// (src/integrations/pagefind.ts), so an incremental build indexes that one part again, not the site.
// The part size doubles whenever the site would otherwise have more than MAX_PARTS parts, each of
// which the search page loads with a Pagefind of its own: the split changes only then.
import { newestFirst, type DatedPage } from "./recent.ts";

/** The most parts an index is split into; past it, parts hold twice as many pages. */
export const MAX_PARTS = 16;

/** How many pages a part holds on a site of `pages` pages: `shardPages`, doubled as often as needed. */
export function partSize(pages: number, shardPages: number): number {
  let size = shardPages;
  while (pages > size * MAX_PARTS) size *= 2;
  return size;
}

export interface IndexPart {
  /** Its place counted from the oldest part (0): the same part keeps it as the site grows. */
  id: number;
  /** Its pages' URLs, in URL order. */
  urls: string[];
}

/** The pages split into parts of consecutive dates, newest part first (the one not yet full). */
export function shardsOf(pages: readonly DatedPage[], shardPages: number): IndexPart[] {
  const size = partSize(pages.length, shardPages);
  const oldestFirst = newestFirst(pages, pages.length).reverse();
  const parts: IndexPart[] = [];
  for (let start = 0; start < oldestFirst.length; start += size) {
    parts.push({ id: parts.length, urls: oldestFirst.slice(start, start + size).map((p) => p.url).sort() });
  }
  return parts.reverse();
}
