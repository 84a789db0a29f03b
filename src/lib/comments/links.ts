// One definition of "a link" serves both the inbox's link limit and the rendering, so what the
// inbox counts is exactly what readers will see linked.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+/giu;
const TRAILING = /[.,;:!?'’"”)\]]$/u;

export interface FoundUrl {
  start: number;
  end: number;
  text: string;
  href: string;
}

function trimTrailing(candidate: string): string {
  let text = candidate;
  while (TRAILING.test(text)) {
    // A closing parenthesis belongs to the URL when it balances one inside it (Wikipedia-style).
    if (text.endsWith(")") && count(text, "(") >= count(text, ")")) break;
    text = text.slice(0, -1);
  }
  return text;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function toHref(text: string): string | null {
  const href = /^www\./iu.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(href);
    return url.hostname.includes(".") ? url.href : null;
  } catch {
    return null;
  }
}

export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const urlText = trimTrailing(match[0]);
    const href = toHref(urlText);
    if (href === null) continue;
    found.push({ start: match.index, end: match.index + urlText.length, text: urlText, href });
  }
  return found;
}
