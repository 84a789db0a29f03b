// One answer from the parts of a whole index (src/lib/search/shards.ts), as Pagefind's own
// mergeIndex would give, except for a sort by date: Pagefind orders merged results by score, which
// a sort does not set. The parts hold ranges of dates, newest first, so sorted results are the
// parts' results one part after the other.

export interface PartResponse<R extends { score?: number }> {
  results: R[];
  filters: Record<string, Record<string, number>>;
}

/** The parts' answers as one: by date in the parts' order, or by score (ties keep that order). */
export function mergeParts<R extends { score?: number }>(responses: PartResponse<R>[], byDate: boolean): PartResponse<R> {
  const results = responses.flatMap((r) => r.results);
  if (!byDate) results.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const filters: Record<string, Record<string, number>> = {};
  for (const response of responses) {
    for (const [filter, values] of Object.entries(response.filters)) {
      const merged = (filters[filter] ??= {});
      for (const [value, count] of Object.entries(values)) merged[value] = (merged[value] ?? 0) + count;
    }
  }
  return { results, filters };
}
