// What Pagefind reads of a page: the <html> tag (for its lang) and, once a page has one, the
// data-pagefind-body element. The rest of an article page (head, header, comment form, footer,
// inline scripts) is most of its HTML, and Pagefind parsed it all: on 10,000 articles that doubled
// its reading time (24 s against 11 for the text alone). Sending only what it reads leaves the
// index the same, file for file.

import { COUNT_END, COUNT_START } from "../comments/thread-html.ts";

const BODY_ATTRIBUTE = "data-pagefind-body";
const HTML_TAG = /<html\b[^>]*>/i;
const TITLE = /<title>[\s\S]*?<\/title>/i;
const TAG_NAME = /^<([a-zA-Z][\w-]*)/;
const COUNT_REGION = new RegExp(`${COUNT_START}[\\s\\S]*?${COUNT_END}`, "g");

/** End offset of the element opened at `from` (`<name …>`), or -1 when it is never closed. */
function elementEnd(html: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  tags.lastIndex = from;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (tag[1]) {
      depth -= 1;
      if (depth === 0) return tag.index + tag[0].length;
    } else if (!tag[0].endsWith("/>")) {
      depth += 1;
    }
  }
  return -1;
}

/**
 * The page cut down to what Pagefind indexes. A page with no body element, or with several (or
 * the attribute's name in some text), is returned whole: Pagefind then decides as it always does.
 */
export function indexableHtml(html: string): string {
  const at = html.indexOf(BODY_ATTRIBUTE);
  if (at < 0 || html.indexOf(BODY_ATTRIBUTE, at + BODY_ATTRIBUTE.length) >= 0) return html;
  const start = html.lastIndexOf("<", at);
  const name = TAG_NAME.exec(html.slice(start, at))?.[1];
  const end = name ? elementEnd(html, name, start) : -1;
  if (end < 0) return html;
  const open = HTML_TAG.exec(html)?.[0] ?? "<html>";
  // The comment count at the top of an article is left out (Pagefind ignores it anyway): a new
  // comment then leaves what is indexed, and the index kept from the last build, as they were.
  const body = html.slice(start, end).replace(COUNT_REGION, "");
  return `<!doctype html>${open}<head>${TITLE.exec(html)?.[0] ?? ""}</head><body>${body}</body></html>`;
}
