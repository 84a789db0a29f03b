import { stemFrench } from "./stem.ts";
import { FRENCH_STOP_WORDS } from "./stopwords.ts";

// Order matters: code and comments go before tags and braces, whose removal would otherwise
// leave their contents behind as prose; links go before bare URLs so their text survives.
// Each pattern runs only when its trigger occurs: searching for one character is far cheaper
// than a regex pass, and most texts hold only a few kinds of markup.
const MARKUP: ReadonlyArray<readonly [trigger: string | ((text: string) => boolean), pattern: RegExp, replacement: string]> = [
  ["`", /^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, " "], // fenced code
  ["~", /^~~~[^\n]*\n[\s\S]*?^~~~[^\n]*$/gm, " "],
  [hasModuleLine, /^(?:import|export)\s[^\n]*$/gm, " "], // MDX module lines
  ["<", /<!--[\s\S]*?-->/g, " "],
  ["{", /\{\/\*[\s\S]*?\*\/\}/g, " "], // MDX comments
  ["`", /`[^`\n]*`/g, " "], // inline code
  ["]:", /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, " "], // link reference definitions
  ["[", /\[([^\]\n]*)\]\([^)\n]*\)/g, " $1 "], // links and images keep their text / alt
  ["][", /\[([^\]\n]*)\]\[[^\]\n]*\]/g, " $1 "], // reference links
  ["<", /<\/?[A-Za-z][^<>]*>/g, " "], // HTML / JSX tags and autolinks; their inner text stays
  ["{", /\{[^{}\n]*\}/g, " "], // MDX expressions
  ["://", /https?:\/\/\S+/g, " "],
  ["www.", /www\.\S+/g, " "],
  ["&", /&#?[a-zA-Z0-9]+;/g, " "], // HTML entities
];

// Searching a text for "import " costs as much as a regex pass (its first letter is everywhere
// in prose); looking only where lines start costs a few newline searches.
function hasModuleLine(text: string): boolean {
  for (let at = 0; ; ) {
    if (text.startsWith("import", at) || text.startsWith("export", at)) return true;
    const next = text.indexOf("\n", at);
    if (next < 0) return false;
    at = next + 1;
  }
}

/** Removes Markdown/MDX syntax, code and URLs, keeping the prose an editor would read. */
export function stripMarkup(source: string): string {
  let text = source;
  for (const [trigger, pattern, replacement] of MARKUP) {
    if (typeof trigger === "string" ? text.includes(trigger) : trigger(text)) text = text.replace(pattern, replacement);
  }
  return text;
}

/** Lowercase, without diacritics; œ/æ spelled out so "cœur" and "coeur" meet. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** The index term for a word, or null when it carries no topic (stop word, one letter, bare number). */
function termOf(word: string): string | null {
  const folded = foldText(word);
  if (folded.length < 2 || FRENCH_STOP_WORDS.has(folded) || /^[0-9]+$/.test(folded)) return null;
  return stemFrench(folded);
}

// Word characters mapped to their lowercase form, everything else (spaces, punctuation,
// apostrophes, hyphens) to 0, i.e. a word break: lowercasing and splitting become one table
// lookup per character. Words are ASCII letters and digits, Latin-1 letters, œ/æ, and
// combining accents, so that text typed in decomposed form (e + U+0301) stays one word.
const LOWER = new Uint16Array(0x10000);
for (const [from, to] of [
  [0x30, 0x39],
  [0x61, 0x7a],
  [0xdf, 0xf6],
  [0xf8, 0xff],
  [0x153, 0x153],
  [0x300, 0x36f],
]) {
  for (let c = from!; c <= to!; c++) LOWER[c] = c;
}
for (let c = 0x41; c <= 0x5a; c++) LOWER[c] = c + 0x20;
for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) LOWER[c] = c + 0x20;
LOWER[0x152] = 0x153;

const grown = (a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> => {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
};

/**
 * Maps texts to term ids. Words are hashed while the text is scanned and recognised by their
 * hashes, so a word costs a string, folding and stemming only the first time it is met: on a
 * corpus, that is what makes tokenising cheap. A word is known by two independent 32-bit hashes
 * plus its length; two distinct words agreeing on all three is a ~1e-9 event even with 200,000
 * distinct words, and comparing characters instead would cost about a quarter of the scan.
 */
export class TermDictionary {
  // Open addressing, one word per 4 ints: hash, check hash, length (0: free slot), term id
  // (-1: the word is no term). Everything a lookup reads sits in one cache line.
  #table = new Int32Array(4 << 12);
  #words = 0;
  #termIds = new Map<string, number>();
  #terms: string[] = [];
  #out = new Int32Array(1024);

  /** Number of distinct terms met so far; ids run from 0 to size - 1. */
  get size(): number {
    return this.#terms.length;
  }

  term(id: number): string {
    return this.#terms[id]!;
  }

  /** Term ids of a Markdown/MDX text in reading order; the view is reused by the next call. */
  scan(text: string): Int32Array {
    const s = stripMarkup(text);
    const n = s.length;
    // Locals, not fields, in the hot loop; refreshed after an insertion may have grown them.
    let table = this.#table;
    let mask = (table.length >> 2) - 1;
    let out = this.#out;
    let count = 0;
    let start = -1;
    let hash = 0;
    let check = 0;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? LOWER[s.charCodeAt(i)]! : 0;
      if (c !== 0) {
        if (start < 0) {
          start = i;
          hash = 0;
          check = 0x811c9dc5;
        }
        hash = ((hash << 5) - hash + c) | 0;
        check = Math.imul(check ^ c, 0x01000193); // FNV-1a
        continue;
      }
      if (start < 0) continue;
      const length = i - start;
      start = -1;
      // One-letter words (elided l', d', qu'…) never carry a topic: no lookup.
      if (length < 2) continue;
      // Spread the bits before masking (murmur3 finaliser): the running hash is weak in its low bits.
      let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h ^= h >>> 16;
      let at = (h & mask) << 2;
      while (table[at + 2] !== 0 && (table[at] !== h || table[at + 1] !== check || table[at + 2] !== length)) {
        at = (at + 4) & (mask << 2 | 3);
      }
      let term = table[at + 3]!;
      if (table[at + 2] === 0) {
        term = this.#insert(s.slice(i - length, i), h, check, at);
        table = this.#table;
        mask = (table.length >> 2) - 1;
      }
      if (term < 0) continue;
      if (count === out.length) out = this.#out = grown(out, count * 2);
      out[count++] = term;
    }
    return out.subarray(0, count);
  }

  /** Records a word met for the first time in the free entry at `at`; returns its term id, -1 for none. */
  #insert(raw: string, hash: number, check: number, at: number): number {
    const word = String.fromCharCode(...Array.from(raw, (ch) => LOWER[ch.charCodeAt(0)]!));
    const stem = termOf(word);
    let term = -1;
    if (stem !== null) {
      term = this.#termIds.get(stem) ?? this.#terms.length;
      if (term === this.#terms.length) {
        this.#termIds.set(stem, term);
        this.#terms.push(stem);
      }
    }
    this.#table.set([hash, check, word.length, term], at);
    // Keep the table at most half full so probe runs stay short.
    if (2 * ++this.#words > this.#table.length >> 2) this.#rehash();
    return term;
  }

  #rehash(): void {
    const old = this.#table;
    this.#table = new Int32Array(old.length * 2);
    const mask = (this.#table.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 2] === 0) continue;
      let at = (old[from]! & mask) << 2;
      while (this.#table[at + 2] !== 0) at = (at + 4) & ((mask << 2) | 3);
      this.#table.set(old.subarray(from, from + 4), at);
    }
  }
}

/** Index terms of a Markdown/MDX text, in reading order. */
export function tokenize(text: string): string[] {
  const dictionary = new TermDictionary();
  return Array.from(dictionary.scan(text), (id) => dictionary.term(id));
}
