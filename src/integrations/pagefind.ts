// Site search: indexes the built pages with Pagefind's Node API once Astro has written them, and
// lets `astro dev` serve the index of the last build (dev renders pages on demand, so there is
// nothing to index until a build has run).
//
// Pages go in through addHTMLFile rather than addDirectory: each page's HTML is first given ASCII
// apostrophes inside words (see src/lib/search/apostrophes.ts), without which Pagefind cannot
// find "immunothérapie" in "l’immunothérapie". Only pages with data-pagefind-body are sent;
// Pagefind would drop the others anyway once one page has it.
import { createReadStream, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import * as pagefind from "pagefind";
import type { PagefindIndex, PagefindServiceConfig } from "pagefind";
import { indexableApostrophes } from "../lib/search/apostrophes.ts";
import { indexableHtml } from "../lib/search/indexable-html.ts";
import { INDEX_HASH, SEARCH_PAGE_FILE } from "../lib/search/bundle.ts";
import { auditPage, auditVerdict, emptyAudit, type SearchFieldsAudit } from "../lib/search/check-index.ts";

/** Where the bundle goes inside the output folder, and the URL path the search page loads it from. */
export const BUNDLE_DIR = "pagefind";

// The site is French only. Forcing the language (rather than trusting each page's lang) keeps
// French stemming on even for a page whose lang attribute someone forgets.
export const indexConfig: PagefindServiceConfig = { forceLanguage: "fr" };

// Pages in flight to the Pagefind service at once: enough to keep its threads busy, few enough
// to hold only a handful of pages in memory on a large site.
const IN_FLIGHT = 16;

export interface IndexReport {
  /** HTML files read from the output folder. */
  filesRead: number;
  /** Pages Pagefind indexed (those with data-pagefind-body). */
  pages: number;
  audit: SearchFieldsAudit;
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

/**
 * Writes the hash of the index just built into the search page (see src/lib/search/bundle.ts).
 * Returns the hash, or undefined when the site has no search page.
 */
export function stampSearchPage(outDir: string): string | undefined {
  const page = join(outDir, SEARCH_PAGE_FILE);
  if (!existsSync(page)) return undefined;
  const entry = JSON.parse(readFileSync(join(outDir, BUNDLE_DIR, "pagefind-entry.json"), "utf8"));
  const hashes = Object.values(entry.languages as Record<string, { hash: string }>).map((l) => l.hash);
  const hash = hashes[0];
  if (hashes.length !== 1 || !hash || !INDEX_HASH.test(hash)) {
    throw new Error(`Pagefind : un seul index (français) attendu, trouvé : ${hashes.join(", ") || "aucun"}`);
  }
  const html = readFileSync(page, "utf8");
  if (!INDEX_META.test(html)) throw new Error(`${SEARCH_PAGE_FILE} : <meta name="pouls-search-index"> introuvable`);
  writeFileSync(page, html.replace(INDEX_META, `$1${hash}$2`));
  return hash;
}

/** Indexes a built site in place, writing `<outDir>/pagefind/`. Throws on any Pagefind error. */
export async function indexSite(outDir: string, logger?: AstroIntegrationLogger): Promise<IndexReport> {
  const started = performance.now();
  const audit = emptyAudit();
  const bundleDir = join(outDir, BUNDLE_DIR);
  let filesRead = 0;
  try {
    const { index, errors } = await pagefind.createIndex(indexConfig);
    if (!index || errors.length) return fail("createIndex", errors);
    const inFlight = new Set<Promise<void>>();
    for (const path of htmlFiles(outDir)) {
      const html = readFileSync(path, "utf8");
      filesRead++;
      const rel = relative(outDir, path);
      if (!auditPage(audit, rel, html)) continue;
      const job = addPage(index, pageUrl(rel), html).finally(() => inFlight.delete(job));
      // The failure surfaces through the race or Promise.all below; this only keeps a job that
      // fails after an earlier one from counting as an unhandled rejection.
      job.catch(() => {});
      inFlight.add(job);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);

    const verdict = auditVerdict(audit);
    if (verdict.level === "error") throw new Error(verdict.message);
    if (verdict.level === "warn") logger?.warn(verdict.message);

    // Chunk names are content hashes: files of an earlier index left beside the new ones would
    // never be read again, only shipped.
    rmSync(bundleDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) fail("writeFiles", written.errors);
    stampSearchPage(outDir);
    return { filesRead, pages: audit.indexed, audit, ms: Math.round(performance.now() - started), bundleDir };
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
        logger.info(
          `${report.pages} page(s) indexée(s) sur ${report.filesRead} fichiers HTML, en ${report.ms} ms → ${relative(process.cwd(), report.bundleDir) || report.bundleDir}`,
        );
      },
    },
  };
}
