// Large sites (README, Large sites): `npm run build` from scratch, then again after one corrected
// article, on 10,000, 50,000 and 100,000 generated articles, with the growth exponents of time and
// memory in the number of articles. A 100,000-article build takes about 20 minutes here: run it in
// the background (`npm run bench -- --only scale > bench.log &`).
//
// Usage: node bench/scale.ts [sizes…]   e.g. node bench/scale.ts 10000 50000
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { astroBuild, generatedSite, type BuildRun } from "./build.ts";
import { slope } from "./related.ts";

export interface ScaleResult {
  articles: number;
  cold: BuildRun;
  /** After a sentence of one article's body was corrected. */
  edited: BuildRun;
}

function correctBody(file: string): void {
  const text = readFileSync(file, "utf8");
  writeFileSync(file, `${text.trimEnd()}\n\nCorrection : une phrase de cet article a été précisée.\n`);
}

export async function runScaleBench(sizes = [10_000, 50_000, 100_000], log = console.log): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const n of sizes) {
    const { work, content } = generatedSite("scale", n, log);
    const env = { POULS_CONTENT_DIR: content, POULS_OUT_DIR: join(work, "dist"), POULS_CACHE_DIR: join(work, "cache") };
    try {
      log(`scale: ${n} articles, from scratch…`);
      const cold = await astroBuild([], env, undefined, "npm");
      log(`scale:   ${cold.seconds} s, ${cold.pages} pages, ${cold.peakRssMb} MB`);
      correctBody(join(content, "articles", readdirSync(join(content, "articles")).sort()[0]!));
      log(`scale: ${n} articles, one article corrected…`);
      const edited = await astroBuild([], env, undefined, "npm");
      log(`scale:   ${edited.seconds} s, ${edited.peakRssMb} MB`);
      results.push({ articles: n, cold, edited });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return results;
}

export function scaleTable(results: ScaleResult[]): string {
  const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;
  const rows = results.map(
    (r) => `| ${r.articles} | ${r.cold.seconds.toFixed(0)} s | ${gb(r.cold.peakRssMb)} | ${r.cold.pages} | ${r.edited.seconds.toFixed(0)} s | ${gb(r.edited.peakRssMb)} |`,
  );
  const sizes = results.map((r) => Math.log(r.articles));
  const exponent = (values: number[]) => slope(sizes, values.map(Math.log)).toFixed(2);
  return [
    "| articles | build from scratch | its largest process | pages | build after one corrected article | its largest process |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    ...(results.length > 1
      ? [
          `Growth exponents (log-log fit over the sizes): build from scratch, time ${exponent(results.map((r) => r.cold.seconds))}, memory ${exponent(results.map((r) => r.cold.peakRssMb))}; after one corrected article, time ${exponent(results.map((r) => r.edited.seconds))}, memory ${exponent(results.map((r) => r.edited.peakRssMb))}.`,
          "",
        ]
      : []),
    "Each size: the bench's generated articles built with `npm run build` (which sizes Node's heap itself) into a new folder, then built again after a sentence was added to one article's body (an incremental build). Memory is the largest process's resident set (GNU time), Astro's or Pagefind's.",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log(scaleTable(await runScaleBench(sizes.length ? sizes : undefined)));
}
