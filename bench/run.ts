// `npm run bench`: every benchmark in one run, with progress, results written to BENCHMARKS.md.
//
//   npm run bench                       everything (about 90 min on 2 cores, an hour of it the
//                                       large sites: 100,000 articles)
//   npm run bench -- --only related,pages   a subset; other sections of BENCHMARKS.md are kept
//   npm run bench -- --quick            smaller corpora, for a check that it all runs
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { buildTable, runBuildBench } from "./build.ts";
import { runScaleBench, scaleTable } from "./scale.ts";
import { importTable, runImportBench } from "./import.ts";
import { incrementalTable, runIncrementalBench } from "./incremental.ts";
import { inboxTable, runInboxBench } from "./inbox.ts";
import { pagesTable, runPagesBench } from "./pages.ts";
import { formatRelatedBench, runRelatedBench } from "./related.ts";
import { runSearchBench, searchDetails, TARGET as SEARCH_TARGET, type SearchBenchResult } from "./search.ts";

const root = resolve(import.meta.dirname, "..");
const output = join(root, "BENCHMARKS.md");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--only") ? new Set(args[args.indexOf("--only") + 1]?.split(",")) : undefined;
const wanted = (name: string) => !only || only.has(name);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function searchTable(results: SearchBenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.queries.map(
      (q) =>
        `| ${r.articles} | ${(r.indexMs / 1000).toFixed(1)} s | ${(r.indexBytes / 1048576).toFixed(1)} MB (${r.indexFiles} files) | « ${q.query} » | ${q.results} | ${kb(q.coldBytes)} | ${Math.round(q.coldMs)} ms | ${q.bareMs} ms | ${Math.round(q.warmMs)} ms, +${kb(q.warmBytes)} | ${r.loadAverage.toFixed(1)} |`,
    ),
  );
  return [
    `Targets at 10,000 articles: first results ≤ ${kb(SEARCH_TARGET.firstResultsBytes)} transferred and ≤ ${SEARCH_TARGET.firstResultsMs} ms.`,
    "",
    "| articles | index time | index size | query | results | transferred until first results (cold) | time to first results (cold) | bare Pagefind page, same index (cold) | next query | load average |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    searchDetails(results),
  ].join("\n");
}

const sections: { name: string; title: string; run: () => Promise<string> }[] = [
  {
    name: "related",
    title: "Related articles",
    run: async () => formatRelatedBench(runRelatedBench(quick ? [1000, 5000] : [1000, 10000, 50000])),
  },
  {
    name: "build",
    title: "Build scaling (full build against bare Astro 7 + Pagefind)",
    run: async () => buildTable(await runBuildBench(quick ? [300] : [1000, 10000], log)),
  },
  {
    name: "incremental",
    title: "Incremental builds",
    run: async () => incrementalTable(await runIncrementalBench(quick ? [300] : [1000, 10000, 50000], log)),
  },
  {
    name: "scale",
    title: "Large sites (10,000 to 100,000 articles)",
    run: async () => scaleTable(await runScaleBench(quick ? [300, 1000] : undefined, log)),
  },
  {
    name: "search",
    title: "Search (Pagefind)",
    run: async () => searchTable(await runSearchBench({ sizes: quick ? [500] : [1000, 10000], log })),
  },
  {
    name: "inbox",
    title: "Comment inbox (autocannon, localhost)",
    run: async () => inboxTable(await runInboxBench({ log, ...(quick ? { durationSeconds: 2 } : {}) })),
  },
  {
    name: "import",
    title: "WordPress import (npm run import:wordpress)",
    run: async () => importTable([runImportBench(quick ? 1000 : 10_000, log)]),
  },
  {
    name: "pages",
    title: "Page weight and Lighthouse (sample site)",
    run: async () => {
      log("pages: building the sample site…");
      execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--silent"], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` },
      });
      return pagesTable(await runPagesBench(log));
    },
  },
];

function machine(): string {
  const cpu = cpus();
  const node = process.version;
  const chromium = (() => {
    try {
      return execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
    } catch {
      return "not found";
    }
  })();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? "?"}; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free); load average at start ${loadavg()[0]!.toFixed(2)}`,
    `- Linux ${release()}, Node ${node}, ${chromium}`,
  ].join("\n");
}

/** Replaces one section of BENCHMARKS.md, keeping the others from earlier runs. */
function writeSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${body}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  return i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
}

let doc = existsSync(output)
  ? readFileSync(output, "utf8")
  : "# Benchmarks\n\nWritten by `npm run bench` (`bench/run.ts`); each section says the machine it ran on.\n";
for (const s of sections.filter((s) => wanted(s.name))) {
  log(`== ${s.title}`);
  const started = Date.now();
  const table = await s.run();
  log(`== ${s.title}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(table);
  doc = writeSection(doc, s.name, `## ${s.title}\n\n${machine()}${quick ? "\n- Quick run (smaller corpora)" : ""}\n\n${table}`);
  writeFileSync(output, doc);
}
log(`results written to ${output}`);
