// Incremental builds (README, Incremental builds): how long a build takes after each kind of
// change, on generated articles, against a build from scratch, and how many pages it copied from
// the last build instead of rendering them.
//
// Each build's log goes to bench-out/incremental/, to see where the time goes.
//
// Usage: node bench/incremental.ts [sizes…]   e.g. node bench/incremental.ts 1000 10000
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { astroBuild, writeCorpus, type BuildRun } from "./build.ts";

/** What each build changes before it runs, in the order they run. */
const STEPS = [
  { name: "from scratch (`--force`)", change: () => undefined, args: ["--force"] },
  { name: "nothing changed", change: () => undefined },
  { name: "a comment approved", change: (content: string, slug: string) => approveComment(content, slug) },
  { name: "a title corrected", change: (content: string, slug: string) => correctTitle(content, slug) },
  { name: "an article added", change: (content: string, slug: string) => addArticle(content, slug) },
] as const;

const logs = resolve(import.meta.dirname, "../bench-out/incremental");

export interface IncrementalRun extends BuildRun {
  step: string;
  /** Pages and endpoints Astro rendered, and those it copied from the last build. */
  rendered: number;
  copied: number;
}

export interface IncrementalBenchResult {
  articles: number;
  runs: IncrementalRun[];
}

const articleFile = (content: string, slug: string) => join(content, "articles", `${slug}.md`);

function correctTitle(content: string, slug: string): void {
  const text = readFileSync(articleFile(content, slug), "utf8");
  writeFileSync(articleFile(content, slug), text.replace(/^title: "?/m, "$&Correction : "));
}

/** A copy of an article under a new name and title. */
function addArticle(content: string, slug: string): void {
  const text = readFileSync(articleFile(content, slug), "utf8");
  writeFileSync(articleFile(content, `${slug}-suite`), text.replace(/^title: "?/m, "$&La suite : "));
}

function approveComment(content: string, slug: string): void {
  const dir = join(content, "comments", slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "bench-1.md"),
    `---\nid: bench-1\narticle: ${slug}\nparent: null\nauthor: Une lectrice\ndate: 2026-01-02T10:00:00Z\nstaff: false\n---\n\nMerci pour cet article.\n`,
  );
}

export async function runIncrementalBench(sizes = [1000, 10000], log = console.log): Promise<IncrementalBenchResult[]> {
  const results: IncrementalBenchResult[] = [];
  for (const n of sizes) {
    const work = mkdtempSync(join(tmpdir(), `pouls-bench-incremental-${n}-`));
    const content = join(work, "content");
    log(`incremental: generating ${n} articles…`);
    writeCorpus(content, n);
    const slug = readdirSync(join(content, "articles")).sort()[0]!.replace(/\.md$/, "");
    const env = { POULS_CONTENT_DIR: content, POULS_OUT_DIR: join(work, "dist"), POULS_CACHE_DIR: join(work, "cache") };
    const runs: IncrementalRun[] = [];
    mkdirSync(logs, { recursive: true });
    for (const [i, step] of STEPS.entries()) {
      step.change(content, slug);
      log(`incremental: ${n} articles, ${step.name}…`);
      let [rendered, copied] = [0, 0];
      const run = await astroBuild("args" in step ? [...step.args] : [], env, (out) => {
        writeFileSync(join(logs, `${n}-${i + 1}.log`), out);
        // A rendered page's line is cut by other pages' lines (four render at a time); a copied
        // page's is written at once.
        copied = out.match(/[├└]─ \S+ \((?:restored|cached)\)/g)?.length ?? 0;
        rendered = (out.match(/[├└]─ /g)?.length ?? 0) - copied;
      }, "npm");
      runs.push({ ...run, step: step.name, rendered, copied });
      log(`incremental:   ${run.seconds} s, ${rendered} rendered, ${copied} copied, ${run.peakRssMb} MB`);
    }
    results.push({ articles: n, runs });
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function incrementalTable(results: IncrementalBenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.runs.map(
      (run) =>
        `| ${r.articles} | ${run.step} | ${run.seconds.toFixed(1)} s | ${(run.seconds / r.runs[0]!.seconds).toFixed(2)} | ${run.rendered} / ${run.copied} | ${run.peakRssMb} MB |`,
    ),
  );
  return [
    "| articles | change before the build | build time | ratio to the build from scratch | pages rendered / copied from the last build | peak memory |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Each size: one content folder built five times in a row with `npm run build` into the same output and cache folders; the first build ignores the cache (`--force`). With nothing changed, `npm run build` stops before Astro starts (README, Incremental builds).",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(incrementalTable(await runIncrementalBench(sizes.length ? sizes : undefined)));
}
