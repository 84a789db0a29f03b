import { findUrls } from "./links.ts";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

// Readers type paragraphs separated by blank lines; extra blank lines and trailing spaces carry
// no meaning, so they are folded here once, for both the stored text and the rendering.
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/gu, "\n")
    .split(/\n[ \t]*\n/u)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join("\n"),
    )
    .filter((paragraph) => paragraph !== "");
}

export function normalizeParagraphs(text: string): string {
  return paragraphsOf(text).join("\n\n");
}

function linkify(line: string): string {
  let html = "";
  let position = 0;
  for (const url of findUrls(line)) {
    html += escapeHtml(line.slice(position, url.start));
    html += `<a href="${escapeHtml(url.href)}" rel="nofollow ugc noopener">${escapeHtml(url.text)}</a>`;
    position = url.end;
  }
  return html + escapeHtml(line.slice(position));
}

// Comments are plain text: everything is escaped, and only URLs become (untrusted) links.
export function plainTextToHtml(text: string): string {
  return paragraphsOf(text)
    .map((paragraph) => `<p>${paragraph.split("\n").map(linkify).join("<br>")}</p>`)
    .join("\n");
}
