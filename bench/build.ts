// Build scaling: the full Pouls build (pages, related articles, feeds, search index) against a
// bare Astro 7 + Pagefind build of the same generated articles (bench/baseline/), in one run.
//
// A third build, the bare one reading Astro's content store from its file as the full build does,
// tells how much of the ratio is what we render and how much is how Astro loads its store.
//
// The machine is shared and its disk's speed drifts: one 10,000-article build, unchanged, took
// anywhere from 111 to 154 s within an hour, and the bare one from 56 to 106 s. So the builds take
// turns over several rounds (in one order, then in the other, …) and each keeps its median; the
// table gives the ratio of the medians and the spread of the rounds' own ratios.
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

/** The builds of one size, in the order a round runs them. */
const BUILDS = ["full", "bare", "bareChunked"] as const;
type Build = (typeof BUILDS)[number];

const BUILD_NAMES: Record<Build, string> = {
  full: "full Pouls build",
  bare: "bare Astro + Pagefind build",
  bareChunked: "bare build, content store in chunks",
};

export interface BuildBenchResult {
  articles: number;
  /** The median round of each build. */
  full: BuildRun;
  bare: BuildRun;
  /**
   * The bare build with the one change the full build makes to how Astro keeps its content store
   * (chunked, astro.config.mjs): against it, the two differ only in what they render and index.
   */
  bareChunked: BuildRun;
  ratio: number;
  /** Lowest and highest ratio of one round's full and bare builds. */
  roundRatios: [number, number];
  ratioChunked: number;
  rounds: number;
  perArticleMs: number;
}

export const TARGET_RATIO = 1.25;
export const ROUNDS = 3;

const median = (runs: BuildRun[]): BuildRun => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)] as BuildRun;

/** Writes n generated articles, their authors and sections into a content folder. */
export function writeCorpus(dir: string, n: number): void {
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

/** A new work folder holding n generated articles in content/. */
export function generatedSite(name: string, n: number, log: (line: string) => void): { work: string; content: string } {
  const work = mkdtempSync(join(tmpdir(), `pouls-bench-${name}-${n}-`));
  const content = join(work, "content");
  log(`${name}: generating ${n} articles…`);
  writeCorpus(content, n);
  return { work, content };
}

/**
 * Runs `astro build`, or `npm run build` (scripts/build.ts, which stops at once when nothing
 * changed), under GNU time for wall time and peak memory; `log` gets Astro's output.
 */
export function astroBuild(args: string[], env: Record<string, string>, log?: (output: string) => void, through: "astro" | "npm" = "astro"): Promise<BuildRun> {
  const command = through === "npm" ? [process.execPath, join(root, "scripts/build.ts")] : [join(bin, "astro"), "build"];
  return new Promise((done, fail) => {
    const child = spawn("/usr/bin/time", ["-f", "TIME %e %M", ...command, ...args], {
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
      log?.(out);
      const m = /TIME ([\d.]+) (\d+)/.exec(out);
      const pages = Number(/(\d+) page\(s\) built/.exec(out)?.[1] ?? 0);
      if (code !== 0 || !m) return fail(new Error(`astro build failed (${code}):\n${out.slice(-3000)}`));
      done({ seconds: Number(m[1]), peakRssMb: Math.round(Number(m[2]) / 1024), pages });
    });
  });
}

export async function runBuildBench(sizes = [1000, 10000], log = console.log, rounds = ROUNDS): Promise<BuildBenchResult[]> {
  const results: BuildBenchResult[] = [];
  for (const n of sizes) {
    const { work, content } = generatedSite("build", n, log);
    // Each build starts as after an edit: a new output folder and an empty Node compile cache.
    // Astro turns that cache on, and with the same articles a later round would skip compiling
    // what the first compiled, the bare build's content-store module among them; any changed
    // article changes that module.
    let built = 0;
    const build = async (which: Build): Promise<BuildRun> => {
      const out = join(work, `${which}-${++built}`);
      const cache = join(work, `cache-${built}`);
      const compileCache = join(work, `compile-cache-${built}`);
      try {
        return await astroBuild(which === "full" ? [] : ["--root", join(root, "bench/baseline")], {
          POULS_CONTENT_DIR: content,
          POULS_OUT_DIR: out,
          POULS_CACHE_DIR: cache,
          NODE_COMPILE_CACHE: compileCache,
          ...(which === "bareChunked" ? { POULS_BARE_CHUNKED: "1" } : {}),
        });
      } finally {
        for (const dir of [out, cache, compileCache]) rmSync(dir, { recursive: true, force: true });
      }
    };
    const runs: Record<Build, BuildRun[]> = { full: [], bare: [], bareChunked: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const which of round % 2 === 1 ? BUILDS : [...BUILDS].reverse()) {
        log(`build: ${n} articles, round ${round}/${rounds}: ${BUILD_NAMES[which]}…`);
        const run = await build(which);
        runs[which].push(run);
        log(`build:   ${run.seconds} s, ${run.pages} pages, ${run.peakRssMb} MB`);
      }
      const last = (which: Build) => (runs[which].at(-1) as BuildRun).seconds;
      log(`build:   round ${round}: ratio ${(last("full") / last("bare")).toFixed(2)} (${(last("full") / last("bareChunked")).toFixed(2)} to the bare build with its store in chunks)`);
    }
    const ratios = runs.full.map((f, i) => f.seconds / (runs.bare[i] as BuildRun).seconds);
    const f = median(runs.full);
    const b = median(runs.bare);
    const d = median(runs.bareChunked);
    const ratio = f.seconds / b.seconds;
    results.push({
      articles: n,
      full: f,
      bare: b,
      bareChunked: d,
      ratio,
      roundRatios: [Math.min(...ratios), Math.max(...ratios)],
      ratioChunked: f.seconds / d.seconds,
      rounds,
      perArticleMs: (f.seconds * 1000) / n,
    });
    log(`build:   ratio of the medians ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`);
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function buildTable(results: BuildBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.articles} | ${r.full.seconds.toFixed(1)} s (${r.full.pages} pages) | ${r.bare.seconds.toFixed(1)} s (${r.bare.pages} pages) | ${r.ratio.toFixed(2)} | ${r.roundRatios[0].toFixed(2)}–${r.roundRatios[1].toFixed(2)} (${r.rounds}) | ${r.bareChunked.seconds.toFixed(1)} s | ${r.ratioChunked.toFixed(2)} | ${r.full.peakRssMb} MB / ${r.bare.peakRssMb} MB | ${r.perArticleMs.toFixed(1)} ms |`,
  );
  return [
    "| articles | full build | bare Astro + Pagefind | ratio (target ≤ 1.25) | ratio per round (rounds) | bare, store in chunks | ratio to it | peak memory (full / bare) | per article (full) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Times are the median of the rounds; the builds take turns (full, bare, bare with its store in chunks in odd rounds, the other way round in even ones), each into a new folder and with an empty Node compile cache, as after an edit.",
    "The full build keeps Astro's content store in chunks (`experimental.collectionStorage`, astro.config.mjs) rather than in one file; the third build is the bare one with that change alone, so its ratio is what our pages, feeds and search cost over a minimal template.",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(buildTable(await runBuildBench(sizes.length ? sizes : undefined)));
}
