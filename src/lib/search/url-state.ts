import { queryApostrophes } from "./apostrophes.ts";

// The search page's state lives in its URL (/recherche/?q=…&rubrique=…&tri=date) so a search
// can be shared, bookmarked and replayed with Back. This module is the only place that knows
// the parameter names; it runs in the browser and in unit tests alike.

/** Pagefind filter names, as written by ArticleSearchMeta; they double as URL parameters. */
export const FILTER_KEYS = ["rubrique", "sous-rubrique", "auteur", "annee"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export type SortMode = "pertinence" | "date";
/** The Pagefind sort key every indexed article carries (data-pagefind-sort). */
export const SORT_KEY = "date";

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortMode;
}

// Longer queries are pasted text, not searches; capping them keeps URLs and the index lookups sane.
export const MAX_QUERY_LENGTH = 200;

// Filter values are content ids (lowercase slugs) or a year: anything else in a URL is a typo or
// tampering, and is dropped rather than sent to Pagefind as a filter that can never match.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const YEAR = /^\d{4}$/;

const validValue = (key: FilterKey, value: string): boolean =>
  key === "annee" ? YEAR.test(value) : SLUG.test(value) && value.length <= 100;

export function normalizeQuery(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH).trim();
}

export function emptyState(): SearchState {
  return { q: "", filters: {}, sort: "pertinence" };
}

/** Reads a state from `location.search` (or any query string); unknown or invalid parts are ignored. */
export function parseSearchParams(input: URLSearchParams | string): SearchState {
  const params = typeof input === "string" ? new URLSearchParams(input) : input;
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) ?? "").trim();
    if (value && validValue(key, value)) filters[key] = value;
  }
  return {
    q: normalizeQuery(params.get("q") ?? ""),
    filters,
    sort: params.get("tri") === "date" ? "date" : "pertinence",
  };
}

/**
 * The canonical query string of a state: parameters in a fixed order, defaults left out, so two
 * equal states always give the same URL (history entries are compared by it).
 */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q);
  if (q) params.set("q", q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value && validValue(key, value)) params.set(key, value);
  }
  if (state.sort === "date") params.set("tri", "date");
  return params;
}

export function searchHref(state: SearchState, path = "/recherche/"): string {
  const qs = toSearchParams(state).toString();
  return qs ? `${path}?${qs}` : path;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return toSearchParams(a).toString() === toSearchParams(b).toString();
}

export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((k) => Boolean(state.filters[k]));
}

/** Nothing to search for: no words and no filter (a sort alone lists nothing). */
export function isIdle(state: SearchState): boolean {
  return !state.q && !hasFilters(state);
}

/** The term for `pagefind.search`: null lists everything the filters allow. */
export function pagefindTerm(state: SearchState): string | null {
  return state.q ? queryApostrophes(state.q) : null;
}

export interface PagefindSearchOptions {
  filters: Record<string, string>;
  sort?: Record<string, "asc" | "desc">;
}

/** The options object for `pagefind.search(term, options)`. */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) filters[key] = value;
  }
  return state.sort === "date" ? { filters, sort: { [SORT_KEY]: "desc" } } : { filters };
}
