// How the whole search index is split on a large site: into parts of consecutive dates, newest
// first, so that results sorted by date are the parts' results one part after the other
// (src/lib/search/merge-parts.ts). The same site always gives the same parts, and an edited
// article changes one part only (the others are kept between builds, as the whole index was); a new
// article moves the parts' bounds. The number of parts is a power of two, so that it changes only
// when the site doubles.
import { newestFirst, type DatedPage } from "./recent.ts";

/** The number of parts for this many pages: 1 up to `shardPages`, then the next power of two. */
export function shardCount(pages: number, shardPages: number): number {
  let count = 1;
  while (pages > count * shardPages) count *= 2;
  return count;
}

/** The pages' URLs split into parts of consecutive dates, newest part first, each part in URL order. */
export function shardsOf(pages: readonly DatedPage[], shardPages: number): string[][] {
  const count = shardCount(pages.length, shardPages);
  const ordered = newestFirst(pages, pages.length);
  const size = Math.ceil(ordered.length / count);
  const shards: string[][] = [];
  for (let i = 0; i < ordered.length; i += size) shards.push(ordered.slice(i, i + size).map((p) => p.url).sort());
  return shards;
}
