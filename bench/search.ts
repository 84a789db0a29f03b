// Search benchmark: how the Pagefind index and the /recherche/ page scale with the number of
// articles. For each corpus size it measures the index build (time, size on disk) and, in
// headless Chromium against a local server, what a reader's browser downloads and waits for until
// the first results of a query appear.
//
// How: the corpus comes from bench/generate-corpus.ts. Each article is rendered to an HTML page
// shaped like the real article page (header, breadcrumbs, byline, sources, footer marked
// data-pagefind-ignore; the same metadata, filters and sort key as ArticleSearchMeta) and fed to
// Pagefind's Node API through the site integration's own writeBundle (so the same apostrophe
// handling applies, and a large corpus gets the same recent index beside the whole one). No Astro build of the articles: a 10,000-page site build would
// measure Astro, not search. The search page itself is real: a small site made of the corpus's
// first articles (same sections and authors, so the filter menus match the index) is built once
// with Astro, and its Pagefind bundle replaced by the generated one.
//
// Usage: node bench/search.ts [sizes…] [--reuse]   e.g. node bench/search.ts 1000 10000
// (--reuse measures the browser side again on the sites a previous run left in bench-out/search/).
import { createServer, type Server } from "node:http";
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import type { Browser, CDPSession } from "playwright-core";
import { AUTHORS, CATEGORIES, generateArticles, toMarkdown, type GeneratedArticle } from "./generate-corpus.ts";
import { stampSearchPage, writeBundle } from "../src/integrations/pagefind.ts";
import { RECENT_DIR } from "../src/lib/search/bundle.ts";
import { glossaryMeta } from "../src/lib/search/glossary-meta.ts";
import { glossaryLine, glossaryMatcher, readGlossary } from "../src/lib/glossary.ts";
import { launch } from "../tests/helpers/browser.ts";
import { build, root } from "../tests/helpers/build.ts";
import { tempDir } from "../tests/helpers/temp.ts";

export const TARGET = { firstResultsBytes: 100 * 1024, firstResultsMs: 200 };

export interface QueryMeasure {
  query: string;
  results: number;
  /** Navigation to /recherche/?q=… in a fresh browser profile, until the first result is on screen. */
  coldMs: number;
  /** Main-thread CPU time of the page until then (a little after: read once the result is seen). */
  coldCpuMs: number;
  coldBytes: number;
  /** Of which Pagefind's files (script, wasm, index chunks, fragments, filters). */
  coldPagefindBytes: number;
  coldRequests: number;
  /** Bytes of the cold load by kind of file. */
  coldBreakdown: Record<string, number>;
  /**
   * Milestones of the cold load, ms from navigation start: Pagefind's script and the index
   * metadata received, the word index requested (Pagefind ready), the first excerpt requested
   * (search done), the first result drawn.
   */
  coldPhases: { script: number; metadata: number; indexRequested: number; fragmentRequested: number; firstResult: number };
  /**
   * Until the search has finished: the whole index has answered and the first page of results is
   * drawn. Later than the first results on a site with a recent index, which answers first.
   */
  completeMs: number;
  /** Transferred until then, the first results' bytes included. */
  completeBytes: number;
  /** Another query submitted on the loaded page, until its first result is on screen. */
  warmMs: number;
  warmBytes: number;
  /**
   * The same query on a bare page that does only what any page using Pagefind must (its script,
   * search, the first result's excerpt, one element drawn), against the same index and server,
   * loaded right after each measured load: the least a search page can take on this machine at
   * this moment, to tell the page's own cost from the machine's.
   */
  bareMs: number;
  bareCpuMs: number;
}

export interface SearchBenchResult {
  articles: number;
  /** One-minute load average when measured: on a shared 2-core machine, timings scale with it. */
  loadAverage: number;
  /** Cold loads per query, of which the median is reported. */
  runs: number;
  generateMs: number;
  indexMs: number;
  /** Whole bundle folder, including Pagefind's unused UI scripts. */
  bundleBytes: number;
  /** Index data only: index, fragment and filter chunks and the metadata file. */
  indexBytes: number;
  indexFiles: number;
  /** Articles in the recent index the first results come from; 0 when the site has none. */
  recentPages: number;
  queries: QueryMeasure[];
}

export interface SearchBenchOptions {
  sizes?: number[];
  seed?: number;
  queries?: string[];
  /** Repetitions of each browser measurement; the median is kept. */
  runs?: number;
  log?: (line: string) => void;
  outDir?: string;
  /** Measure the browser side again on the sites a previous run left in outDir. */
  reuse?: boolean;
}

const DEFAULT_QUERIES = ["vaccin", "immunothérapie", "cholestérol", "tension artérielle"];
const ROOTS = new Map(CATEGORIES.map((c) => [c.id, c]));
const AUTHOR_NAMES = new Map(AUTHORS.map((a) => [a.id, a.name]));

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// The site's typography writes typographic apostrophes; so does this page, for pageForIndex to undo.
const typo = (s: string) => s.replace(/(\p{L})'(?=\p{L})/gu, "$1’");
const inline = (s: string) =>
  typo(esc(s))
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');

/** Enough Markdown for the generator's output: headings, lists, paragraphs, bold, links. */
function markdownToHtml(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((block) => {
      if (block.startsWith("## ")) return `<h2>${inline(block.slice(3))}</h2>`;
      if (block.startsWith("- ")) return `<ul>${block.split("\n").map((l) => `<li>${inline(l.replace(/^- /, ""))}</li>`).join("")}</ul>`;
      return `<p>${inline(block)}</p>`;
    })
    .join("\n");
}

/** An article page with the anatomy and search attributes of src/pages/articles/[slug].astro. */
// The sample site's glossary, whose words the build adds to each article's search metadata
// (src/components/search/ArticleSearchMeta.astro).
const glossaryMentions = glossaryMatcher(readGlossary(join(root, "content/glossaire.yaml"), "content/glossaire.yaml").entries);

export function articleHtml(a: GeneratedArticle): string {
  const trail = a.categoryPath.map((id) => ROOTS.get(id)!);
  const date = a.date.toISOString().slice(0, 10);
  const author = AUTHOR_NAMES.get(a.author) ?? a.author;
  const glossary = glossaryMentions(`${a.title}\n${a.lead}\n${a.body}`).map(glossaryLine);
  const nav = CATEGORIES.filter((c) => !c.parent).map((c) => `<li><a href="/rubriques/${c.id}/">${esc(c.name)}</a></li>`).join("");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(a.title)} — Pouls</title></head><body>
<header class="site-header" data-pagefind-ignore><a href="/">Pouls</a><form role="search" action="/recherche/"><input name="q"></form><nav><ul>${nav}</ul></nav></header>
<main id="contenu"><article class="article wrap" data-pagefind-body>
<div hidden data-pagefind-ignore><span data-pagefind-meta="rubrique">${esc(trail.at(-1)!.name)}</span><span data-pagefind-meta="auteur">${esc(author)}</span><span data-pagefind-meta="date:${date}"></span>${glossary.length > 0 ? `<span data-pagefind-meta="glossaire">${esc(glossaryMeta(glossary))}</span>` : ""}
<span data-pagefind-filter="rubrique:${trail[0]!.id}"></span>${trail.slice(1).map((c) => `<span data-pagefind-filter="sous-rubrique:${c.id}"></span>`).join("")}
<span data-pagefind-filter="auteur:${a.author}"></span><span data-pagefind-filter="annee:${date.slice(0, 4)}"></span><span data-pagefind-sort="date:${date}"></span></div>
<nav class="breadcrumbs" data-pagefind-ignore><ol><li><a href="/">Accueil</a></li>${trail.map((c) => `<li><a href="/rubriques/${c.id}/">${esc(c.name)}</a></li>`).join("")}</ol></nav>
<header class="article__header"><h1>${inline(a.title)}</h1><p class="lead">${inline(a.lead)}</p>
<div data-pagefind-ignore><p class="byline">Par <a href="/auteurs/${a.author}/">${esc(author)}</a>. Publié le <time datetime="${date}">${date}</time></p></div></header>
<div class="prose">${markdownToHtml(a.body)}</div>
<nav class="tags" data-pagefind-ignore><ul>${a.tags.map((t) => `<li><a href="/tags/">${esc(t)}</a></li>`).join("")}</ul></nav>
<section class="sources" data-pagefind-ignore><h2>Sources</h2><ol>${a.sources.map((s) => `<li>${inline(s.title)}, ${esc(s.publisher)}</li>`).join("")}</ol></section>
</article></main>
<footer class="site-footer" data-pagefind-ignore><p>Pouls publie une information santé sourcée, écrite et relue par des professionnels.</p></footer>
</body></html>`;
}

function folderBytes(dir: string, keep: (rel: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!keep(relative(dir, path))) continue;
    bytes += statSync(path).size;
    files++;
  }
  return { bytes, files };
}

const isIndexData = (rel: string) => /(^|[/\\])(index|fragment|filter)[/\\]/.test(rel) || rel.endsWith(".pf_meta");

// A static host compresses text (HTML, JS, CSS, JSON) on the wire; Pagefind's own chunks and
// wasm are already gzipped and go as they are. The test helper serves everything raw, which
// would overstate what a reader downloads.
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg"]);

function serve(dir: string): Promise<{ url: string; server: Server }> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\]*\.\.)+/, "");
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = { "Content-Type": TYPES[ext] ?? "application/octet-stream" };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file), { level: 6 })));
      res.writeHead(200, { ...headers, "Content-Encoding": "gzip", "Content-Length": String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": String(statSync(file).size) });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

const yaml = (s: string) => JSON.stringify(s);

/** A content tree with the corpus's sections, authors and first articles, for a real search page. */
function smallContentTree(seed: number, count = 30): string {
  const dir = join(tempDir("pouls-search-bench-"), "content");
  mkdirSync(join(dir, "articles"), { recursive: true });
  mkdirSync(join(dir, "authors"));
  writeFileSync(
    join(dir, "categories.yaml"),
    CATEGORIES.map((c) => `${c.id}:\n  name: ${yaml(c.name)}\n${c.parent ? `  parent: ${c.parent}\n` : ""}`).join(""),
  );
  for (const a of AUTHORS) {
    writeFileSync(join(dir, "authors", `${a.id}.yaml`), `name: ${yaml(a.name)}\ncredentials: ${yaml(a.credentials)}\nbio: ${yaml(a.bio)}\n`);
  }
  for (const a of generateArticles(count, seed)) writeFileSync(join(dir, "articles", `${a.slug}.md`), toMarkdown(a));
  return dir;
}

function kindOf(path: string): string {
  if (/^\/pagefind\/(recents\/)?pagefind\.js$/.test(path)) return "pagefind.js";
  if (/^\/pagefind\/(recents\/)?wasm\./.test(path)) return "wasm";
  if (path.endsWith(".pf_meta") || path.endsWith("pagefind-entry.json")) return "metadata";
  if (path.endsWith(".pf_index")) return "word index";
  if (path.endsWith(".pf_fragment")) return "excerpts";
  if (path.endsWith(".pf_filter")) return "filters";
  return "page";
}

/** Quiet time before each measured load (see measureQuery). */
const SETTLE_MS = 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The bare Pagefind page (see QueryMeasure.bareMs), relative to the site. */
const BARE_PAGE = "banc-pagefind-seul/";

/**
 * Writes the bare page into the bench's copy of the site, on the index the first results come
 * from (the recent one when there is one), used as Pagefind's documentation shows.
 */
function writeBarePage(dir: string): void {
  const bundle = recentPages(dir) > 0 ? `/pagefind/${RECENT_DIR}/` : "/pagefind/";
  mkdirSync(join(dir, BARE_PAGE), { recursive: true });
  writeFileSync(
    join(dir, BARE_PAGE, "index.html"),
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Pagefind seul</title></head><body><main></main><script type="module">
const pagefind = await import(${JSON.stringify(`${bundle}pagefind.js`)});
await pagefind.options({ basePath: ${JSON.stringify(bundle)} });
const search = await pagefind.search(new URLSearchParams(location.search).get("q"));
const first = await search.results[0].data();
const result = document.createElement("p");
result.className = "search-result";
result.textContent = first.meta.title;
document.querySelector("main").append(result);
</script></body></html>`,
  );
}

/** Until the first result is drawn, with the page's main-thread CPU time by then. */
const stampFirstResult = () => {
  (window as unknown as { firstResult: Promise<number> }).firstResult = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(".search-result")) {
        observer.disconnect();
        resolve(performance.now());
      }
    }).observe(document, { childList: true, subtree: true });
  });
};

async function measureBare(browser: Browser, base: string, query: string): Promise<{ ms: number; cpuMs: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.addInitScript(stampFirstResult);
  await new Promise((settled) => setTimeout(settled, SETTLE_MS));
  await page.goto(`${base}/${BARE_PAGE}?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
  const ms = await page.evaluate(() => (window as unknown as { firstResult: Promise<number> }).firstResult);
  const cpuMs = await mainThreadCpuMs(cdp);
  await context.close();
  return { ms, cpuMs };
}

// CPU time of the page's main thread so far: unlike wall time, barely moved by other processes
// competing for the machine's cores.
async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Math.round((metrics.find((m) => m.name === "ThreadTime")?.value ?? 0) * 1000);
}

/** One load of the search page; the bare page's numbers are measured beside it (measureSite). */
async function measureQuery(browser: Browser, base: string, query: string, next: string): Promise<Omit<QueryMeasure, "bareMs" | "bareCpuMs">> {
  // A fresh context is a fresh profile: nothing cached from an earlier run.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Performance.enable");
  const sent = new Map<string, { url: string; wallMs: number }>();
  const transfers: { url: string; wallMs: number; bytes: number }[] = [];
  cdp.on("Network.requestWillBeSent", (e) => sent.set(e.requestId, { url: e.request.url, wallMs: e.wallTime * 1000 }));
  cdp.on("Network.loadingFinished", (e) => {
    const request = sent.get(e.requestId);
    transfers.push({ url: request?.url ?? "", wallMs: request?.wallMs ?? Infinity, bytes: e.encodedDataLength });
  });
  const sum = (ts: typeof transfers) => ts.reduce((n, t) => n + t.bytes, 0);

  // Stamps the moment the first result enters the page, in the page's clock (0 = navigation
  // start). The benchmark awaits this promise rather than polling the page for the result, which
  // would take main-thread time from the page it measures.
  await page.addInitScript(stampFirstResult);
  await page.addInitScript(() => {
    (window as unknown as { complete: Promise<number> }).complete = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("[data-search-runs]")) {
          observer.disconnect();
          resolve(performance.now());
        }
      }).observe(document, { attributes: true, attributeFilter: ["data-search-runs"], subtree: true });
    });
  });
  // Closing the last profile (its renderer process) and opening this one keep both cores of this
  // machine busy for a few hundred milliseconds; a load started at once measured that churn with
  // the page (about 100 ms more at 10,000 articles, 2026-12-07). The load starts once it is over.
  await new Promise((settled) => setTimeout(settled, SETTLE_MS));
  await page.goto(`${base}/recherche/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
  const { coldMs, firstResultWallMs } = await page.evaluate(async () => {
    const found = (window as unknown as { firstResult: Promise<number> }).firstResult;
    const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error("no result after 30 s")), 30_000));
    const at = await Promise.race([found, timeout]);
    return { coldMs: at, firstResultWallMs: performance.timeOrigin + at };
  });
  const coldCpuMs = await mainThreadCpuMs(cdp);

  // On a site with a recent index, the count comes once the whole index has answered.
  const completeMs = await page.evaluate(() => (window as unknown as { complete: Promise<number> }).complete);
  const results = Number(((await page.textContent("[role=status]")) ?? "").replace(/\D/g, "") || 0);
  await page.waitForLoadState("networkidle");
  const settled = transfers.length;
  // The cold load is every request the page made before its first result was on screen (with its
  // whole response, even one that ended later); what it fetches afterwards (the rest of the first
  // page of results) is not part of "until the first results".
  const coldTransfers = transfers.filter((t) => t.wallMs <= firstResultWallMs);
  const coldBytes = sum(coldTransfers);
  const completeWallMs = firstResultWallMs - coldMs + completeMs;
  const completeBytes = sum(transfers.slice(0, settled).filter((t) => t.wallMs <= completeWallMs));
  const coldPagefindBytes = sum(coldTransfers.filter((t) => new URL(t.url || base).pathname.startsWith("/pagefind/")));
  const coldBreakdown: Record<string, number> = {};
  for (const t of coldTransfers) {
    const kind = kindOf(new URL(t.url || base).pathname);
    coldBreakdown[kind] = (coldBreakdown[kind] ?? 0) + t.bytes;
  }
  const coldPhases = await page.evaluate((firstResult) => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const find = (re: RegExp) => entries.find((e) => re.test(new URL(e.name).pathname));
    const r = (x: number | undefined) => Math.round(x ?? -1);
    return {
      script: r(find(/\/pagefind\.js$/)?.responseEnd),
      metadata: r(find(/\.pf_meta$/)?.responseEnd),
      indexRequested: r(find(/\.pf_index$/)?.startTime),
      fragmentRequested: r(find(/\.pf_fragment$/)?.startTime),
      firstResult: Math.round(firstResult),
    };
  }, coldMs);

  const runs = await page.$eval("[data-search-app]", (el) => Number((el as HTMLElement).dataset.searchRuns));
  const warmMs = await page.evaluate(
    async ({ next, runs }) => {
      const app = document.querySelector<HTMLElement>("[data-search-app]")!;
      const input = app.querySelector<HTMLInputElement>('input[name="q"]')!;
      input.value = next;
      const start = performance.now();
      app.querySelector("form")!.requestSubmit();
      while (Number(app.dataset.searchRuns) <= runs) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    },
    { next, runs },
  );
  const warmBytes = sum(transfers.slice(settled));
  await context.close();
  return { query, results, coldMs, coldCpuMs, coldBytes, coldPagefindBytes, coldRequests: coldTransfers.length, coldBreakdown, coldPhases, completeMs, completeBytes, warmMs, warmBytes };
}

/** Pages of the site's recent index, or 0 when the site has none. */
function recentPages(dir: string): number {
  const entry = join(dir, "pagefind", RECENT_DIR, "pagefind-entry.json");
  return existsSync(entry) ? Number(JSON.parse(readFileSync(entry, "utf8")).languages.fr.page_count) : 0;
}

/** Each query's median over `runs` fresh-profile loads of the search page. */
async function measureSite(
  browser: Browser,
  dir: string,
  n: number,
  queries: string[],
  runs: number,
  log: (line: string) => void,
): Promise<QueryMeasure[]> {
  writeBarePage(dir);
  const { url, server } = await serve(dir);
  const measures: QueryMeasure[] = [];
  try {
    for (const [i, q] of queries.entries()) {
      const samples: QueryMeasure[] = [];
      // Each load of the search page is followed by one of the bare page, so both see the machine
      // in the same state.
      for (let r = 0; r < runs; r++) {
        const sample = await measureQuery(browser, url, q, queries[(i + 1) % queries.length]!);
        const bare = await measureBare(browser, url, q);
        samples.push({ ...sample, bareMs: bare.ms, bareCpuMs: bare.cpuMs });
      }
      const pick = (k: keyof QueryMeasure) => median(samples.map((s) => s[k] as number));
      const typical = [...samples].sort((a, b) => a.coldMs - b.coldMs)[Math.floor(samples.length / 2)]!;
      const m: QueryMeasure = {
        query: q,
        results: samples[0]!.results,
        coldBreakdown: typical.coldBreakdown,
        coldPhases: typical.coldPhases,
        coldMs: Math.round(pick("coldMs")),
        coldCpuMs: Math.round(pick("coldCpuMs")),
        coldBytes: pick("coldBytes"),
        coldPagefindBytes: pick("coldPagefindBytes"),
        coldRequests: pick("coldRequests"),
        completeMs: Math.round(pick("completeMs")),
        completeBytes: pick("completeBytes"),
        warmMs: Math.round(pick("warmMs")),
        warmBytes: pick("warmBytes"),
        bareMs: Math.round(pick("bareMs")),
        bareCpuMs: Math.round(pick("bareCpuMs")),
      };
      measures.push(m);
      log(
        `search: ${n} articles: « ${q} » ${m.results} results; first results after ${m.coldMs} ms (main thread ${m.coldCpuMs} ms of CPU; bare Pagefind page ${m.bareMs} ms, ${m.bareCpuMs} ms of CPU), ${kb(m.coldBytes)} (Pagefind ${kb(m.coldPagefindBytes)}, ${m.coldRequests} requests); search done after ${m.completeMs} ms, ${kb(m.completeBytes)}; next query ${m.warmMs} ms, +${kb(m.warmBytes)}`,
      );
      log(
        `search:   bytes ${Object.entries(m.coldBreakdown).map(([k, v]) => `${k} ${kb(v)}`).join(", ")}; ms script ${m.coldPhases.script}, metadata ${m.coldPhases.metadata}, Pagefind ready ${m.coldPhases.indexRequested}, searched ${m.coldPhases.fragmentRequested}, drawn ${m.coldPhases.firstResult}`,
      );
    }
  } finally {
    server.close();
  }
  return measures;
}

export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchResult[]> {
  const sizes = options.sizes ?? [1000, 10_000];
  const seed = options.seed ?? 42;
  const queries = options.queries ?? DEFAULT_QUERIES;
  const runs = options.runs ?? 3;
  const log = options.log ?? ((line: string) => console.log(line));
  const outDir = options.outDir ?? join(root, "bench-out/search");

  let siteOut: string | undefined;
  const searchSite = async (): Promise<string> => {
    if (siteOut) return siteOut;
    log("search: building a small site for its /recherche/ page…");
    const site = await build(smallContentTree(seed));
    if (site.code !== 0) throw new Error(`site build failed:\n${site.output}`);
    return (siteOut = site.outDir);
  };

  const browser = await launch();
  const results: SearchBenchResult[] = [];
  try {
    for (const n of sizes) {
      const dir = join(outDir, `site-${n}`);
      if (options.reuse && existsSync(join(dir, "pagefind/pagefind-entry.json"))) {
        log(`search: ${n} articles: reusing ${relative(root, dir)}`);
        const bundle = folderBytes(join(dir, "pagefind"));
        const data = folderBytes(join(dir, "pagefind"), isIndexData);
        const measures = await measureSite(browser, dir, n, queries, runs, log);
        results.push({ articles: n, loadAverage: Number(loadavg()[0]!.toFixed(2)), runs, generateMs: -1, indexMs: -1, bundleBytes: bundle.bytes, indexBytes: data.bytes, indexFiles: data.files, recentPages: recentPages(dir), queries: measures });
        continue;
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const built = await searchSite();
      cpSync(built, dir, { recursive: true, filter: (src) => !src.startsWith(join(built, "pagefind")) });

      log(`search: ${n} articles: generating…`);
      let t = performance.now();
      const articles = generateArticles(n, seed);
      const generateMs = Math.round(performance.now() - t);

      log(`search: ${n} articles: indexing with the site's own writeBundle…`);
      t = performance.now();
      let read = 0;
      const sources = articles.map((a) => ({
        url: `/articles/${a.slug}/`,
        read: () => {
          if (++read % 2000 === 0) log(`search: ${n} articles: ${read} pages read for indexing`);
          return articleHtml(a);
        },
      }));
      try {
        await writeBundle(sources, join(dir, "pagefind"));
      } finally {
        await pagefind.close();
      }
      stampSearchPage(dir);
      const indexMs = Math.round(performance.now() - t);
      const bundle = folderBytes(join(dir, "pagefind"));
      const data = folderBytes(join(dir, "pagefind"), isIndexData);
      const recent = recentPages(dir);
      const recentNote = recent > 0 ? `, the ${recent} newest also in the recent index` : "";
      log(`search: ${n} articles: index in ${indexMs} ms, ${kb(data.bytes)} of index data in ${data.files} files (${kb(bundle.bytes)} with Pagefind's scripts)${recentNote}`);

      const measures = await measureSite(browser, dir, n, queries, runs, log);
      results.push({ articles: n, loadAverage: Number(loadavg()[0]!.toFixed(2)), runs, generateMs, indexMs, bundleBytes: bundle.bytes, indexBytes: data.bytes, indexFiles: data.files, recentPages: recent, queries: measures });
    }
  } finally {
    await browser.close();
  }
  for (const r of results) {
    const worstBytes = Math.max(...r.queries.map((q) => q.coldBytes));
    const worstMs = Math.max(...r.queries.map((q) => q.coldMs));
    const worstCpu = Math.max(...r.queries.map((q) => q.coldCpuMs));
    const worstBare = Math.max(...r.queries.map((q) => q.bareMs));
    const ok = worstBytes <= TARGET.firstResultsBytes && worstMs <= TARGET.firstResultsMs;
    log(`search: ${r.articles} articles (load average ${r.loadAverage}): worst first results ${kb(worstBytes)}, ${worstMs} ms (${worstCpu} ms of main-thread CPU; bare Pagefind page ${worstBare} ms) — target ≤ ${kb(TARGET.firstResultsBytes)}, ≤ ${TARGET.firstResultsMs} ms: ${ok ? "met" : "MISSED"}`);
  }
  return results;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

const BREAKDOWN = ["page", "pagefind.js", "wasm", "metadata", "word index", "excerpts"];

/** What the results table leaves out: how it is measured, where the bytes and milliseconds go. */
export function searchDetails(results: SearchBenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.queries.map((q) => {
      const p = q.coldPhases;
      return `| ${r.articles} | « ${q.query} » | ${BREAKDOWN.map((k) => (q.coldBreakdown[k] ? (q.coldBreakdown[k]! / 1024).toFixed(1) : "–")).join(" | ")} | ${q.coldRequests} | ${p.script} / ${p.metadata} / ${p.indexRequested} / ${p.fragmentRequested} / ${p.firstResult} | ${q.coldCpuMs} ms (${q.bareCpuMs} ms) | ${q.completeMs} ms, ${kb(q.completeBytes)} |`;
    }),
  );
  const fixed = results.map((r) => {
    const q = r.queries[0]!;
    const part = (k: string) => q.coldBreakdown[k] ?? 0;
    const index = r.recentPages > 0 ? `the recent index of the ${r.recentPages} newest` : "the whole index";
    return `${r.articles} articles, ${index}: ${kb(part("pagefind.js") + part("wasm") + part("metadata"))} (script ${kb(part("pagefind.js"))}, wasm ${kb(part("wasm"))}, metadata ${kb(part("metadata"))})`;
  });
  const split = results.filter((r) => r.recentPages > 0).map((r) => `${r.articles} articles`);
  return [
    `Each query is a cold load of \`/recherche/?q=…\` in a fresh Chromium profile, median of ${results[0]?.runs ?? "several"} loads, from navigation start until the first result is in the page; each load starts ${SETTLE_MS / 1000} s after the fresh profile's page is open, once closing the last profile no longer keeps the cores busy. ` +
      "Transferred bytes are the responses, as sent on the wire, to every request made before that moment; the rest of the first page of results, fetched once the first screen is painted, is not counted. " +
      "The generated articles carry the glossary's search metadata (the entries each one mentions, with their other words) as the site's pages do. " +
      "The local server gzips HTML, JavaScript, CSS and JSON as a static host does; Pagefind's index files and wasm are gzip files already and are sent as they are. " +
      "Times are wall-clock on a shared 2-core machine: they grow with the load average; the main thread's CPU time barely does. " +
      "Each load is followed by one of a bare page that only loads Pagefind's script from the same index, searches, reads the first result's excerpt and draws its title, as Pagefind's documentation does it (with its defaults, so its search runs in a worker, off the page's main thread): the least a page searching that index takes on this machine at that moment. " +
      "The search page's own cost is its time less the bare page's.",
    "",
    ...(split.length
      ? [
          `At ${split.join(" and ")}, the site has a recent index (README, Search): the first results come from it, and the whole index loads after them. ` +
            "\"Search done\" is when the whole index has answered and the first page of results is drawn.",
          "",
        ]
      : []),
    `Pagefind's part that does not depend on the query (script, wasm, metadata with the page list and the date sort), for the index the first results come from: ${fixed.join("; ")}.`,
    "",
    `| articles | query | ${BREAKDOWN.join(" (KB) | ")} (KB) | requests | ms: script / metadata / Pagefind ready / searched / drawn | main-thread CPU (bare Pagefind page) | search done, transferred by then |`,
    `| --- | --- | ${BREAKDOWN.map(() => "---").join(" | ")} | --- | --- | --- | --- |`,
    ...rows,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const reuse = process.argv.includes("--reuse");
  const results = await runSearchBench({ ...(sizes.length ? { sizes } : {}), reuse });
  console.log(JSON.stringify(results, null, 2));
}
