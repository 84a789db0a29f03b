// Whether a build of this many articles fits the machine, told before Astro reads any content,
// rather than after half an hour with a stack trace. The lines are fitted to builds from scratch of
// the benchmark's generated articles (README, Large sites): Astro's heap at 20,000 articles, its
// resident memory at 20,000 and 100,000, Pagefind's at 100,000. Without margin: a check that
// refuses a build that would have passed is worse than none.

import { partSize } from "./search/shards.ts";
import { frenchNumber } from "./typography.ts";

const MB = 1024 * 1024;

/** Memory of a build from scratch, in MB, as straight lines in the number of articles. */
export const BUILD_MEMORY = {
  /** Astro's JavaScript heap at its peak, which must fit under the heap's limit. */
  astroHeap: { baseMb: 200, perArticleKb: 40 },
  /** Astro's process, resident. */
  astro: { baseMb: 1060, perArticleKb: 50 },
  /** One Pagefind process, which indexes one part of the index while Astro still holds its memory. */
  pagefind: { baseMb: 100, perArticleKb: 150 },
};

type Line = { baseMb: number; perArticleKb: number };
const need = (line: Line, articles: number) => line.baseMb + (line.perArticleKb * articles) / 1024;

export interface MemoryLimits {
  /** The heap limit of the process that builds (v8.getHeapStatistics().heap_size_limit), in bytes. */
  heapBytes: number;
  /** The machine's memory, or its container's limit when lower, in bytes. */
  machineBytes: number;
  /** The pages of one part of the search index on a small site (site.searchShardPages; src/lib/search/shards.ts). */
  shardPages: number;
}

const gb = (mb: number) => (mb < 1024 ? `${Math.ceil(mb)} Mo` : `${(mb / 1024).toFixed(1).replace(".", ",")} Go`);

/** The reason this build cannot fit, in French, or undefined when it fits. */
export function buildMemoryProblem(articles: number, limits: MemoryLimits): string | undefined {
  const total = need(BUILD_MEMORY.astro, articles) + need(BUILD_MEMORY.pagefind, Math.min(articles, partSize(articles, limits.shardPages)));
  const heap = need(BUILD_MEMORY.astroHeap, articles);
  const machineMb = limits.machineBytes / MB;
  const heapMb = limits.heapBytes / MB;
  if (total > machineMb) {
    return (
      `Mémoire insuffisante pour ${frenchNumber(articles)} articles : la construction en demande environ ${gb(total)}, ` +
      `cette machine en a ${gb(machineMb)}. Attendu : une machine d’au moins ${gb(total)} de mémoire.`
    );
  }
  if (heap > heapMb) {
    return (
      `Mémoire JavaScript insuffisante pour ${frenchNumber(articles)} articles : Astro en demande environ ${gb(heap)}, ` +
      `sa limite est ${gb(heapMb)}. Attendu : npm run build, qui la fixe à la moitié de la mémoire de la machine, ` +
      `ou NODE_OPTIONS=--max-old-space-size=${Math.ceil(heap)} si la machine a la mémoire.`
    );
  }
  return undefined;
}
