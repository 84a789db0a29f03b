// Related-articles benchmark: time and heap of computeRelated on generated corpora of growing
// size, and the growth exponent fitted over the sizes.
//   node_modules/.bin/node bench/related.ts [--sizes 1000,10000,50000] [--runs 3]
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { computeRelated, createRelatedIndex, DEFAULT_RELATED_OPTIONS } from "../src/lib/related/index.ts";
import { generateArticles } from "./generate-corpus.ts";

export interface RelatedBenchRow {
  size: number;
  /** Median over the runs, generation excluded. */
  wallMs: number;
  /** CPU time (user + system) of the whole process, GC and compiler threads included. */
  cpuMs: number;
  /**
   * CPU time of the main thread alone: what the run costs one core, without the time spent
   * waiting for it while other programs compete for the machine (which wallMs includes).
   */
  threadCpuMs: number;
  /** Highest heap use seen during a run, above the heap before it. */
  peakHeapMB: number;
  /** Heap still held once the run is over and collected: the result map. */
  retainedHeapMB: number;
  /**
   * Main-thread CPU ms of a fixed loop (10^8 additions over a typed array) run just before each
   * run, median: on a shared machine a core's speed changes with the load, and this says how
   * fast it was for these runs.
   */
  referenceLoopMs: number;
}

/**
 * How close the pruned search (postings cut, a few candidates scored exactly) comes to scoring
 * every pair: the cost of near-linear time, measured rather than assumed.
 */
export interface RelatedQuality {
  size: number;
  /** Share of the exhaustive top K that the default settings also return. */
  recall: number;
  /** Summed exact scores of the returned articles over those of the exhaustive top K. */
  scoreShare: number;
}

export interface RelatedBenchResult {
  rows: RelatedBenchRow[];
  quality: RelatedQuality;
  /** Slope of log(wall time) against log(size), least squares: 1 is linear. */
  exponent: number;
  /** The same fit over main-thread CPU time. */
  threadCpuExponent: number;
}

export const RELATED_TARGETS = { size: 10_000, maxWallMs: 1500, maxExponent: 1.2 } as const;

const MB = 1024 * 1024;

/** Least-squares slope of ys on xs: on logarithms, the growth exponent. */
export function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

function referenceLoop(): number {
  const values = new Int32Array(1 << 20).map((_, i) => i & 1023);
  const start = threadCpuMs();
  let sum = 0;
  for (let round = 0; round < 100; round++) for (let i = 0; i < values.length; i++) sum += values[i]!;
  const elapsed = threadCpuMs() - start;
  // Using the sum keeps the optimiser from dropping the loop.
  if (sum !== 100 * 1024 * ((1023 * 1024) / 2)) throw new Error(`reference loop: unexpected sum ${sum}`);
  return elapsed;
}

// Large enough to exceed every pruning threshold, small enough to score all pairs in seconds.
const QUALITY_SIZE = 3000;

function measureQuality(seed: number): RelatedQuality {
  const articles = generateArticles(QUALITY_SIZE, seed + 2);
  const everything = { maxPostings: QUALITY_SIZE, candidates: QUALITY_SIZE, queryTerms: 100_000, maxDocFreq: 1 };
  const exhaustive = createRelatedIndex(articles, everything);
  const pruned = computeRelated(articles);
  let found = 0;
  let total = 0;
  let best = 0;
  let got = 0;
  for (const [slug, chosen] of computeRelated(articles, everything)) {
    const wanted = new Set(chosen);
    for (const other of chosen) best += exhaustive.explain(slug, other).score;
    for (const other of pruned.get(slug)!) {
      got += exhaustive.explain(slug, other).score;
      if (wanted.has(other)) found++;
    }
    total += chosen.length;
  }
  return { size: QUALITY_SIZE, recall: found / total, scoreShare: got / best };
}

export function runRelatedBench(sizes: readonly number[], { runs = 5, seed = 1 } = {}): RelatedBenchResult {
  // Measuring the heap needs collections on demand, which Node only offers behind this flag.
  v8.setFlagsFromString("--expose-gc");
  const collectGarbage = runInNewContext("gc") as () => void;
  // Warm the JIT first, so the smallest size is not charged for compiling the engine.
  computeRelated(generateArticles(2000, seed + 1));

  const rows = sizes.map((size): RelatedBenchRow => {
    const articles = generateArticles(size, seed);
    const walls: number[] = [];
    const cpus: number[] = [];
    const threadCpus: number[] = [];
    const references: number[] = [];
    let peak = 0;
    let retained = 0;
    // Outside the loop, and cleared before each run: a stale result would count as the baseline.
    let result: Map<string, string[]> | undefined;
    for (let run = 0; run < runs; run++) {
      result = undefined;
      references.push(referenceLoop());
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const profiler = new v8.GCProfiler();
      profiler.start();
      const cpu = process.cpuUsage();
      const threadStart = threadCpuMs();
      const start = performance.now();
      result = computeRelated(articles);
      const wall = performance.now() - start;
      const threadUsed = threadCpuMs() - threadStart;
      const used = process.cpuUsage(cpu);
      const gcs = profiler.stop()?.statistics ?? [];
      const after = process.memoryUsage().heapUsed;
      peak = Math.max(peak, after - before, ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize - before));
      walls.push(wall);
      cpus.push((used.user + used.system) / 1000);
      threadCpus.push(threadUsed);
      collectGarbage();
      retained = Math.max(retained, process.memoryUsage().heapUsed - before);
      if (result.size !== size) throw new Error(`computeRelated returned ${result.size} entries for ${size} articles`);
    }
    return {
      size,
      wallMs: median(walls),
      cpuMs: median(cpus),
      threadCpuMs: median(threadCpus),
      peakHeapMB: peak / MB,
      retainedHeapMB: retained / MB,
      referenceLoopMs: median(references),
    };
  });

  const logSizes = rows.map((r) => Math.log(r.size));
  return {
    rows,
    quality: measureQuality(seed),
    exponent: slope(logSizes, rows.map((r) => Math.log(r.wallMs))),
    threadCpuExponent: slope(logSizes, rows.map((r) => Math.log(r.threadCpuMs))),
  };
}

export function formatRelatedBench({ rows, quality, exponent, threadCpuExponent }: RelatedBenchResult): string {
  const cells = (values: string[]) => `| ${values.join(" | ")} |`;
  const lines = [
    cells([
      "articles",
      "wall ms",
      "main-thread CPU ms",
      "process CPU ms",
      "µs / article (wall)",
      "peak heap Δ MB",
      "retained MB",
      "reference loop ms",
    ]),
    cells(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...rows.map((r) =>
      cells([
        r.size.toLocaleString("en-US"),
        r.wallMs.toFixed(0),
        r.threadCpuMs.toFixed(0),
        r.cpuMs.toFixed(0),
        ((r.wallMs * 1000) / r.size).toFixed(0),
        r.peakHeapMB.toFixed(1),
        r.retainedHeapMB.toFixed(1),
        r.referenceLoopMs.toFixed(0),
      ]),
    ),
    "",
    "reference loop: main-thread CPU ms of 10^8 typed-array additions just before each run (the core's speed then)",
    `growth exponent (log-log fit): wall ${exponent.toFixed(3)}, main-thread CPU ${threadCpuExponent.toFixed(3)} — target ≤ ${RELATED_TARGETS.maxExponent}`,
    `against scoring every pair (${quality.size.toLocaleString("en-US")} articles): ${(100 * quality.recall).toFixed(1)} % of the exhaustive top ${DEFAULT_RELATED_OPTIONS.k} returned, ` +
      `${(100 * quality.scoreShare).toFixed(1)} % of its summed score (the others returned score almost as well)`,
  ];
  const atTarget = rows.find((r) => r.size === RELATED_TARGETS.size);
  if (atTarget) {
    const verdict = (ms: number) => (ms <= RELATED_TARGETS.maxWallMs ? "met" : "MISSED");
    lines.push(
      `${RELATED_TARGETS.size.toLocaleString("en-US")} articles, target ≤ ${RELATED_TARGETS.maxWallMs} ms: ` +
        `wall ${atTarget.wallMs.toFixed(0)} ms (${verdict(atTarget.wallMs)}), ` +
        `main-thread CPU ${atTarget.threadCpuMs.toFixed(0)} ms (${verdict(atTarget.threadCpuMs)})`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (flag("sizes") ?? "1000,10000,50000").split(",").map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 2)) throw new Error("--sizes: attendu une liste d'entiers ≥ 2, ex. 1000,10000");
  const runs = Number(flag("runs") ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs: attendu un entier ≥ 1");
  console.log(formatRelatedBench(runRelatedBench(sizes, { runs })));
}
