// Incremental builds (README, Incremental builds): how long a build takes after each kind of
// change, on generated articles, against a build from scratch, and how many pages it copied from
// the last build instead of rendering them.
//
// Each build's log goes to bench-out/incremental/, to see where the time goes.
//
// Usage: node bench/incremental.ts [sizes…]   e.g. node bench/incremental.ts 1000 10000
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { astroBuild, generatedSite, type BuildRun } from "./build.ts";

/** What each build changes before it runs, in the order they run; the large sizes run the first three. */
const STEPS = [
  { name: "from scratch (`--force`)", change: () => undefined, args: ["--force"], everySize: true },
  { name: "nothing changed", change: () => undefined, everySize: true },
  { name: "a comment approved", change: (content: string, slug: string) => approveComment(content, slug), everySize: true },
  { name: "a title corrected", change: (content: string, slug: string) => correctTitle(content, slug) },
  { name: "an article added", change: (content: string, slug: string) => addArticle(content, slug) },
] as const;

/** From this size on, only the steps run at every size: the others take as long as a build from scratch. */
const LARGE = 50_000;

const logs = resolve(import.meta.dirname, "../bench-out/incremental");

export interface IncrementalRun extends BuildRun {
  step: string;
  /** What `npm run build` did instead of starting Astro, when it did not. */
  without?: string;
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

/**
 * A new article as newsrooms publish them, dated after all the others (the generated ones end in
 * 2025): a copy of an article under a new name, title and date. (One dated among older articles
 * would move the bounds of the search index's parts after it: README, Search.)
 */
function addArticle(content: string, slug: string): void {
  const text = readFileSync(articleFile(content, slug), "utf8");
  writeFileSync(articleFile(content, `${slug}-suite`), text.replace(/^title: "?/m, "$&La suite : ").replace(/^date: .*$/m, "date: 2026-01-02"));
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
    const { work, content } = generatedSite("incremental", n, log);
    const slug = readdirSync(join(content, "articles")).sort()[0]!.replace(/\.md$/, "");
    const env = { POULS_CONTENT_DIR: content, POULS_OUT_DIR: join(work, "dist"), POULS_CACHE_DIR: join(work, "cache") };
    const runs: IncrementalRun[] = [];
    mkdirSync(logs, { recursive: true });
    for (const [i, step] of STEPS.entries()) {
      if (n >= LARGE && !("everySize" in step)) continue;
      step.change(content, slug);
      log(`incremental: ${n} articles, ${step.name}…`);
      let [rendered, copied] = [0, 0];
      let without: string | undefined;
      const run = await astroBuild("args" in step ? [...step.args] : [], env, (out) => {
        writeFileSync(join(logs, `${n}-${i + 1}.log`), out);
        // A rendered page's line is cut by other pages' lines (four render at a time); a copied
        // page's is written at once.
        copied = out.match(/[├└]─ \S+ \((?:restored|cached)\)/g)?.length ?? 0;
        rendered = (out.match(/[├└]─ /g)?.length ?? 0) - copied;
        const patched = /Seuls des commentaires ont changé : (\d+) page/.exec(out)?.[1];
        if (patched) without = `${patched} page(s) given the new comments, Astro not started`;
        if (/Site à jour dans/.test(out)) without = "up to date, Astro not started";
      }, "npm");
      runs.push({ ...run, step: step.name, rendered, copied, ...(without ? { without } : {}) });
      log(`incremental:   ${run.seconds} s, ${rendered} rendered, ${copied} copied, ${run.peakRssMb} MB`);
    }
    results.push({ articles: n, runs });
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** Two decimals, or three below 0.1, where the targets are. */
const ratio = (r: number) => r.toFixed(r < 0.1 ? 3 : 2);

export function incrementalTable(results: IncrementalBenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.runs.map(
      (run) =>
        `| ${r.articles} | ${run.step} | ${run.seconds.toFixed(1)} s | ${ratio(run.seconds / r.runs[0]!.seconds)} | ${run.without ?? `${run.rendered} / ${run.copied}`} | ${run.peakRssMb} MB |`,
    ),
  );
  return [
    "Targets (issue 37), ratios to the build from scratch of the same run: nothing changed ≤ 0.10, a comment approved ≤ 0.15, a title corrected ≤ 0.25, an article added ≤ 0.25.",
    "",
    "| articles | change before the build | build time | ratio to the build from scratch | pages rendered / copied from the last build | peak memory |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Each size: one content folder built five times in a row with \`npm run build\` into the same output and cache folders; the first build ignores the cache (\`--force\`). From ${LARGE} articles, only the first three builds. With nothing changed, or only comments, \`npm run build\` does not start Astro (README, Incremental builds). Peak memory is the largest process's. The added article is dated after all the others, as a newsroom publishes one. \"Copied\" pages are those Astro did not render: they stay in place in the output folder (README, Incremental builds).`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(incrementalTable(await runIncrementalBench(sizes.length ? sizes : undefined)));
}
