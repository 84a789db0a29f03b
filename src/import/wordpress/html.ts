// A post's HTML to Markdown: Turndown (with GitHub tables) after the two shapes WordPress stores
// are made plain HTML: block-editor content loses its block comments; classic-editor content
// gets the paragraphs WordPress's wpautop draws from blank lines when it displays a post.
import TurndownService from "turndown";
import { gfm } from "@joplin/turndown-plugin-gfm";

const BLOCK_COMMENT = /<!--\s*\/?wp:[\s\S]*?-->/g;
// Tags after which a blank-line paragraph is not wrapped in <p> (wpautop's block list, shortened).
const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|td|th|pre|figure|figcaption|hr|dl|dt|dd|section|aside|address|form|iframe|video|audio)\b/i;

const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_", hr: "---" });
turndown.use(gfm);
// Scripts, styles and forms carry nothing an article keeps.
turndown.remove(["script", "style", "form", "noscript"]);

const markdownText = (text: string) => text.replace(/([\\[\]])/g, "\\$1");

// A figure with one image: the image, its caption as its title (src/markdown/figures.ts shows it
// as a figure again). A gallery's figure of figures falls through to its images.
turndown.addRule("figure", {
  filter: (node) => node.nodeName === "FIGURE" && node.querySelectorAll("img").length === 1 && !node.querySelector("figure"),
  replacement: (_content, node) => {
    const img = (node as HTMLElement).querySelector("img")!;
    const caption = (node as HTMLElement).querySelector("figcaption")?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    const title = caption ? ` "${caption.replace(/"/g, "\\\"")}"` : "";
    return `\n\n![${markdownText(img.getAttribute("alt") ?? "")}](${img.getAttribute("src") ?? ""}${title})\n\n`;
  },
});
// Players are third-party code: a video, a sound or an embed is a plain link to it.
turndown.addRule("media", {
  filter: ["video", "audio", "iframe", "embed", "object"],
  replacement: (_content, node) => {
    const element = node as HTMLElement;
    const src = element.getAttribute("src") ?? element.getAttribute("data") ?? element.querySelector("source")?.getAttribute("src") ?? "";
    return src ? `\n\n<${src}>\n\n` : "";
  },
});
turndown.addRule("embed-wrapper", {
  filter: (node) => node.nodeName === "DIV" && (node as HTMLElement).classList.contains("wp-block-embed__wrapper"),
  replacement: (_content, node) => {
    const url = node.textContent?.trim() ?? "";
    return /^https?:\/\/\S+$/.test(url) ? `\n\n<${url}>\n\n` : `\n\n${markdownText(url)}\n\n`;
  },
});

/** Classic-editor text: blank lines make paragraphs, single line breaks <br>, as WordPress shows it. */
export function autop(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "")
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

const isBlockContent = (html: string): boolean => /<!--\s*wp:/.test(html);

/** The shortcodes a post holds ("[gallery ids=…]" → "gallery"), which this part leaves as text. */
export function shortcodesIn(html: string): string[] {
  const names = [...html.matchAll(/\[(?!\/)([a-z][\w-]*)(?=[\s\]/])[^\]]*\]/gi)].map((m) => m[1]!.toLowerCase());
  return [...new Set(names)].sort();
}

export function postHtml(content: string): string {
  return isBlockContent(content) ? content.replace(BLOCK_COMMENT, "") : autop(content);
}

export function htmlToMarkdown(html: string): string {
  return turndown
    .turndown(html)
    // Line breaks around nothing (WordPress's &nbsp; spacers) leave lines of blanks.
    .replace(/^[ \t\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
