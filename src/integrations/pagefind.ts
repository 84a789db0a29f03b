// Site search: indexes the built pages with Pagefind's Node API once Astro has written them, and
// lets `astro dev` serve the index of the last build (dev renders pages on demand, so there is
// nothing to index until a build has run).
//
// Pages go in through addHTMLFile rather than addDirectory: each page's HTML is first given ASCII
// apostrophes inside words (see src/lib/search/apostrophes.ts), without which Pagefind cannot
// find "immunothérapie" in "l’immunothérapie". Only pages with data-pagefind-body are sent;
// Pagefind would drop the others anyway once one page has it.
//
// A large site gets two indexes. What a browser must download before Pagefind can answer grows
// with the pages of the index (its page list and date sort: about 10 KB per 1,000 pages), so the
// search page answers first from an index of the newest articles (pagefind/recents/), then from the
// whole one (pagefind/), which it loads meanwhile. A site that fits in the first has only the second.
import { createReadStream, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import * as pagefind from "pagefind";
import type { PagefindIndex, PagefindServiceConfig } from "pagefind";
import { indexableApostrophes } from "../lib/search/apostrophes.ts";
import { indexableHtml } from "../lib/search/indexable-html.ts";
import { INDEX_HASH, RECENT_DIR, SEARCH_PAGE_FILE } from "../lib/search/bundle.ts";
import { auditPage, auditVerdict, emptyAudit, type SearchFieldsAudit } from "../lib/search/check-index.ts";
import { newestPages, sortDate, type DatedPage } from "../lib/search/recent.ts";
import { site } from "../config/site.ts";

/** Where the bundle goes inside the output folder, and the URL path the search page loads it from. */
export const BUNDLE_DIR = "pagefind";

// The site is French only. Forcing the language (rather than trusting each page's lang) keeps
// French stemming on even for a page whose lang attribute someone forgets.
export const indexConfig: PagefindServiceConfig = { forceLanguage: "fr" };

// Pages in flight to the Pagefind service at once: enough to keep its threads busy, few enough
// to hold only a handful of pages in memory on a large site.
const IN_FLIGHT = 16;

export interface IndexReport extends BundleReport {
  /** HTML files read from the output folder. */
  filesRead: number;
  ms: number;
  bundleDir: string;
}

function* htmlFiles(root: string): Generator<string> {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(root, path).split(sep)[0] === BUNDLE_DIR) continue;
    yield path;
  }
}

/** The URL Pagefind would give a file: "articles/x/index.html" → "/articles/x/". */
export function pageUrl(relativePath: string): string {
  const segments = relativePath.split(sep).join("/").replace(/(^|\/)index\.html$/, "$1");
  return "/" + segments.split("/").map(encodeURIComponent).join("/");
}

const fail = (what: string, errors: string[]): never => {
  throw new Error(`Pagefind (${what}) : ${errors.join(" ; ")}`);
};

/** Adds one page's HTML to an index: only what Pagefind reads, with apostrophes it can split words on. */
export async function addPage(index: PagefindIndex, url: string, html: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content: indexableApostrophes(indexableHtml(html)) });
  if (added.errors.length) fail(`addHTMLFile ${url}`, added.errors);
}

const INDEX_META = /(<meta name="pouls-search-index" content=")[^"]*(")/;
const RECENT_META = /(<meta name="pouls-search-recent" content=")[^"]*(")/;

/** The hash of the one (French) index of a bundle folder. */
function indexHash(bundleDir: string): string {
  const entry = JSON.parse(readFileSync(join(bundleDir, "pagefind-entry.json"), "utf8"));
  const hashes = Object.values(entry.languages as Record<string, { hash: string }>).map((l) => l.hash);
  const hash = hashes[0];
  if (hashes.length !== 1 || !hash || !INDEX_HASH.test(hash)) {
    throw new Error(`Pagefind : un seul index (français) attendu, trouvé : ${hashes.join(", ") || "aucun"}`);
  }
  return hash;
}

/**
 * Writes the hashes of the indexes just built into the search page (see src/lib/search/bundle.ts):
 * the whole index's, and the recent index's or nothing when the site has none. Returns the whole
 * index's hash, or undefined when the site has no search page.
 */
export function stampSearchPage(outDir: string): string | undefined {
  const page = join(outDir, SEARCH_PAGE_FILE);
  if (!existsSync(page)) return undefined;
  const bundleDir = join(outDir, BUNDLE_DIR);
  const hash = indexHash(bundleDir);
  const recentDir = join(bundleDir, RECENT_DIR);
  const recent = existsSync(join(recentDir, "pagefind-entry.json")) ? indexHash(recentDir) : "";
  const html = readFileSync(page, "utf8");
  for (const [meta, name] of [[INDEX_META, "pouls-search-index"], [RECENT_META, "pouls-search-recent"]] as const) {
    if (!meta.test(html)) throw new Error(`${SEARCH_PAGE_FILE} : <meta name="${name}"> introuvable`);
  }
  writeFileSync(page, html.replace(INDEX_META, `$1${hash}$2`).replace(RECENT_META, `$1${recent}$2`));
  return hash;
}

/** A page offered to the index; read() may be called twice (once more for the recent index). */
export interface PageSource {
  url: string;
  read(): string;
}

export interface BundleReport {
  /** Pages Pagefind indexed (those with data-pagefind-body). */
  pages: number;
  /** Of which in the recent index too; 0 when the site has none. */
  recent: number;
  audit: SearchFieldsAudit;
}

/** Runs addPage over pages with a few in flight, so that Pagefind's threads stay busy. */
async function addPages(index: PagefindIndex, pages: Iterable<{ url: string; html: string }>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  for (const { url, html } of pages) {
    const job = addPage(index, url, html).finally(() => inFlight.delete(job));
    // The failure surfaces through the race or Promise.all below; this only keeps a job that
    // fails after an earlier one from counting as an unhandled rejection.
    job.catch(() => {});
    inFlight.add(job);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex(indexConfig);
  return !index || errors.length ? fail("createIndex", errors) : index;
}

async function writeIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) fail("writeFiles", written.errors);
}

/**
 * Writes the search bundle into bundleDir: the index of every page and, when there are more than
 * recentCount, the index of the newest of them in bundleDir/recents/. Throws when a page lacks
 * some of its search fields. The caller closes Pagefind's service.
 */
export async function writeBundle(
  pages: Iterable<PageSource>,
  bundleDir: string,
  recentCount: number = site.searchRecentArticles,
): Promise<BundleReport> {
  const audit = emptyAudit();
  const dated: (DatedPage & { source: PageSource })[] = [];
  const whole = await newIndex();
  await addPages(
    whole,
    (function* () {
      for (const source of pages) {
        const html = source.read();
        if (!auditPage(audit, source.url, html)) continue;
        dated.push({ url: source.url, date: sortDate(html), source });
        yield { url: source.url, html };
      }
    })(),
  );
  const verdict = auditVerdict(audit);
  if (verdict.level === "error") throw new Error(verdict.message);
  const newest = newestPages(dated, recentCount);
  // Chunk names are content hashes: files of an earlier index left beside the new ones would
  // never be read again, only shipped.
  rmSync(bundleDir, { recursive: true, force: true });
  await writeIndex(whole, bundleDir);
  if (newest.length > 0) {
    const recent = await newIndex();
    await addPages(recent, newest.map((p) => ({ url: p.url, html: p.source.read() })));
    await writeIndex(recent, join(bundleDir, RECENT_DIR));
  }
  return { pages: dated.length, recent: newest.length, audit };
}

/** Indexes a built site in place, writing `<outDir>/pagefind/`. Throws on any Pagefind error. */
export async function indexSite(outDir: string, logger?: AstroIntegrationLogger, recentCount?: number): Promise<IndexReport> {
  const started = performance.now();
  const bundleDir = join(outDir, BUNDLE_DIR);
  let filesRead = 0;
  const sources = (function* (): Generator<PageSource> {
    for (const path of htmlFiles(outDir)) {
      filesRead++;
      yield { url: pageUrl(relative(outDir, path)), read: () => readFileSync(path, "utf8") };
    }
  })();
  try {
    const report = await writeBundle(sources, bundleDir, recentCount);
    const verdict = auditVerdict(report.audit);
    if (verdict.level === "warn") logger?.warn(verdict.message);
    stampSearchPage(outDir);
    return { ...report, filesRead, ms: Math.round(performance.now() - started), bundleDir };
  } finally {
    await pagefind.close();
  }
}

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** The file of the last build's bundle for a request path below /pagefind/, if there is one. */
export function bundleFile(bundleDir: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0] ?? "")).replace(/^([/\\]*\.\.)+/, "");
  const file = join(bundleDir, clean);
  if (!file.startsWith(bundleDir + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export default function pagefindIntegration(): AstroIntegration {
  let outDir = "";
  return {
    name: "pouls-pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      "astro:server:setup": ({ server, logger }) => {
        const bundleDir = join(outDir, BUNDLE_DIR);
        if (existsSync(join(bundleDir, "pagefind.js"))) {
          logger.info(`Recherche : index du dernier build servi depuis ${relative(process.cwd(), bundleDir) || bundleDir}`);
        } else {
          logger.warn("Recherche : pas encore d’index. Lancez « npm run build » une fois ; « npm run dev » servira alors l’index de ce build.");
        }
        // Looked up per request, so a build run beside the dev server is picked up without a restart.
        server.middlewares.use(`/${BUNDLE_DIR}/`, (req: IncomingMessage, res: ServerResponse, next: () => void) => {
          const file = bundleFile(bundleDir, req.url ?? "/");
          if (!file) return next();
          res.writeHead(200, {
            "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
            "Cache-Control": "no-cache",
          });
          createReadStream(file).pipe(res);
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const report = await indexSite(fileURLToPath(dir), logger);
        const recent = report.recent > 0 ? ` (et les ${report.recent} plus récentes dans ${RECENT_DIR}/)` : "";
        logger.info(
          `${report.pages} page(s) indexée(s)${recent} sur ${report.filesRead} fichiers HTML, en ${report.ms} ms → ${relative(process.cwd(), report.bundleDir) || report.bundleDir}`,
        );
      },
    },
  };
}
