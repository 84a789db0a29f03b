// The search page in the browser: reads its state from the URL, runs it through Pagefind's JS API
// and renders results in the site's own markup. Pagefind's bundle is fetched from /pagefind/ at
// run time (never bundled, never from a CDN), and only by this page.
import { facetOptions, optionLabel } from "../../lib/search/facets.ts";
import { frenchDate } from "../../lib/search/format.ts";
import {
  FILTER_KEYS,
  type FilterKey,
  type SearchState,
  isIdle,
  normalizeQuery,
  pagefindOptions,
  pagefindTerm,
  parseSearchParams,
  sameState,
  searchHref,
  toSearchParams,
} from "../../lib/search/url-state.ts";
import { displayApostrophes } from "../../lib/search/apostrophes.ts";
import { bodyExcerpt, type ExcerptSource } from "../../lib/search/excerpt.ts";
import { fold, glossaryLinesFound, isShortTerm, matchedWords, queryTerms, termsInNoPage, termsNotFound, withoutTerms, wordsOf } from "../../lib/search/term-match.ts";
import { glossaryMetaLines } from "../../lib/search/glossary-meta.ts";
import { CheckedResults } from "../../lib/search/checked-results.ts";
import { mergeParts } from "../../lib/search/merge-parts.ts";
import { closestWord, VOCABULARY_DIR } from "../../lib/search/vocabulary.ts";
import { BUNDLE_PATH, INDEX_HASH, PARTS_DIR, RECENT_DIR } from "../../lib/search/bundle.ts";
import { strings } from "../../i18n/search.fr.ts";

interface ResultData extends Partial<ExcerptSource> {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Result {
  id: string;
  score?: number;
  data(): Promise<ResultData>;
}
interface SearchResponse {
  results: Result[];
  filters: Record<string, Record<string, number>>;
}
/** What the page asks of an index: the whole one may be several of Pagefind's, searched as one. */
interface Searcher {
  search(term: string | null, options?: object): Promise<SearchResponse | null>;
}
interface Pagefind extends Searcher {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

const PAGE_SIZE = 10;
// The brand mark of the site header (src/components/Header.astro), drawn in the muted colour.
const PLACEHOLDER =
  '<svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><path d="M2 17h7l3-8 5 15 4-11 2 4h7" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>';
// The results a first screen shows (two at 1280×800, one or two on a phone): their excerpts are
// fetched before any other, and the rest of the page's after they are drawn.
const FIRST_PAINT = 2;
// How many results are read at most to find those that hold a short query word as a whole word
// ("dos", not the "dose" Pagefind gives for it); ranked lower than that, they are not shown.
const CHECK_LIMIT = 100;
// Long enough to skip the intermediate words of a fast typist, short enough to feel live.
const TYPING_DEBOUNCE_MS = 250;

interface Bundle {
  path: string;
  /** The index's hash, or "" before a build has stamped the page (npm run dev). */
  hash: string;
}

const metaContent = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? "";
const whole: Bundle = { path: BUNDLE_PATH, hash: metaContent("pouls-search-index") };
const recentHash = metaContent("pouls-search-recent");
// On a large site, the newest articles' index answers first while the whole one loads (see
// src/integrations/pagefind.ts); once the whole index is loaded, it answers alone.
const recent: Bundle | undefined = INDEX_HASH.test(recentHash) ? { path: `${BUNDLE_PATH}${RECENT_DIR}/`, hash: recentHash } : undefined;
// A large site's whole index comes in parts (src/lib/search/shards.ts), merged into the first.
const wholeParts: Bundle[] = metaContent("pouls-search-parts")
  .split(" ")
  .filter((hash) => INDEX_HASH.test(hash))
  .map((hash, i) => ({ path: `${BUNDLE_PATH}${PARTS_DIR}/${i + 1}/`, hash }));

const loads = new Map<Bundle, Promise<Searcher>>();
let wholeLoaded = false;
type EarlyWindow = Window & { poulsPagefind?: Promise<Pagefind> | undefined };

/** Pagefind's script of a bundle, started on that bundle's index. */
async function startPagefind(bundle: Bundle): Promise<Pagefind> {
  // A computed URL keeps the bundler from trying to resolve a file that only exists after the build.
  const url = new URL(`${bundle.path}pagefind.js`, location.origin).href;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // Keep in step with the head script of src/pages/recherche/index.astro.
  await pagefind.options({
    // A worker would add its own script (about 13 KB compressed) and a second wasm start-up
    // before the first results; the search itself is a few milliseconds of main-thread work.
    noWorker: true,
    // The index's own hash: the entry file is fetched fresh exactly when the index changed, and
    // at the URL the page preloaded. Pagefind falls back to a timestamp without it (dev).
    ...(INDEX_HASH.test(bundle.hash) ? { metaCacheTag: bundle.hash } : {}),
  });
  await pagefind.init();
  return pagefind;
}

function loadPagefind(bundle: Bundle): Promise<Searcher> {
  let load = loads.get(bundle);
  if (load) return load;
  load = (async () => {
    // Started early, for the bundle the page searches first, by the page's head script when the
    // URL asked for a search.
    const early = (window as EarlyWindow).poulsPagefind;
    if (early && bundle === (recent ?? whole)) {
      // Once: a failed early start is retried from scratch on the next search.
      (window as EarlyWindow).poulsPagefind = undefined;
      return bundle === whole ? withParts(await early) : early;
    }
    const pagefind = await startPagefind(bundle);
    return bundle === whole ? withParts(pagefind) : pagefind;
  })();
  loads.set(bundle, load);
  load.then(
    () => bundle === whole && (wholeLoaded = true),
    () => loads.delete(bundle),
  );
  return load;
}

// A page is found by the words matched in its text, and by the glossary's words for what it
// mentions (its "glossaire" metadata, searchable, not part of the text).
const textMatched = (data: ResultData): string[] =>
  matchedWords(data.raw_content ?? "", (data.weighted_locations ?? []).map((l) => l.location));
const matchedIn = (data: ResultData): string[] => [...textMatched(data), ...wordsOf(data.meta.glossaire ?? "")];

/**
 * The query's words that Pagefind found nowhere: for a word it does not know it answers with the
 * pages holding a fragment of it ("d" for "doliprane"), so the words matched in its best result
 * tell. Empty when the query has no result to read.
 */
function termsNotIndexed(q: string | null, best: ResultData | undefined): string[] {
  if (!q || !best) return [];
  return termsInNoPage(q, matchedIn(best));
}

/**
 * The query's words in no article, when the query found nothing. Each word is searched alone,
 * without filters: with its index cut in small chunks, Pagefind answers a word it does not know
 * with nothing at all rather than with a fragment, so an empty answer does not say which word
 * was missing, or whether a filter left nothing.
 */
async function termsAloneInNoArticle(pagefind: Searcher, state: SearchState): Promise<string[]> {
  const missing: string[] = [];
  for (const term of queryTerms(state.q ?? "").filter((t) => !isShortTerm(t))) {
    const alone = await pagefind.search(pagefindTerm({ ...state, q: term }), {});
    const best = await alone?.results[0]?.data();
    if (!best || termsNotIndexed(term, best).length > 0) missing.push(term);
  }
  return missing;
}

/** The whole index: its first part, and the others searched beside it (src/lib/search/merge-parts.ts). */
async function withParts(first: Pagefind): Promise<Searcher> {
  if (wholeParts.length === 0) return first;
  // Each part through its own copy of Pagefind's script (same file, its own URL, so its own
  // module): Pagefind's instances of one module share one wasm memory, and a second instance
  // started there made the first one's answers empty, at times.
  const parts = await Promise.all(wholeParts.map(startPagefind));
  const all: Searcher[] = [first, ...parts];
  return {
    async search(term, options) {
      const responses = await Promise.all(all.map((part) => part.search(term, options)));
      if (responses.some((r) => r === null)) return null;
      const byDate = Object.keys((options as { sort?: object } | undefined)?.sort ?? {}).length > 0;
      return mergeParts(responses as SearchResponse[], byDate);
    },
  };
}

/** The result with its data fetched once, however often it is asked for. */
function fetchedOnce(result: Result): Result {
  let data: Promise<ResultData> | undefined;
  return { id: result.id, data: () => (data ??= result.data()) };
}

/** Whether a result holds every word of the query (a filter-only search keeps them all). */
const holdsEveryWord = (q: string) => (data: ResultData) => !q || termsNotFound(q, matchedIn(data)).length === 0;

/** Whether some result of Pagefind's may lack a word of the query, and so each must be read. */
const readEach = (q: string) => queryTerms(q).some(isShortTerm);

const nothingFound = (q: string | null, notFound: string[]) => notFound.length > 0 && notFound.length === queryTerms(q ?? "").length;

const vocabularyShards = new Map<string, Promise<[string, number][]>>();

/** The indexed words of one first letter, fetched once, only when a search found nothing. */
function vocabularyShard(letter: string): Promise<[string, number][]> {
  let shard = vocabularyShards.get(letter);
  if (!shard) {
    const url = new URL(`${BUNDLE_PATH}${VOCABULARY_DIR}/${encodeURIComponent(letter)}.json`, location.origin);
    shard = fetch(url).then((r) => (r.ok ? (r.json() as Promise<[string, number][]>) : []), () => []);
    vocabularyShards.set(letter, shard);
  }
  return shard;
}

/** The query with each word found nowhere replaced by the closest indexed word, or undefined. */
async function suggestion(q: string, notFound: string[]): Promise<string | undefined> {
  const replacements = new Map<string, string>();
  for (const term of notFound) {
    const shard = await vocabularyShard(term[0]!);
    // A word of the index stays as typed, even when the query as a whole found nothing.
    if (shard.some(([word]) => fold(word) === term)) continue;
    const word = closestWord(term, shard);
    if (word) replacements.set(term, word);
  }
  if (replacements.size === 0) return undefined;
  return q.replace(/[\p{L}\p{N}]+/gu, (w) => replacements.get(fold(w)) ?? w);
}

/** Resolves once the browser has painted what the page holds now. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function renderResult(data: ResultData, q: string | null): HTMLLIElement {
  const li = document.createElement("li");
  li.className = "search-result";

  const image = data.meta.image;
  if (!image || !image.startsWith("/")) {
    // The site's pulse mark stands in for a missing cover: every title keeps the same left edge,
    // and no empty box looks like an image that failed to load.
    const frame = document.createElement("span");
    frame.className = "search-result__img search-result__img--none";
    frame.innerHTML = PLACEHOLDER;
    li.append(frame);
  } else {
    const img = document.createElement("img");
    img.className = "search-result__img";
    img.src = image;
    // The title next to it says what the article is; the thumbnail adds nothing to read aloud.
    img.alt = "";
    img.width = 80;
    img.height = 60;
    img.loading = "lazy";
    img.decoding = "async";
    li.append(img);
  }

  const body = document.createElement("div");
  body.className = "search-result__body";

  const title = document.createElement("h3");
  title.className = "search-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = displayApostrophes(data.meta.title || data.url);
  title.append(link);
  body.append(title);

  const meta = document.createElement("p");
  meta.className = "search-result__meta";
  if (data.meta.rubrique) {
    const section = document.createElement("span");
    section.className = "search-result__section";
    section.textContent = displayApostrophes(data.meta.rubrique);
    meta.append(section);
  }
  const date = data.meta.date ?? "";
  const shownDate = frenchDate(date);
  if (shownDate) {
    const time = document.createElement("time");
    time.dateTime = date;
    time.textContent = shownDate;
    meta.append(time);
  }
  if (data.meta.auteur) {
    const author = document.createElement("span");
    author.className = "search-result__author";
    author.textContent = displayApostrophes(data.meta.auteur);
    meta.append(author);
  }
  if (meta.childElementCount > 0) body.append(meta);

  const fromBody =
    data.raw_content !== undefined && data.weighted_locations && data.meta.title
      ? bodyExcerpt({ raw_content: data.raw_content, weighted_locations: data.weighted_locations }, data.meta.title)
      : undefined;
  const excerptHtml = fromBody ?? data.excerpt;
  if (excerptHtml) {
    const excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    // Pagefind escapes the page text (and so does bodyExcerpt, which reads it); the only markup
    // added is <mark> around the matched words.
    excerpt.innerHTML = displayApostrophes(excerptHtml);
    body.append(excerpt);
  }
  // Found, for a word of the query, by the glossary's other words for what it mentions rather
  // than by its text: say by which entries.
  const viaGlossary = q ? glossaryLinesFound(q, textMatched(data), glossaryMetaLines(data.meta.glossaire ?? "")) : [];
  if (viaGlossary.length > 0) {
    const glossary = document.createElement("p");
    glossary.className = "search-result__glossary";
    glossary.textContent = `${strings.glossaryMatch} ${displayApostrophes(viaGlossary.join(" ; "))}`;
    body.append(glossary);
  }

  li.append(body);
  return li;
}

interface Shown {
  state: SearchState;
  /** The words searched for: the query, less any word found nowhere when others were found. */
  q: string | null;
  results: CheckedResults<ResultData>;
  /** How many of the kept results are on screen. */
  shown: number;
  /** Whether Pagefind's count is the count: no result can lack a word of the query. */
  exact: boolean;
}

/** How many results the search has, or undefined while they are still being read one by one. */
function total(view: Shown): number | undefined {
  if (view.exact) return view.results.candidateCount;
  return view.results.complete ? view.results.kept.length : undefined;
}

export function mountSearch(root: HTMLElement): void {
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const form = $<HTMLFormElement>("form");
  const input = $<HTMLInputElement>('input[name="q"]');
  const sortSelect = $<HTMLSelectElement>("select[data-sort]");
  const filterSelects = new Map<FilterKey, HTMLSelectElement>();
  for (const key of FILTER_KEYS) {
    const select = root.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`);
    if (select) filterSelects.set(key, select);
  }
  const status = $<HTMLElement>("[data-search-status]");
  const error = $<HTMLElement>("[data-search-error]");
  const list = $<HTMLOListElement>("[data-search-results]");
  const more = $<HTMLElement>("[data-search-more]");
  const moreButton = more.querySelector("button")!;
  const shown = $<HTMLElement>("[data-search-shown]");
  const emptyHelp = $<HTMLElement>("[data-search-empty]");
  const suggest = $<HTMLElement>("[data-search-suggest]");
  const suggestLink = suggest.querySelector("a")!;
  const activeFilters = root.querySelector<HTMLElement>("[data-filters-active]");
  const siteName = root.dataset.siteName ?? "";

  let sequence = 0;
  let completed = 0;
  // A counter on the root says "a search has finished", for tests and the benchmark to wait on
  // even when the new results read the same as the old.
  const finished = () => (root.dataset.searchRuns = String(++completed));
  let current: Shown | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const rootOf = (option: HTMLOptionElement | null | undefined) =>
    option?.parentElement instanceof HTMLOptGroupElement ? option.parentElement.dataset.root : undefined;

  function readForm(): SearchState {
    const filters: SearchState["filters"] = {};
    for (const [key, select] of filterSelects) if (select.value) filters[key] = select.value;
    // Round-tripped through the URL form so the state is exactly what a shared link would give.
    return parseSearchParams(toSearchParams({ q: input.value, filters, sort: sortSelect.value === "date" ? "date" : "pertinence" }));
  }

  function applyState(state: SearchState): void {
    input.value = state.q;
    for (const [key, select] of filterSelects) {
      const value = state.filters[key] ?? "";
      // An id the page does not know (a stale shared link) falls back to "all" rather than a filter nobody can see.
      select.value = [...select.options].some((o) => o.value === value) ? value : "";
    }
    sortSelect.value = state.sort === "date" ? "date" : "";
  }

  /** Shows counts, and hides the options (and sub-section groups) that would give no result. */
  function updateFacets(counts: Record<string, Record<string, number>> | undefined): void {
    const rubrique = filterSelects.get("rubrique")?.value ?? "";
    for (const [key, select] of filterSelects) {
      const options = [...select.options].filter((o) => o.value !== "");
      const view = facetOptions(options.map((o) => o.value), counts?.[key], select.value || undefined);
      options.forEach((option, i) => {
        const v = view[i]!;
        const outsideRubrique = key === "sous-rubrique" && rubrique !== "" && rootOf(option) !== rubrique;
        const hide = v.hidden || (outsideRubrique && option.value !== select.value);
        option.hidden = hide;
        option.disabled = hide;
        option.textContent = optionLabel(option.dataset.label ?? option.value, v.count);
      });
      for (const group of select.querySelectorAll("optgroup")) {
        const children = [...group.querySelectorAll("option")];
        group.hidden = children.every((o) => o.hidden);
      }
    }
  }

  function setError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? "";
  }

  function updateMore(): void {
    if (!current || (current.shown >= current.results.kept.length && current.results.complete)) {
      more.hidden = true;
      return;
    }
    more.hidden = false;
    shown.textContent = strings.shown(current.shown, total(current));
  }

  /** Draws the first screen of results from the recent index, and returns them. */
  async function drawFromRecent(bundle: Bundle, token: number, term: string | null, options: object): Promise<Result[]> {
    const quick = await (await loadPagefind(bundle)).search(term, options);
    if (token !== sequence || !quick) return [];
    const firstScreen = quick.results.slice(0, FIRST_PAINT);
    const data = await Promise.all(firstScreen.map((r) => r.data()));
    if (token !== sequence) return [];
    // Nothing drawn for a query with a word found nowhere, or whose results must each be read:
    // the whole index answers next.
    if (readEach(term ?? "") || termsNotIndexed(term, data[0]).length > 0) return [];
    current = undefined;
    updateMore();
    list.replaceChildren(...data.map((d) => renderResult(d, term)));
    // Painted before the whole index's files start competing for the network and the main thread.
    await afterPaint();
    return firstScreen;
  }

  async function run(state: SearchState): Promise<void> {
    const token = ++sequence;
    if (activeFilters) activeFilters.textContent = strings.activeFilters(Object.keys(state.filters).length);
    document.title = strings.documentTitle(state.q, siteName);
    setError(null);
    // Reserves room for results and hides the idle hint (see the search page's styles).
    document.documentElement.toggleAttribute("data-searching", !isIdle(state));
    emptyHelp.hidden = true;
    suggest.hidden = true;
    if (isIdle(state)) {
      current = undefined;
      list.replaceChildren();
      list.removeAttribute("aria-busy");
      status.textContent = "";
      updateMore();
      updateFacets(undefined);
      finished();
      return;
    }
    list.setAttribute("aria-busy", "true");
    const term = pagefindTerm(state);
    const options = pagefindOptions(state);
    // Results already on screen: the first screen from the recent index, while the whole one loads.
    let pinned: Result[] = [];
    if (recent && !wholeLoaded) {
      // The recent index only hastens the first answer: when it fails, the whole one still answers.
      pinned = await drawFromRecent(recent, token, term, options).catch((e: unknown) => (console.error(e), []));
      if (token !== sequence) return;
    }
    let response: SearchResponse | null;
    let stage: "load" | "search" = "load";
    try {
      const pagefind = await loadPagefind(whole);
      stage = "search";
      response = await pagefind.search(term, options);
    } catch (e) {
      if (token !== sequence) return;
      console.error(e);
      list.removeAttribute("aria-busy");
      list.replaceChildren();
      current = undefined;
      updateMore();
      status.textContent = "";
      setError(stage === "search" ? strings.searchError : import.meta.env.DEV ? strings.devLoadError : strings.loadError);
      finished();
      return;
    }
    if (token !== sequence || !response) return;
    // The recent index holds the same pages as the whole one, with the same ids: what is on
    // screen stays first and in place, and the whole index's results follow.
    const pinnedIds = new Set(pinned.map((r) => r.id));
    let answered = [...pinned, ...response.results.filter((r) => !pinnedIds.has(r.id))].map(fetchedOnce);
    let filterCounts = response.filters;
    try {
      // The excerpts of the first screen are fetched alone and drawn as soon as they arrive; the
      // rest of the page follows once they are painted. Requested together, the others compete
      // with them for connections and main-thread time, and the reader waits longer. (Results
      // drawn from the recent index are on screen already; Pagefind keeps their data.)
      const firstScreen = await Promise.all(answered.slice(0, pinned.length === 0 ? FIRST_PAINT : 1).map((r) => r.data()));
      if (token !== sequence) return;
      const notFound =
        answered.length === 0 && state.q ? await termsAloneInNoArticle(await loadPagefind(whole), state) : termsNotIndexed(state.q, firstScreen[0]);
      if (token !== sequence) return;
      // The words searched for: the query, less any word found nowhere when others were found.
      let q = state.q;
      // Started now and shown with the first results, so the line never pushes them down.
      const corrected = notFound.length > 0 ? suggestion(state.q, notFound) : undefined;
      if (notFound.length > 0) {
        answered = [];
        if (!nothingFound(state.q, notFound)) {
          // Pagefind answered for the other words, at times only where a fragment of the missing
          // one also appears ("d" for "doliprane"): the other words alone say what there is.
          q = withoutTerms(state.q, notFound);
          const again = await (await loadPagefind(whole)).search(pagefindTerm({ ...state, q }), options);
          if (token !== sequence) return;
          answered = (again?.results ?? []).map(fetchedOnce);
          filterCounts = again?.filters ?? filterCounts;
        }
        if (pinned.length > 0) list.replaceChildren();
        pinned = [];
      }
      const view: Shown = {
        state,
        q,
        results: new CheckedResults(answered, holdsEveryWord(q), PAGE_SIZE, readEach(q) ? CHECK_LIMIT : Infinity),
        shown: pinned.length,
        exact: !readEach(q),
      };
      current = view;
      const first = await view.results.fill(pinned.length || FIRST_PAINT);
      // Built from the index's own words: a link, so the suggestion is a URL like any search.
      const meant = await (first.length > 0 ? corrected : (corrected ?? suggestion(state.q, queryTerms(state.q))));
      if (token !== sequence) return;
      if (meant) {
        suggestLink.href = searchHref({ ...state, q: meant });
        suggestLink.textContent = meant;
        suggest.hidden = false;
      }
      if (pinned.length === 0) list.replaceChildren(...first.map((d) => renderResult(d, q)));
      view.shown = first.length;
      emptyHelp.hidden = first.length > 0;
      list.removeAttribute("aria-busy");
      if (first.length === 0) status.textContent = notFound.length > 0 ? strings.notFound(notFound) : strings.resultCount(0, state.q);
      await afterPaint();
      if (token !== sequence) return;
      updateFacets(filterCounts);
      if (first.length > 0) {
        const page = await view.results.fill(PAGE_SIZE);
        if (token !== sequence) return;
        list.append(...page.slice(view.shown).map((d) => renderResult(d, q)));
        view.shown = page.length;
        const found = total(view) === undefined ? strings.resultCountAtLeast(page.length, q) : strings.resultCount(total(view)!, q);
        status.textContent = q === state.q ? found : `${strings.inNoArticle(notFound)} ${found}`;
      }
      updateMore();
    } catch (e) {
      if (token !== sequence) return;
      console.error(e);
      list.removeAttribute("aria-busy");
      setError(strings.searchError);
    }
    finished();
  }

  async function showMore(): Promise<void> {
    if (!current) return;
    const token = sequence;
    const kept = await current.results.fill(current.shown + PAGE_SIZE);
    if (token !== sequence || !current) return;
    const items = kept.slice(current.shown).map((d) => renderResult(d, current!.q));
    list.append(...items);
    current.shown += items.length;
    updateMore();
    // Keyboard users continue where the new results start, not back at the button.
    items[0]?.querySelector("a")?.focus();
  }

  type Commit = "push" | "typing";

  /**
   * Puts the form's state in the URL and searches. Typing creates one history entry, then
   * replaces it keystroke after keystroke; a submit, a filter or a sort creates a new entry,
   * so Back steps through searches rather than letters.
   */
  function commit(mode: Commit): void {
    const state = readForm();
    const href = searchHref(state);
    const typingEntry = Boolean((history.state as { typing?: boolean } | null)?.typing);
    if (href !== location.pathname + location.search) {
      if (mode === "typing" && typingEntry) history.replaceState({ typing: true }, "", href);
      else history.pushState({ typing: mode === "typing" }, "", href);
    } else if (mode === "push" && typingEntry) {
      history.replaceState({ typing: false }, "", href);
    }
    if (current && sameState(current.state, state) && mode === "typing") return;
    void run(state);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    input.value = normalizeQuery(input.value);
    commit("push");
  });

  input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit("typing"), TYPING_DEBOUNCE_MS);
  });

  for (const [key, select] of filterSelects) {
    select.addEventListener("change", () => {
      const rubrique = filterSelects.get("rubrique");
      const sub = filterSelects.get("sous-rubrique");
      if (key === "rubrique" && sub && select.value && rootOf(sub.selectedOptions[0]) !== select.value) sub.value = "";
      if (key === "sous-rubrique" && rubrique && select.value) rubrique.value = rootOf(select.selectedOptions[0]) ?? rubrique.value;
      commit("push");
    });
  }
  sortSelect.addEventListener("change", () => commit("push"));
  moreButton.addEventListener("click", () => void showMore());

  // Start fetching Pagefind as soon as someone reaches for the form.
  form.addEventListener("focusin", () => void loadPagefind(recent ?? whole).catch(() => {}), { once: true });

  window.addEventListener("popstate", () => {
    clearTimeout(typingTimer);
    const state = parseSearchParams(location.search);
    applyState(state);
    void run(readForm());
  });

  const initial = parseSearchParams(location.search);
  applyState(initial);
  const state = readForm();
  history.replaceState({ typing: false }, "", searchHref(state) + location.hash);
  void run(state);
}
