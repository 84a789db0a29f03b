// The words of the indexed pages, for "Vouliez-vous dire …" when a query word is in no article.
// Collected at build time as pages are indexed, written beside Pagefind's index in one file per
// first letter, and fetched by the search page only when a search found nothing.
import { fold } from "./term-match.ts";

// Words shorter than 4 letters are left out (see WORD): a suggestion for "mal" would be a guess.
export const VOCABULARY_DIR = "mots";

export interface Vocabulary {
  add(html: string): void;
  /** Adds words counted by another vocabulary (its `counts()`), as if its pages were added here. */
  addCounts(counts: Iterable<readonly [string, number]>): void;
  /** Each word as written (lower case) and how often: what an index part keeps between builds. */
  counts(): [string, number][];
  /** Per first letter of the folded word: [shown form, count] pairs, most frequent first. */
  shards(): Map<string, [string, number][]>;
}

const SKIPPED = /<(script|style)\b[\s\S]*?<\/\1>/gi;
const TAG = /<[^>]*>/g;
// Letters in the built pages are written as themselves; entities stand for spaces and punctuation.
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+);/gi;
// Words of French text, of 4 letters or more. Latin letters written out rather than \p{L}: on
// 10,000 pages the Unicode class took about three times as long.
const WORD = /[a-z\u00e0-\u00f6\u00f8-\u00ff\u0153\u00e6]{4,}/gi;

export function textOf(html: string): string {
  return html.replace(SKIPPED, " ").replace(TAG, " ").replace(ENTITY, " ");
}

export function newVocabulary(): Vocabulary {
  // Counted as written (lower case); folding, the costly part, waits for the distinct words.
  const counts = new Map<string, number>();
  return {
    add(html) {
      for (const [written] of textOf(html).matchAll(WORD)) {
        const word = written.toLowerCase();
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    },
    addCounts(more) {
      for (const [word, count] of more) counts.set(word, (counts.get(word) ?? 0) + count);
    },
    counts() {
      return [...counts];
    },
    shards() {
      // folded word → the form written most often, and the count of all its forms
      const words = new Map<string, { shown: string; most: number; total: number }>();
      for (const [written, count] of counts) {
        const key = fold(written);
        const entry = words.get(key);
        if (!entry) words.set(key, { shown: written, most: count, total: count });
        else {
          entry.total += count;
          if (count > entry.most || (count === entry.most && written < entry.shown)) Object.assign(entry, { shown: written, most: count });
        }
      }
      const out = new Map<string, [string, number][]>();
      for (const [key, { shown, total }] of words) {
        const letter = key[0]!;
        let shard = out.get(letter);
        if (!shard) out.set(letter, (shard = []));
        shard.push([shown, total]);
      }
      for (const shard of out.values()) shard.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}

/** The words of some pages, counted (Vocabulary.counts()). */
export function wordCounts(contents: Iterable<string>): [string, number][] {
  const words = newVocabulary();
  for (const content of contents) words.add(content);
  return words.counts();
}

/** Optimal string alignment distance (Levenshtein with swaps of two neighbours), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The indexed word closest to `term` (folded): one edit away for words of up to 5 letters, two
 * for longer ones; the most frequent wins a tie. Undefined when none is that close.
 */
export function closestWord(term: string, shard: readonly [string, number][]): string | undefined {
  const cap = term.length <= 5 ? 1 : 2;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [word, count] of shard) {
    const distance = editDistance(term, fold(word), cap);
    if (distance === 0 || distance > cap) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word, distance, count };
  }
  return best?.word;
}
