// Estimated reading time of an article body, counting only the words a reader
// actually reads: code, markup, link targets and front matter are left out.

const FRONT_MATTER = /^\uFEFF?(?:---\r?\n[\s\S]*?\r?\n---|\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;
// A fence closes with the same character, at least as long as the opening one.
const CODE_FENCE = /^[ \t]{0,3}((`|~)\2{2,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\1\2*[ \t]*$|(?![\s\S]))/gm;
const MDX_ESM = /^(?:import|export)\s[^\n]*(?:\n(?!\s*\n)[^\n]*)*/gm;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
const MDX_EXPRESSION = /\{[^{}]*\}/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:[^\n]*$/gm;
const BARE_URL = /\b(?:https?:\/\/|www\.)\S+/g;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countWords(markdown: string): number {
  const prose = markdown
    .replace(FRONT_MATTER, "")
    .replace(CODE_FENCE, " ")
    .replace(MDX_ESM, " ")
    .replace(HTML_COMMENT, " ")
    .replace(TAG, " ")
    .replace(MDX_EXPRESSION, " ")
    .replace(IMAGE, " ")
    .replace(LINK, "$1")
    .replace(LINK_DEFINITION, " ")
    .replace(BARE_URL, " ");
  return prose.match(WORD)?.length ?? 0;
}

export function readingTimeMinutes(markdown: string, wordsPerMinute: number = 200): number {
  if (!(wordsPerMinute > 0)) throw new RangeError("wordsPerMinute doit être positif");
  return Math.max(1, Math.ceil(countWords(markdown) / wordsPerMinute));
}
