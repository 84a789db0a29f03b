// A result's excerpt from the article's text, never from its title. Pagefind reads an article
// from its h1 on, so when the query is in the title its excerpt starts with the title, which the
// result already shows above it. This picks the excerpt the way Pagefind does (the window of
// words where matches weigh most, see calculate_excerpt_region and build_excerpt in its
// pagefind.js) but only from the words after the title.

export interface ExcerptSource {
  /** The page text as Pagefind returns it: HTML-escaped, words separated by spaces. */
  raw_content: string;
  /** Positions (word indices) of the matched words, with Pagefind's score for each. */
  weighted_locations: { location: number; balanced_score: number }[];
}

const WORD_SEPARATORS = /[^\S\uFEFF]+/;
export const EXCERPT_WORDS = 30;

/** Start of the window of `length` words, from `from` on, holding the heaviest matches. */
function densestWindow(scores: number[], from: number, length: number): number {
  let best = -1;
  let bestAt = from;
  let sum = 0;
  for (let i = from; i < from + length; i++) sum += scores[i] ?? 0;
  for (let start = from; start + length <= Math.max(scores.length, from + length); start++) {
    if (start > from) sum += (scores[start + length - 1] ?? 0) - (scores[start - 1] ?? 0);
    if (sum > best) {
      best = sum;
      bestAt = start;
    }
  }
  return bestAt;
}

/**
 * The excerpt, with <mark> around matched words, taken after the `title`'s words; undefined when
 * the text does not start with the title (the caller then keeps Pagefind's excerpt).
 */
export function bodyExcerpt(source: ExcerptSource, title: string, length = EXCERPT_WORDS, ellipsis = "…"): string | undefined {
  const words = source.raw_content.split(WORD_SEPARATORS);
  const titleWords = title.trim().split(WORD_SEPARATORS).filter(Boolean);
  // Pagefind's raw_content escapes < and > only.
  const escape = (s: string) => s.replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (titleWords.length === 0 || titleWords.some((w, i) => words[i] !== escape(w))) return undefined;
  const bodyStart = titleWords.length;
  if (bodyStart >= words.length) return undefined;

  const scores: number[] = [];
  for (const { location, balanced_score } of source.weighted_locations)
    if (location >= bodyStart) scores[location] = (scores[location] ?? 0) + balanced_score;
  const span = Math.min(length, words.length - bodyStart);
  const start = Math.min(densestWindow(scores, bodyStart, span), words.length - span);

  const marked = words.slice(start, start + span).map((word, i) => ((scores[start + i] ?? 0) > 0 ? `<mark>${word}</mark>` : word));
  const before = start > bodyStart ? `${ellipsis} ` : "";
  const after = start + span < words.length ? ` ${ellipsis}` : "";
  return `${before}${marked.join(" ").trim()}${after}`;
}
