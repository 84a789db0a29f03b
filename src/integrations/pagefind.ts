// Site search: indexes the built pages with Pagefind's Node API once Astro has written them, and
// lets `astro dev` serve the index of the last build (dev renders pages on demand, so there is
// nothing to index until a build has run).
//
// Pagefind does not read the built pages themselves: each page's HTML is first given ASCII
// apostrophes inside words (see src/lib/search/apostrophes.ts), without which Pagefind cannot find
// "immunothérapie" in "l’immunothérapie", and cut down to what Pagefind reads. Those copies are
// kept, in a temporary file, as Astro renders the pages (the pages it copies from the last build
// are read back), and go to Pagefind's service once the build is done. Only pages with data-pagefind-body are kept;
// Pagefind would drop the others anyway once one page has it.
//
// A large site gets two indexes. What a browser must download before Pagefind can answer grows
// with the pages of the index (its page list and date sort: about 10 KB per 1,000 pages), so the
// search page answers first from an index of the newest articles (pagefind/recents/), then from the
// whole one (pagefind/), which it loads meanwhile. A site that fits in the first has only the second.
// Above 2,000 pages the whole index is itself written in parts of consecutive dates
// (src/lib/search/shards.ts), one Pagefind service each, so that Pagefind's memory stays that of
// one part, and kept between builds one by one (./kept-indexes.ts), so that a change indexes one
// part again rather than the site.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from "astro";
import * as pagefind from "pagefind";
import type { PagefindIndex, PagefindServiceConfig } from "pagefind";
import { indexableApostrophes } from "../lib/search/apostrophes.ts";
import { indexableHtml } from "../lib/search/indexable-html.ts";
import { INDEX_HASH, PARTS_DIR, RECENT_DIR, SEARCH_PAGE_FILE } from "../lib/search/bundle.ts";
import { shardsOf } from "../lib/search/shards.ts";
import { auditPage, auditVerdict, emptyAudit, type SearchFieldsAudit } from "../lib/search/check-index.ts";
import { newestFirst, sortDate, type DatedPage } from "../lib/search/recent.ts";
import { newVocabulary, VOCABULARY_DIR, wordCounts, type Vocabulary } from "../lib/search/vocabulary.ts";
import {
  indexInput,
  keepWords,
  keptWords,
  readPageRecords,
  recordUnits,
  remember,
  reuse,
  stamped,
  takeBack,
  writePageRecords,
  type KeptIndex,
  type PageRecord,
} from "./kept-indexes.ts";
import { pageSpill, type PageSpill, type SpilledPage } from "../lib/search/page-spill.ts";
import { site } from "../config/site.ts";
import { decodedOr } from "../lib/uri.ts";
import { fileStamp } from "../lib/file-stamp.ts";
import { pathsFingerprint } from "../lib/build-inputs.ts";

/** Where the bundle goes inside the output folder, and the URL path the search page loads it from. */
export const BUNDLE_DIR = "pagefind";

// The site is French only. Forcing the language (rather than trusting each page's lang) keeps
// French stemming on even for a page whose lang attribute someone forgets.
export const indexConfig: PagefindServiceConfig = { forceLanguage: "fr" };

// Pagefind cuts its word index into chunks of this many word locations, and a query downloads the
// chunk holding each of its words. Its default, 20,000, makes that chunk about 20 KB on any site;
// at 1,000 it is 1.5-2 KB, and the chunk list it adds to the index's metadata stays small (the
// search bench's first results at 10,000 articles: 98 KB instead of 120). Pagefind reads the
// setting only from its service's environment, under a name it calls unstable: a test
// (tests/build/search-index.test.ts) fails if it stops taking effect.
export const INDEX_CHUNK_SIZE = 1000;
const CHUNK_SIZE_VARIABLE = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

export interface IndexReport extends BundleReport {
  bundleDir: string;
}

/** The site's pages, not going into the search bundle (13,000 files at 10,000 articles). */
function* htmlFiles(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !(dir === root && entry.name === BUNDLE_DIR)) yield* htmlFiles(root, path);
    else if (entry.isFile() && entry.name.endsWith(".html")) yield path;
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

/** What Pagefind is given of a page: only what it reads, with apostrophes it can split words on. */
export function pageForIndex(html: string): string {
  return indexableApostrophes(indexableHtml(html));
}

const INDEX_META = /(<meta name="pouls-search-index" content=")[^"]*(")/;
const RECENT_META = /(<meta name="pouls-search-recent" content=")[^"]*(")/;
const PARTS_META = /(<meta name="pouls-search-parts" content=")[^"]*(")/;

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
  const partsDir = join(bundleDir, PARTS_DIR);
  const partCount = existsSync(partsDir) ? readdirSync(partsDir).length : 0;
  const parts = Array.from({ length: partCount }, (_, i) => indexHash(join(partsDir, String(i + 1)))).join(" ");
  const html = readFileSync(page, "utf8");
  for (const [meta, name] of [[INDEX_META, "pouls-search-index"], [RECENT_META, "pouls-search-recent"], [PARTS_META, "pouls-search-parts"]] as const) {
    if (!meta.test(html)) throw new Error(`${SEARCH_PAGE_FILE} : <meta name="${name}"> introuvable`);
  }
  writeFileSync(page, html.replace(INDEX_META, `$1${hash}$2`).replace(RECENT_META, `$1${recent}$2`).replace(PARTS_META, `$1${parts}$2`));
  return hash;
}

/** A page offered to the index. */
export interface PageSource {
  url: string;
  read(): string;
}

export interface BundleReport {
  /** Pages Pagefind indexed (those with data-pagefind-body). */
  pages: number;
  /** Of which in the recent index too; 0 when the site has none. */
  recent: number;
  /** Parts of the whole index besides the first (pagefind/parts/<n>/); 0 below site.searchShardPages pages. */
  parts: number;
  audit: SearchFieldsAudit;
  /** Indexes (parts of the whole one, the recent one) Pagefind wrote; the others were those of the last build, none of their pages' indexed text having changed. */
  indexed: number;
  /** Indexes in all: parts + 1, and the recent one. */
  indexes: number;
}

async function newIndex(): Promise<PagefindIndex> {
  // Inherited by Pagefind's service, which the first index of a build starts.
  process.env[CHUNK_SIZE_VARIABLE] = String(INDEX_CHUNK_SIZE);
  const { index, errors } = await pagefind.createIndex(indexConfig);
  return !index || errors.length ? fail("createIndex", errors) : index;
}

async function addPage(index: PagefindIndex, url: string, content: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content });
  if (added.errors.length) fail(`addHTMLFile ${url}`, added.errors);
}

async function writeIndex(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) fail("writeFiles", written.errors);
}

/** A page in the running for the recent index. */
interface RecentPage extends DatedPage {
  read(): string;
}

/** Where what Pagefind reads of a page is until the indexes are written. */
type PageText = { spilled: SpilledPage } | { file: string };

/**
 * The search bundle of a site, fed page by page (as Astro renders them), written once all are in.
 *
 * Pagefind numbers pages in the order it is given them, and its files show those numbers; pages
 * come in the order they finish rendering, which varies, and an incremental build renders only
 * some. So pages are kept (what Pagefind reads of them) and given in the order of their URLs once
 * all are in: the same site gives the same index, however it was built.
 */
export interface BundleBuilder {
  /** Offers one page (any page: those without data-pagefind-body are left out). */
  offer(url: string, html: string): void;
  /**
   * Offers the page built into `file`. With kept indexes, a page whose HTML is the one the last
   * build recorded is taken from that record, and read again only if its index is made again.
   */
  offerFile(url: string, file: string): void;
  /** Where a page offered as it rendered was then written: the next build may trust it untouched. */
  noteFile(url: string, file: string): void;
  /**
   * Writes bundleDir: the index of every page and, when there are more than recentCount, the index
   * of the newest in bundleDir/recents/. Throws when a page lacks some of its search fields.
   * With kept indexes (src/integrations/kept-indexes.ts), each index whose pages Pagefind was given
   * last time exactly as now (unless `keep.fresh`) is the last build's, moved back into place, and
   * the others are recorded for the next build. The caller closes Pagefind's service.
   */
  finish(bundleDir: string): Promise<BundleReport>;
}

const htmlDigest = (html: string | Buffer) => createHash("sha256").update(html).digest("base64url");

export function startBundle(recentCount: number = site.searchRecentArticles, shardPages: number = site.searchShardPages, keep?: KeptIndex): BundleBuilder {
  const audit = emptyAudit();
  // The newest pages seen so far, with a margin: trimmed back to recentCount when it doubles, so a
  // large site holds about recentCount pages in memory, not all of them.
  let newest: RecentPage[] = [];
  // Each indexed page: the digest of what Pagefind reads of it, its date, and where that text is.
  const kept = new Map<string, { text: PageText; digest: string; date: string }>();
  let spill: PageSpill | undefined;
  const previous = keep ? readPageRecords(keep) : new Map<string, PageRecord>();
  const records = new Map<string, PageRecord>();
  const textOf = (text: PageText) => ("file" in text ? pageForIndex(readFileSync(text.file, "utf8")) : spill!.read(text.spilled));

  function offerHtml(url: string, html: string, raw: string, stamp?: string): void {
    const complete = audit.complete;
    if (!auditPage(audit, url, html)) {
      records.set(url, [url, raw, "", "", stamp]);
      return;
    }
    const content = pageForIndex(html);
    const date = sortDate(html);
    const digest = createHash("sha256").update(content).digest("hex");
    addRecent(url, date, () => content);
    spill ??= pageSpill();
    kept.set(url, { text: { spilled: spill.add(content) }, digest, date });
    // A page with fields missing is read again next time, so that the audit sees it again.
    if (audit.complete > complete) records.set(url, [url, raw, digest, date, stamp]);
  }

  function addRecent(url: string, date: string, read: () => string): void {
    newest.push({ url, date, read });
    if (newest.length >= 2 * recentCount + 1) newest = newestFirst(newest, recentCount);
  }

  return {
    offer(url, html) {
      offerHtml(url, html, keep ? htmlDigest(html) : "");
    },
    offerFile(url, file) {
      const stamp = keep ? fileStamp(file) : undefined;
      let known = previous.get(url);
      if (!known || known[4] !== stamp) {
        const bytes = readFileSync(file);
        const raw = keep ? htmlDigest(bytes) : "";
        if (!known || known[1] !== raw) return offerHtml(url, bytes.toString("utf8"), raw, stamp);
        known = stamped(known, stamp);
      }
      records.set(url, known);
      const [, , digest, date] = known;
      if (!digest) return;
      audit.indexed++;
      audit.complete++;
      addRecent(url, date, () => pageForIndex(readFileSync(file, "utf8")));
      kept.set(url, { text: { file }, digest, date });
    },
    noteFile(url, file) {
      const record = keep ? records.get(url) : undefined;
      if (record) records.set(url, stamped(record, fileStamp(file)));
    },
    async finish(bundleDir) {
      try {
        return await finishBundle(bundleDir);
      } finally {
        spill?.remove();
      }
    },
  };

  async function finishBundle(bundleDir: string): Promise<BundleReport> {
    const verdict = auditVerdict(audit);
    if (verdict.level === "error") throw new Error(verdict.message);
    const urls = [...kept.keys()].sort();
    const recent = audit.indexed > recentCount ? newestFirst(newest, recentCount) : [];
    if (keep) takeBack(bundleDir, keep);
    // Chunk names are content hashes: files of an earlier index left beside the new ones would
    // never be read again, only shipped.
    rmSync(bundleDir, { recursive: true, force: true });
    const shards = shardsOf(urls.map((url) => ({ url, date: kept.get(url)!.date })), shardPages);
    // The newest part is the bundle folder itself, the older ones parts/1/, parts/2/… after it;
    // kept between builds under a name that stays with the part (shards.ts).
    const units: IndexUnit[] = shards.map((part, i) => ({
      name: `part-${part.id}`,
      dir: i === 0 ? bundleDir : join(bundleDir, PARTS_DIR, String(i)),
      pages: part.urls.map((url) => ({ url, digest: kept.get(url)!.digest, read: () => textOf(kept.get(url)!.text) })),
      words: true,
    }));
    if (recent.length > 0) {
      units.push({
        name: RECENT_DIR,
        dir: join(bundleDir, RECENT_DIR),
        pages: recent.map((page) => ({ url: page.url, digest: kept.get(page.url)!.digest, read: page.read })),
        words: false,
      });
    }
    // The words for "Vouliez-vous dire …", those of every part's pages: a part indexed again counts
    // them as Pagefind is given its pages, a reused one brings them from the last build.
    const vocabulary = newVocabulary();
    let reused = 0;
    const written: { name: string; dir: string; entries: string[] }[] = [];
    // One after the other, each by a Pagefind service of its own: its memory grows with the pages
    // it is given (about 17 GB for 100,000 articles), and closing it gives that back.
    for (const unit of units) {
      const given = keep && indexInput([keep.pagefindVersion, indexConfig, INDEX_CHUNK_SIZE], unit.name, unit.pages);
      if (keep && given && reuse(keep, unit.name, given, unit.dir)) {
        reused++;
        if (unit.words) {
          let words = keptWords(keep, unit.name);
          if (!words) keepWords(keep, unit.name, (words = wordCounts(unit.pages.map((page) => page.read()))));
          vocabulary.addCounts(words);
        }
      } else {
        const index = await newIndex();
        const words = newVocabulary();
        // One after the other: sent all at once, they took as long (38-50 s at 10,000 articles),
        // and the order would rest on how Pagefind's service schedules its messages.
        for (const page of unit.pages) {
          const content = page.read();
          if (unit.words) words.add(content);
          await addPage(index, page.url, content);
        }
        await writeIndex(index, unit.dir);
        await pagefind.close();
        if (unit.words) vocabulary.addCounts(words.counts());
        if (keep && given) {
          remember(keep, unit.name, given);
          if (unit.words) keepWords(keep, unit.name, words.counts());
        }
      }
      // Listed now: the next index may go into a folder inside this one's.
      written.push({ name: unit.name, dir: unit.dir, entries: readdirSync(unit.dir) });
    }
    if (keep) {
      recordUnits(keep, bundleDir, written);
      writePageRecords(keep, records.values());
    }
    writeVocabulary(vocabulary, join(bundleDir, VOCABULARY_DIR));
    return { pages: audit.indexed, recent: recent.length, parts: shards.length - 1, audit, indexed: units.length - reused, indexes: units.length };
  }
}

/** Pages given to one Pagefind index: a part of the whole index, or the recent one. */
interface IndexUnit {
  /** Its folder in the kept indexes. */
  name: string;
  dir: string;
  pages: { url: string; digest: string; read(): string }[];
  /** Whether its pages' words go into the vocabulary: the parts' do, the recent index's are in them. */
  words: boolean;
}

/** One JSON file per first letter (see src/lib/search/vocabulary.ts). */
function writeVocabulary(vocabulary: Vocabulary, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [letter, words] of vocabulary.shards()) writeFileSync(join(dir, `${letter}.json`), JSON.stringify(words));
}

/** Writes the search bundle of these pages into bundleDir (see BundleBuilder.finish). */
export async function writeBundle(
  pages: Iterable<PageSource>,
  bundleDir: string,
  recentCount: number = site.searchRecentArticles,
): Promise<BundleReport> {
  const bundle = startBundle(recentCount);
  for (const source of pages) bundle.offer(source.url, source.read());
  return bundle.finish(bundleDir);
}

/**
 * Writes `<outDir>/pagefind/` from a bundle that has seen every page, stamps the search page and
 * closes Pagefind's service (which only finishing a bundle starts).
 */
async function finishSite(bundle: BundleBuilder, outDir: string, logger?: AstroIntegrationLogger): Promise<IndexReport> {
  const bundleDir = join(outDir, BUNDLE_DIR);
  try {
    const report = await bundle.finish(bundleDir);
    const verdict = auditVerdict(report.audit);
    if (verdict.level === "warn") logger?.warn(verdict.message);
    stampSearchPage(outDir);
    return { ...report, bundleDir };
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes a built site in place, writing `<outDir>/pagefind/`, with the indexes kept in `keep` when
 * given (see BundleBuilder.finish). Throws on any Pagefind error.
 */
export async function indexSite(
  outDir: string,
  logger?: AstroIntegrationLogger,
  recentCount?: number,
  shardPages?: number,
  keep?: KeptIndex,
): Promise<IndexReport> {
  const bundle = startBundle(recentCount, shardPages, keep);
  for (const path of htmlFiles(outDir)) bundle.offerFile(pageUrl(relative(outDir, path)), path);
  return finishSite(bundle, outDir, logger);
}

/**
 * Offers the pages an incremental build copied from the previous one (astro.config.mjs): Astro
 * did not render them, so they never went through our prerenderer.
 */
function offerCopiedPages(bundle: BundleBuilder, outDir: string, offered: ReadonlySet<string>): void {
  for (const path of htmlFiles(outDir)) {
    const url = pageUrl(relative(outDir, path));
    if (offered.has(decodedOr(url))) bundle.noteFile(url, path);
    else bundle.offerFile(url, path);
  }
}

const utf8 = new TextDecoder();

/**
 * Astro's prerenderer, handing each HTML page it renders to the search bundle too, which Pagefind
 * indexes while the next pages render instead of reading every built page back once the build is
 * done.
 */
function indexingPrerenderer(inner: AstroPrerenderer, start: () => BundleBuilder, offered: Set<string>): AstroPrerenderer {
  let bundle: BundleBuilder | undefined;
  return {
    ...inner,
    name: `${inner.name}+pouls-pagefind`,
    async setup() {
      await inner.setup?.();
      bundle = start();
    },
    async render(request, options) {
      const rendered = await inner.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      if (!bundle || response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) {
        return rendered;
      }
      // The body is read once; Astro gets the same bytes back rather than the text encoded again.
      const body = await response.arrayBuffer();
      const url = new URL(request.url).pathname;
      offered.add(decodedOr(url));
      bundle.offer(url, utf8.decode(body));
      const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      return rendered instanceof Response ? copy : { ...rendered, response: copy };
    },
  };
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

// The code that reads a page for the index: what the last build recorded of its pages was read by it.
const INDEXER_CODE = ["src/integrations/pagefind.ts", "src/integrations/kept-indexes.ts", "src/lib/search", "src/config/site.ts"];

/**
 * Where builds keep the search index (beside Astro's cache of pages), if the installed Pagefind's
 * version can be read: an index kept by another version must not be taken for this one's.
 * `--force` asks for a build from scratch: the index too.
 */
function keptIndex(root: URL, cacheDir: URL): KeptIndex | undefined {
  const manifest = new URL("node_modules/pagefind/package.json", root);
  if (!existsSync(manifest)) return undefined;
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version?: string };
  if (!version) return undefined;
  return {
    dir: fileURLToPath(new URL("pouls-search/", cacheDir)),
    pagefindVersion: version,
    indexerCode: pathsFingerprint(fileURLToPath(root), INDEXER_CODE),
    fresh: process.argv.includes("--force"),
  };
}

export default function pagefindIntegration(): AstroIntegration {
  let outDir = "";
  // The bundle our prerenderer fed during this build, if it ran, and the pages it was given.
  let fed: BundleBuilder | undefined;
  const offered = new Set<string>();
  let keep: KeptIndex | undefined;
  return {
    name: "pouls-pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        keep = keptIndex(config.root, config.cacheDir);
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
      "astro:build:start": ({ setPrerenderer }) => {
        // Before Astro empties the output folder: the last indexes wait in the cache folder.
        if (keep) takeBack(join(outDir, BUNDLE_DIR), keep);
        fed = undefined;
        offered.clear();
        setPrerenderer((inner) => indexingPrerenderer(inner, () => (fed = startBundle(undefined, undefined, keep)), offered));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        // Without a fed bundle no page went through our prerenderer (none to render, or another
        // took its place): the built pages are read back instead.
        if (fed) offerCopiedPages(fed, outDir, offered);
        const report = fed ? await finishSite(fed, outDir, logger) : await indexSite(outDir, logger, undefined, undefined, keep);
        const reused =
          report.indexed === 0
            ? ", index du build précédent repris (aucun texte indexé n’a changé)"
            : report.indexed < report.indexes
              ? `, ${report.indexed} index sur ${report.indexes} refait(s), les autres repris du build précédent`
              : "";
        const recent = report.recent > 0 ? ` (et les ${report.recent} plus récentes dans ${RECENT_DIR}/)` : "";
        const parts = report.parts > 0 ? ` en ${report.parts + 1} parties` : "";
        logger.info(
          `${report.pages} page(s) indexée(s)${parts}${recent}${reused}, en ${Math.round(performance.now() - started)} ms → ${relative(process.cwd(), report.bundleDir) || report.bundleDir}`,
        );
      },
    },
  };
}
