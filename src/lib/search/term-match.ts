// Whether the words of a query really are in the index. For a word it does not know, Pagefind
// falls back to the longest indexed word the query word starts with, down to a single letter:
// "doliprane" then finds every page with the "d" of "d’un". Its results say which words of a
// page matched; a query word that none of them stands for was not found at all.

// Words too common to say anything about a page; a query made only of them is left to Pagefind.
const STOP_WORDS = new Set(
  "a au aux avec ce ces d dans de des du en et l la le les ou par pour qu que qui sa se ses son sur un une".split(" "),
);

export const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The words of a query that carry meaning, folded (accents off, lower case). */
export function queryTerms(q: string): string[] {
  return [...new Set(fold(q).match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => !STOP_WORDS.has(w));
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * A page word stands for a query word when it starts with it (Pagefind's own prefix search: "mal"
 * finds "maladie") or, for stemming, shares all but its last three letters and at least four
 * ("vaccins" finds "vaccination"). Pagefind's fallback words are shorter than that: "d" for
 * "doliprane", "immunitaire" for "immunoterapie".
 */
export function standsFor(term: string, word: string): boolean {
  return commonPrefix(term, word) >= Math.min(term.length, Math.max(4, term.length - 3));
}

/** The words of `rawContent` (Pagefind's page text) at the matched `locations`, folded. */
export function matchedWords(rawContent: string, locations: number[]): string[] {
  const words = rawContent.split(/[^\S\uFEFF]+/);
  return locations.flatMap((at) => fold(words[at] ?? "").match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The query's terms that no matched word of a result stands for. */
export function termsNotFound(q: string, matched: string[]): string[] {
  return queryTerms(q).filter((term) => !matched.some((word) => standsFor(term, word)));
}
