// Where the search page finds Pagefind's bundle, and how the build tells the page which indexes it
// has. The page carries INDEX_TOKEN; once the indexes are written, the integration replaces it with
// the whole index's hash, and fills in the recent index's hash when there is one. That lets the
// page preload an index's first files before its script runs, and gives Pagefind a cache tag that
// changes exactly when the index does.

export const BUNDLE_PATH = "/pagefind/";
/** The newest articles' index, inside the bundle, on a site large enough to have one. */
export const RECENT_DIR = "recents";
/** The parts of the whole index beyond the first, inside the bundle: parts/1/, parts/2/… (src/lib/search/shards.ts). */
export const PARTS_DIR = "parts";
/** The built search page, relative to the output folder. */
export const SEARCH_PAGE_FILE = "recherche/index.html";
export const INDEX_TOKEN = "__POULS_PAGEFIND_INDEX__";
/** Pagefind names a language's index "<lang>_<hex hash>". */
export const INDEX_HASH = /^[a-z]{2,3}_[0-9a-f]{6,}$/;

// What the search page's loader (src/components/search/SearchBoot.astro, search-client.ts) takes
// for granted of Pagefind's output, in one place: checked against every build by
// tests/build/pagefind-files.test.ts, so that a Pagefind upgrade that changes them fails there.

/** Pagefind's data files: gzip streams, inflated by the page itself with DecompressionStream. */
export const PAGEFIND_DATA_EXTENSIONS = ["pf_meta", "pf_index", "pf_fragment", "pf_filter", "pagefind"] as const;
/** What an inflated data file starts with; pagefind.js takes data that has it as already inflated. */
export const PAGEFIND_SIGNATURE = "pagefind_dcd";
/** What a bundle's start-up fetches first, preloaded by the page: {hash} is the index's, {lang} its part before "_". */
export const STARTUP_FILES = ["pagefind-entry.json?ts={hash}", "pagefind.{hash}.pf_meta", "wasm.{lang}.pagefind"] as const;
/** What pagefind.js must export, and the options of options() the page relies on. */
export const PAGEFIND_API = ["options", "init", "preload", "search"] as const;
export const PAGEFIND_OPTIONS = ["noWorker", "metaCacheTag"] as const;

/** The start-up files of the index `hash`, relative to its bundle folder. */
export function startupFiles(hash: string): string[] {
  const lang = hash.split("_")[0] ?? "";
  return STARTUP_FILES.map((file) => file.replace("{hash}", hash).replace("{lang}", lang));
}
