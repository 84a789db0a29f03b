// Whether the words of a query really are in a result. For a word it does not know, Pagefind
// falls back to the longest indexed word the query word starts with, down to a single letter:
// "doliprane" then finds every page with the "d" of "d’un". And it matches stems by prefix, so a
// short word finds longer ones: "dos" finds "dose" (one French stem), "mal" finds "maladie". Its
// results say which words of a page matched; a query word that none of them stands for is not
// in that page.

// Words too common to say anything about a page; a query made only of them is left to Pagefind.
const STOP_WORDS = new Set(
  "a au aux avec ce ces d dans de des du en et l la le les ou par pour qu que qui sa se ses son sur un une".split(" "),
);

export const fold = (s: string): string => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The words of a text, folded. */
export const wordsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The words of a query that carry meaning, folded (accents off, lower case). */
export function queryTerms(q: string): string[] {
  return [...new Set(wordsOf(q))].filter((w) => !STOP_WORDS.has(w));
}

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

// Up to this length a query word is taken as a whole word: "dos" is not "dose", "vih" not "vihara".
const SHORT_TERM = 3;

export const isShortTerm = (term: string): boolean => term.length <= SHORT_TERM;

/**
 * A page word stands for a short query word when it is that word or its plural ("mal", "maux"
 * aside). It stands for a longer one when it starts with it (Pagefind's own prefix search:
 * "vacc" finds "vaccin") or, for stemming, shares all but its last three letters and at least
 * four ("vaccins" finds "vaccination"). Pagefind's fallback words are shorter than that: "d" for
 * "doliprane", "immunitaire" for "immunoterapie".
 */
export function standsFor(term: string, word: string): boolean {
  if (isShortTerm(term)) return word === term || word === `${term}s` || word === `${term}x`;
  return commonPrefix(term, word) >= Math.max(4, term.length - 3);
}

/** The words of `rawContent` (Pagefind's page text) at the matched `locations`, folded. */
export function matchedWords(rawContent: string, locations: number[]): string[] {
  const words = rawContent.split(/[^\S\uFEFF]+/);
  return locations.flatMap((at) => wordsOf(words[at] ?? ""));
}

/** The query's terms that no matched word of a result stands for. */
export function termsNotFound(q: string, matched: string[]): string[] {
  return queryTerms(q).filter((term) => !matched.some((word) => standsFor(term, word)));
}

/**
 * The glossary lines of a result (« terme (other words) ») it was found through: those holding
 * a query term that its matched text does not. "mal d’oreille" finds the page that says
 * "otites" and "mal de gorge" by the line "otite (mal d’oreille)", and only by that one.
 */
export function glossaryLinesFound(q: string, textMatched: string[], lines: readonly string[]): string[] {
  const elsewhere = termsNotFound(q, textMatched);
  return lines.filter((line) => elsewhere.some((term) => wordsOf(line).some((word) => standsFor(term, word))));
}

/**
 * The query's terms that are in no page, read from its best result: Pagefind falls back to a
 * fragment of a longer word for every page at once, so one result tells. A short word is
 * matched by stem and must be checked page by page.
 */
export const termsInNoPage = (q: string, bestMatched: string[]): string[] =>
  termsNotFound(q, bestMatched).filter((term) => !isShortTerm(term));

/** The query without the given terms (as queryTerms folds them), spacing kept tidy. */
export function withoutTerms(q: string, terms: readonly string[]): string {
  const drop = new Set(terms);
  return q
    .replace(/[\p{L}\p{N}]+/gu, (w) => (drop.has(fold(w)) ? "" : w))
    .replace(/\s+/g, " ")
    .trim();
}
