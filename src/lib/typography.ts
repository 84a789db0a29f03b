// French typographic spacing and quotes for prose text.
//
// Rules (Imprimerie nationale, as applied by French newsrooms on the web):
// - narrow no-break space (U+202F) before ; ! ?
// - no-break space (U+00A0) before : and inside « »
// - typographic apostrophe ’
// - straight double quotes become « … »
// Everything is done in one left-to-right scan so that every decision sees the
// text already produced, which is what makes the function idempotent.

export interface TypographyContext {
  /** Text that precedes this chunk in the same block (inline markup splits a
   *  paragraph into several text nodes; spacing and quote pairing need to know
   *  what came before). A function is called only if the chunk needs it: when it
   *  starts with a mark or pairs a straight quote, which few chunks do. */
  before?: string | (() => string);
}

export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

/** 12345 → "12 345" with the narrow no-break space French uses between thousands. */
export function frenchNumber(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

// Spaces an author may have typed (or a previous pass inserted) before punctuation.
const SPACE = /[ \t\n\u00A0\u202F\u2009]/u;
const LETTER = /\p{L}/u;
// After these, a mark such as ? belongs to the word and gets a space inserted.
const SPACED_AFTER = /[\p{L}\p{N}\p{M})\]%»”"]/u;

// A protected token is copied verbatim: rewriting `?` or `:` inside an address breaks it.
const PROTECTED = new RegExp(
  [
    String.raw`\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"«»]+`,
    String.raw`\b(?:mailto|tel):[^\s<>"«»]+`,
    String.raw`\bwww\.[^\s<>"«»]+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    // A bare domain followed by a path, e.g. "ameli.fr/assure".
    String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\/[^\s<>"«»]*`,
  ].join("|"),
  "giu",
);

// Like GFM autolinks, sentence punctuation right after an address is not part of it.
function trimTrailingPunctuation(token: string): string {
  let end = token.length;
  while (end > 0 && /[.,;:!?'’"”)]/u.test(token[end - 1] ?? "")) {
    const candidate = token.slice(0, end);
    const opens = candidate.split("(").length - 1;
    const closes = candidate.split(")").length - 1;
    if (token[end - 1] === ")" && closes <= opens) break;
    end -= 1;
  }
  return token.slice(0, end);
}

// Every protected token holds one of these; prose without them skips the address search, which
// is most of the cost of this module otherwise.
const ADDRESS_HINT = /[:@/]|www\./i;

/** Index ranges [start, end) of URL-like and e-mail tokens in `text`. */
function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!ADDRESS_HINT.test(text)) return ranges;
  for (const match of text.matchAll(PROTECTED)) {
    const token = trimTrailingPunctuation(match[0]);
    if (token.length > 0) ranges.push([match.index, match.index + token.length]);
  }
  return ranges;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

// What may follow ? or ! for a space to be inserted before it: "Quoi?!", "(vraiment?)".
// A letter or digit right after means a URL query or an identifier, not prose.
function endsSentenceMark(next: string | undefined): boolean {
  return next === undefined || isSpace(next) || /[?!;:.,…»”")\]]/u.test(next);
}

// ";" and ":" are stricter: "10:30", "1:2", "a;b" must stay glued.
function endsClauseMark(next: string | undefined): boolean {
  return next === undefined || isSpace(next) || /[»”"]/u.test(next);
}

function countOf(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

// The characters this module may rewrite or space; everything else is copied in runs.
const MARK = /[?!;:«»"']/;
const isMark = (code: number): boolean =>
  code === 0x3f || code === 0x21 || code === 0x3b || code === 0x3a || code === 0xab || code === 0xbb || code === 0x22 || code === 0x27;

/** False when frenchTypography would return `text` unchanged, whatever precedes it. */
export function hasTypographyMarks(text: string): boolean {
  return MARK.test(text);
}

export function frenchTypography(text: string, context: TypographyContext = {}): string {
  if (!MARK.test(text)) return text;
  let beforeText: string | undefined;
  const before = (): string =>
    (beforeText ??= typeof context.before === "function" ? context.before() : (context.before ?? ""));
  const ranges = protectedRanges(text);
  // The output as pieces: appending to one string and reading its last character would
  // flatten it each time, quadratic on a long paragraph.
  const out: string[] = [];
  // An odd number of straight quotes (or an unclosed «) before us means we are inside a quotation.
  // Unknown until a straight quote needs it, unless « or » settles it first.
  let quoteOpen: boolean | undefined;
  const inQuotation = (): boolean =>
    (quoteOpen ??= countOf(before(), '"') % 2 === 1 || countOf(before(), "«") > countOf(before(), "»"));

  const previous = (): string | undefined => {
    for (let k = out.length - 1; k >= 0; k--) {
      const piece = out[k]!;
      if (piece.length > 0) return piece[piece.length - 1];
    }
    return before().at(-1);
  };

  // Places `space` right before the mark about to be written: it replaces the
  // spaces already there, or is inserted when `insert` allows it. A space at the
  // very start of the chunk still counts: only the preceding node is out of reach.
  const spaceBefore = (space: string, insert: boolean): void => {
    let trimmed = false;
    while (out.length > 0) {
      const last = out[out.length - 1]!;
      let end = last.length;
      while (end > 0 && isSpace(last[end - 1])) end -= 1;
      if (end < last.length) trimmed = true;
      if (end > 0) {
        out[out.length - 1] = last.slice(0, end);
        break;
      }
      out.pop();
    }
    if (trimmed || insert) out.push(space);
  };

  // After «, the spaces the author typed (if any) become one no-break space.
  const openQuote = (from: number): number => {
    out.push(`«${NBSP}`);
    let next = from;
    while (isSpace(text[next])) next += 1;
    return next;
  };

  const closeQuote = (): void => {
    const prev = previous();
    spaceBefore(NBSP, prev !== undefined && !isSpace(prev));
    out.push("»");
  };

  let i = 0;
  let rangeIndex = 0;
  while (i < text.length) {
    const range = ranges[rangeIndex];
    if (range && i === range[0]) {
      out.push(text.slice(range[0], range[1]));
      i = range[1];
      rangeIndex += 1;
      continue;
    }
    const limit = range && range[0] > i ? range[0] : text.length;
    let stop = i;
    while (stop < limit && !isMark(text.charCodeAt(stop))) stop += 1;
    if (stop > i) {
      out.push(text.slice(i, stop));
      i = stop;
      continue;
    }
    const ch = text[i] ?? "";
    const next = text[i + 1];
    const prev = previous();
    const prevTakesSpace = prev !== undefined && SPACED_AFTER.test(prev);

    if (ch === "?" || ch === "!") {
      spaceBefore(NNBSP, prevTakesSpace && endsSentenceMark(next));
      out.push(ch);
    } else if (ch === ";") {
      spaceBefore(NNBSP, prevTakesSpace && endsClauseMark(next));
      out.push(ch);
    } else if (ch === ":") {
      spaceBefore(NBSP, prevTakesSpace && endsClauseMark(next));
      out.push(ch);
    } else if (ch === "«") {
      quoteOpen = true;
      i = openQuote(i + 1);
      continue;
    } else if (ch === "»") {
      quoteOpen = false;
      closeQuote();
    } else if (ch === '"' && !inQuotation() && prev !== undefined && /\p{N}/u.test(prev)) {
      // 15" is an inch mark, not a quotation.
      out.push(ch);
    } else if (ch === '"') {
      const afterSpaceOrStart = prev === undefined || isSpace(prev) || /[([{«—–\-/]/u.test(prev);
      const nextIsSpace = next === undefined || isSpace(next);
      let opens: boolean;
      if (afterSpaceOrStart && !nextIsSpace) opens = true;
      else if (!afterSpaceOrStart && (nextIsSpace || /[\p{P}]/u.test(next ?? ""))) opens = false;
      else opens = !inQuotation();
      quoteOpen = opens;
      if (opens) {
        i = openQuote(i + 1);
        continue;
      }
      closeQuote();
    } else if (ch === "'" && prev !== undefined && LETTER.test(prev)) {
      out.push("’");
    } else {
      out.push(ch);
    }
    i += 1;
  }
  return out.join("");
}

type Typeset<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R extends string ? string : R
    : T extends object
      ? { readonly [K in keyof T]: Typeset<T[K]> }
      : T;

/** Interface strings (and the strings their functions return) in French typography. */
export function typesetStrings<T>(strings: T): Typeset<T> {
  const typeset = (value: unknown): unknown => {
    if (typeof value === "string") return frenchTypography(value);
    if (typeof value === "function")
      return (...args: unknown[]) => {
        const out = value(...args);
        return typeof out === "string" ? frenchTypography(out) : out;
      };
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeset(v)]));
    return value;
  };
  return typeset(strings) as Typeset<T>;
}
