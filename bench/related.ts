// Related-articles benchmark: time and heap of computeRelated on generated corpora of growing
// size, and the growth exponent fitted over the sizes.
//   node_modules/.bin/node bench/related.ts [--sizes 1000,10000,50000] [--runs 3]
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { computeRelated } from "../src/lib/related/index.ts";
import { generateArticles } from "./generate-corpus.ts";

export interface RelatedBenchRow {
  size: number;
  /** Median over the runs, generation excluded. */
  wallMs: number;
  /** Process CPU time (user + system) of the same run; below wallMs only when other work competes for the cores. */
  cpuMs: number;
  /** Highest heap use seen during a run, above the heap before it. */
  peakHeapMB: number;
  /** Heap still held once the run is over and collected: the result map. */
  retainedHeapMB: number;
}

export interface RelatedBenchResult {
  rows: RelatedBenchRow[];
  /** Slope of log(wall time) against log(size), least squares: 1 is linear. */
  exponent: number;
  cpuExponent: number;
}

export const RELATED_TARGETS = { size: 10_000, maxWallMs: 1500, maxExponent: 1.2 } as const;

const MB = 1024 * 1024;

function slope(xs: number[], ys: number[]): number {
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

export function runRelatedBench(sizes: readonly number[], { runs = 3, seed = 1 } = {}): RelatedBenchResult {
  // Measuring the heap needs collections on demand, which Node only offers behind this flag.
  v8.setFlagsFromString("--expose-gc");
  const collectGarbage = runInNewContext("gc") as () => void;
  // Warm the JIT first, so the smallest size is not charged for compiling the engine.
  computeRelated(generateArticles(2000, seed + 1));

  const rows = sizes.map((size): RelatedBenchRow => {
    const articles = generateArticles(size, seed);
    const walls: number[] = [];
    const cpus: number[] = [];
    let peak = 0;
    let retained = 0;
    for (let run = 0; run < runs; run++) {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const profiler = new v8.GCProfiler();
      profiler.start();
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = computeRelated(articles);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const gcs = profiler.stop()?.statistics ?? [];
      const after = process.memoryUsage().heapUsed;
      peak = Math.max(peak, after - before, ...gcs.map((g) => g.beforeGC.heapStatistics.usedHeapSize - before));
      walls.push(wall);
      cpus.push((used.user + used.system) / 1000);
      collectGarbage();
      retained = Math.max(retained, process.memoryUsage().heapUsed - before);
      if (result.size !== size) throw new Error(`computeRelated returned ${result.size} entries for ${size} articles`);
    }
    return { size, wallMs: median(walls), cpuMs: median(cpus), peakHeapMB: peak / MB, retainedHeapMB: retained / MB };
  });

  const logSizes = rows.map((r) => Math.log(r.size));
  return {
    rows,
    exponent: slope(logSizes, rows.map((r) => Math.log(r.wallMs))),
    cpuExponent: slope(logSizes, rows.map((r) => Math.log(r.cpuMs))),
  };
}

export function formatRelatedBench({ rows, exponent, cpuExponent }: RelatedBenchResult): string {
  const cells = (values: string[]) => `| ${values.join(" | ")} |`;
  const lines = [
    cells(["articles", "wall ms", "CPU ms", "µs / article", "peak heap Δ MB", "retained MB"]),
    cells(["---:", "---:", "---:", "---:", "---:", "---:"]),
    ...rows.map((r) =>
      cells([
        r.size.toLocaleString("en-US"),
        r.wallMs.toFixed(0),
        r.cpuMs.toFixed(0),
        ((r.wallMs * 1000) / r.size).toFixed(0),
        r.peakHeapMB.toFixed(1),
        r.retainedHeapMB.toFixed(1),
      ]),
    ),
    "",
    `growth exponent (log-log fit): wall ${exponent.toFixed(3)}, CPU ${cpuExponent.toFixed(3)} — target ≤ ${RELATED_TARGETS.maxExponent}`,
  ];
  const atTarget = rows.find((r) => r.size === RELATED_TARGETS.size);
  if (atTarget) {
    const ok = atTarget.wallMs <= RELATED_TARGETS.maxWallMs;
    lines.push(
      `${RELATED_TARGETS.size.toLocaleString("en-US")} articles: ${atTarget.wallMs.toFixed(0)} ms wall — target ≤ ${RELATED_TARGETS.maxWallMs} ms: ${ok ? "met" : "MISSED"}`,
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
  const runs = Number(flag("runs") ?? 3);
  console.log(formatRelatedBench(runRelatedBench(sizes, { runs })));
}
