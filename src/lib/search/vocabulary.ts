// The words of the indexed pages, for "Vouliez-vous dire …" when a query word is in no article.
// Collected at build time as pages are indexed, written beside Pagefind's index in one file per
// first letter, and fetched by the search page only when a search found nothing.
import { fold } from "./term-match.ts";

/** Words shorter than this are left out: a suggestion for "mal" would be a guess. */
export const MIN_WORD_LENGTH = 4;
export const VOCABULARY_DIR = "mots";

export interface Vocabulary {
  add(html: string): void;
  /** Per first letter of the folded word: [shown form, count] pairs, most frequent first. */
  shards(): Map<string, [string, number][]>;
}

const SKIPPED = /<(script|style)\b[\s\S]*?<\/\1>/gi;
const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const WORD = /\p{L}+/gu;

export function textOf(html: string): string {
  return html
    .replace(SKIPPED, " ")
    .replace(TAG, " ")
    .replace(ENTITY, (m, dec, hex, name) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : (NAMED[name.toLowerCase()] ?? m),
    );
}

export function newVocabulary(): Vocabulary {
  // folded word → its forms as written, with counts
  const words = new Map<string, Map<string, number>>();
  return {
    add(html) {
      for (const [written] of textOf(html).matchAll(WORD)) {
        if (written.length < MIN_WORD_LENGTH) continue;
        const shown = written.toLowerCase();
        const key = fold(shown);
        let forms = words.get(key);
        if (!forms) words.set(key, (forms = new Map()));
        forms.set(shown, (forms.get(shown) ?? 0) + 1);
      }
    },
    shards() {
      const out = new Map<string, [string, number][]>();
      for (const [key, forms] of words) {
        let best = "";
        let total = 0;
        for (const [form, count] of forms) {
          total += count;
          if (count > (forms.get(best) ?? 0) || (count === forms.get(best) && form < best)) best = form;
        }
        const letter = key[0]!;
        let shard = out.get(letter);
        if (!shard) out.set(letter, (shard = []));
        shard.push([best, total]);
      }
      for (const shard of out.values()) shard.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
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
