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
