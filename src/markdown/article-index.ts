// Slugs and titles of every article, read straight from the content files so the
// Markdown pipeline can resolve internal links before Astro has built its collections.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { cacheDir } from "../config/paths.ts";
import { site } from "../config/site.ts";
import { checkArticleFile, type CheckedArticleFile } from "../lib/article-file-check.ts";
import { MARKDOWN_CODE, pathsFingerprint } from "../lib/build-inputs.ts";
import { fileStamp } from "../lib/file-stamp.ts";
import { splitFrontMatter, type FrontMatterFile } from "../lib/front-matter.ts";
import { latestDate } from "../lib/freshness.ts";

export interface IndexedArticle {
  slug: string;
  title: string;
  /** Absolute path of the article's source file. */
  file: string;
  /** The cover's `src` as written in front matter, relative to the file. */
  cover: string | undefined;
  /** The latest of publication, update, review and correction dates (the sitemap's lastmod). */
  modified: Date | undefined;
  /** The file checked alone (lib/article-file-check.ts). */
  check: CheckedArticleFile;
}

export interface ArticleIndex {
  titleOf(slug: string): string | undefined;
  has(slug: string): boolean;
  readonly slugs: readonly string[];
  readonly articles: readonly IndexedArticle[];
}

const ARTICLE_FILE = /^(.+)\.mdx?$/;

// Astro's glob loader derives an entry id from the file name through github-slugger,
// unless the front matter sets `slug`; links must use that same id.
function entryId(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, "").replace(/ /g, "-");
}

function readEntry(file: string, fallbackSlug: string): IndexedArticle {
  let parsed: FrontMatterFile | undefined;
  let unreadable: string | undefined;
  try {
    parsed = splitFrontMatter(readFileSync(file, "utf8"));
    if (parsed === undefined) unreadable = "absent. Attendu : le fichier commence par une ligne ---, les champs, puis une ligne ---";
  } catch (error) {
    // Reported against the file; links to it are not what is broken.
    unreadable = `YAML illisible (${(error as Error).message.split("\n")[0]}). Attendu : des lignes « champ: valeur », crochets et guillemets refermés`;
  }
  const fields = parsed?.data ?? {};
  const slug = typeof fields["slug"] === "string" && fields["slug"] !== "" ? fields["slug"] : fallbackSlug;
  const title = typeof fields["title"] === "string" && fields["title"].trim() !== "" ? fields["title"].trim() : slug;
  const cover = fields["cover"] as Record<string, unknown> | undefined;
  const corrections = Array.isArray(fields["corrections"]) ? fields["corrections"] : [];
  const modified = latestDate([fields["date"], fields["updated"], fields["reviewed"], ...corrections.map((c) => c?.date)]);
  const shown = relative(process.cwd(), file);
  const check = checkArticleFile(shown, slug, fields, parsed?.body ?? "", site.origin);
  // Nothing else can be said of a file whose front matter cannot be read.
  if (unreadable !== undefined) check.problems = [{ file: shown, field: "front matter", message: `${unreadable}.` }];
  return { slug, title, file, cover: typeof cover?.["src"] === "string" ? cover["src"] : undefined, modified, check };
}

/** Each file read by the last scan, with its stamp then: read again only once it has another. */
type ScannedFiles = Map<string, { stamp: string; article: IndexedArticle }>;

// The last scan, kept in the cache folder for the next build: parsing and checking 10,000 articles
// took 1.3 s of every build's start, reading them back 0.1 s. Kept for the code that reads them
// (MARKDOWN_CODE), the folder their names are shown from, and the site's address.

function keptScanFile(articlesDir: string): string {
  return resolve(cacheDir, `pouls-article-index-${createHash("sha1").update(articlesDir).digest("hex").slice(0, 12)}.bin`);
}

function keptScanKey(): string {
  return JSON.stringify([pathsFingerprint(process.cwd(), MARKDOWN_CODE), process.cwd(), site.origin]);
}

function readKeptScan(articlesDir: string, key: string): ScannedFiles {
  try {
    const kept = deserialize(readFileSync(keptScanFile(articlesDir))) as { key: string; files: ScannedFiles };
    return kept.key === key ? kept.files : new Map();
  } catch {
    // None yet, or cut short by a build stopped while writing it: every file is read.
    return new Map();
  }
}

function writeKeptScan(articlesDir: string, key: string, files: ScannedFiles): void {
  const file = keptScanFile(articlesDir);
  mkdirSync(resolve(file, ".."), { recursive: true });
  writeFileSync(`${file}.tmp`, serialize({ key, files }));
  renameSync(`${file}.tmp`, file);
}

function scan(articlesDir: string, before: ScannedFiles, after: ScannedFiles): Map<string, IndexedArticle> {
  const titles = new Map<string, IndexedArticle>();
  // The stamp is taken before the file is read: a file written meanwhile is read again next time.
  const read = (file: string, fallbackSlug: string): IndexedArticle => {
    const stamp = fileStamp(file);
    const known = before.get(file);
    const article = known?.stamp === stamp ? known.article : readEntry(file, fallbackSlug);
    after.set(file, { stamp, article });
    return article;
  };
  let entries;
  try {
    entries = readdirSync(articlesDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return titles;
    throw error;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = entry.isFile() ? ARTICLE_FILE.exec(entry.name) : null;
    if (file) {
      const article = read(join(articlesDir, entry.name), entryId(file[1] ?? ""));
      titles.set(article.slug, article);
    } else if (entry.isDirectory()) {
      for (const index of ["index.md", "index.mdx"]) {
        const path = join(articlesDir, entry.name, index);
        if (!statSync(path, { throwIfNoEntry: false })?.isFile()) continue;
        const article = read(path, entryId(entry.name));
        titles.set(article.slug, article);
      }
    }
  }
  return titles;
}

const KEY = Symbol.for("pouls.article-index");

function modifiedAt(dir: string): number {
  return statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

// Shared by every copy of this module in the process: astro.config.mjs and src/content.config.ts
// each load their own (Vite loads the latter again), and each scan of 10,000 articles takes 1 s.
const cache: Map<string, ArticleIndex> = ((globalThis as { [KEY]?: Map<string, ArticleIndex> })[KEY] ??= new Map());

/**
 * Index of `<contentDir>/articles/*.md(x)` and `<contentDir>/articles/<slug>/index.md(x)`.
 * Memoised per directory. The index rescans when an article file is added, removed or
 * renamed (the folder's mtime changes), so `astro dev` accepts a link to a brand-new
 * article without a restart; a title edited in place is picked up on the next start.
 */
export function loadArticleIndex(contentDir: string): ArticleIndex {
  const articlesDir = resolve(contentDir, "articles");
  const cached = cache.get(articlesDir);
  if (cached) return cached;

  const key = keptScanKey();
  let scanned = readKeptScan(articlesDir, key);
  const rescan = () => {
    const files: ScannedFiles = new Map();
    const titles = scan(articlesDir, scanned, files);
    const changed = files.size !== scanned.size || [...files].some(([file, { article }]) => scanned.get(file)?.article !== article);
    scanned = files;
    if (changed) writeKeptScan(articlesDir, key, files);
    return titles;
  };
  let scannedAt = modifiedAt(articlesDir);
  let titles = rescan();
  const current = (): Map<string, IndexedArticle> => {
    const mtime = modifiedAt(articlesDir);
    if (mtime !== scannedAt) {
      scannedAt = mtime;
      titles = rescan();
    }
    return titles;
  };
  const index: ArticleIndex = {
    titleOf: (slug) => current().get(slug)?.title,
    has: (slug) => current().has(slug),
    get slugs() {
      return [...current().keys()];
    },
    get articles() {
      return [...current().values()];
    },
  };
  cache.set(articlesDir, index);
  return index;
}
