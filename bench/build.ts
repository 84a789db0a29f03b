// Build scaling: the full Pouls build (pages, related articles, feeds, search index) against a
// bare Astro 7 + Pagefind build of the same generated articles (bench/baseline/), in one run.
//
// Usage: node bench/build.ts [sizes…]   e.g. node bench/build.ts 1000 10000
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AUTHORS, CATEGORIES, generateArticles, toMarkdown } from "./generate-corpus.ts";
import { forgetContentModules } from "../tests/helpers/build.ts";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "node_modules/.bin");

export interface BuildRun {
  seconds: number;
  peakRssMb: number;
  pages: number;
}

export interface BuildBenchResult {
  articles: number;
  full: BuildRun;
  bare: BuildRun;
  ratio: number;
  perArticleMs: number;
}

export const TARGET_RATIO = 1.25;

function writeCorpus(dir: string, n: number): void {
  mkdirSync(join(dir, "articles"), { recursive: true });
  mkdirSync(join(dir, "authors"), { recursive: true });
  for (const a of generateArticles(n, 42)) writeFileSync(join(dir, "articles", `${a.slug}.md`), toMarkdown(a));
  for (const a of AUTHORS)
    writeFileSync(join(dir, "authors", `${a.id}.yaml`), `name: ${JSON.stringify(a.name)}\ncredentials: ${JSON.stringify(a.credentials)}\nbio: ${JSON.stringify(a.bio)}\n`);
  writeFileSync(
    join(dir, "categories.yaml"),
    CATEGORIES.map((c) => `${c.id}:\n  name: ${JSON.stringify(c.name)}\n${c.parent ? `  parent: ${c.parent}\n` : ""}`).join(""),
  );
}

/** Runs a cold `astro build` (fresh cache) under GNU time for wall time and peak memory. */
function astroBuild(args: string[], env: Record<string, string>): Promise<BuildRun> {
  return new Promise((done, fail) => {
    const child = spawn("/usr/bin/time", ["-f", "TIME %e %M", join(bin, "astro"), "build", ...args], {
      cwd: root,
      env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", fail);
    child.on("close", (code) => {
      forgetContentModules();
      const m = /TIME ([\d.]+) (\d+)/.exec(out);
      const pages = Number(/(\d+) page\(s\) built/.exec(out)?.[1] ?? 0);
      if (code !== 0 || !m) return fail(new Error(`astro build failed (${code}):\n${out.slice(-3000)}`));
      done({ seconds: Number(m[1]), peakRssMb: Math.round(Number(m[2]) / 1024), pages });
    });
  });
}

export async function runBuildBench(sizes = [1000, 10000], log = console.log): Promise<BuildBenchResult[]> {
  const results: BuildBenchResult[] = [];
  for (const n of sizes) {
    const work = mkdtempSync(join(tmpdir(), `pouls-bench-build-${n}-`));
    const content = join(work, "content");
    log(`build: generating ${n} articles…`);
    writeCorpus(content, n);
    log(`build: full Pouls build of ${n} articles…`);
    const full = await astroBuild([], {
      POULS_CONTENT_DIR: content,
      POULS_OUT_DIR: join(work, "full"),
      POULS_CACHE_DIR: join(work, "cache-full"),
    });
    log(`build:   ${full.seconds} s, ${full.pages} pages, ${full.peakRssMb} MB`);
    log(`build: bare Astro + Pagefind build of ${n} articles…`);
    const bare = await astroBuild(["--root", join(root, "bench/baseline")], {
      POULS_CONTENT_DIR: content,
      POULS_OUT_DIR: join(work, "bare"),
      POULS_CACHE_DIR: join(work, "cache-bare"),
    });
    log(`build:   ${bare.seconds} s, ${bare.pages} pages, ${bare.peakRssMb} MB`);
    const ratio = full.seconds / bare.seconds;
    results.push({ articles: n, full, bare, ratio, perArticleMs: (full.seconds * 1000) / n });
    log(`build:   ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`);
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function buildTable(results: BuildBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.articles} | ${r.full.seconds.toFixed(1)} s (${r.full.pages} pages) | ${r.bare.seconds.toFixed(1)} s (${r.bare.pages} pages) | ${r.ratio.toFixed(2)} | ${r.full.peakRssMb} MB / ${r.bare.peakRssMb} MB | ${r.perArticleMs.toFixed(1)} ms |`,
  );
  return [
    "| articles | full build | bare Astro + Pagefind | ratio (target ≤ 1.25) | peak memory (full / bare) | per article (full) |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(buildTable(await runBuildBench(sizes.length ? sizes : undefined)));
}
