// A post's "Source :" / "Sources :" paragraph (and the list under it) becomes the article's
// `sources` and leaves the body: Pouls shows sources as numbered references under the article.
import { parse, type HTMLElement } from "node-html-parser";
import { plainText } from "./text.ts";

export interface ImportedSource {
  title: string;
  publisher?: string;
  url?: string;
  doi?: string;
  kind: "study" | "report" | "press" | "guideline" | "other";
}

const HEADING = /^\s*sources?\s*:\s*/i;
// Public health bodies whose documents are recommendations or reports, not press.
const GUIDELINES = /(^|\.)has-sante\.fr$/;
const REPORTS = /(^|\.)(who\.int|santepubliquefrance\.fr|inserm\.fr|ansm\.sante\.fr|sante\.gouv\.fr|ameli\.fr|e-cancer\.fr|cdc\.gov|ecdc\.europa\.eu)$/;

function sourceOf(url: string, text: string): ImportedSource {
  let host = "";
  try {
    host = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return { title: text || url, kind: "other" };
  }
  const doi = /(?:^|\.)doi\.org$/.test(host) ? decodeURIComponent(new URL(url).pathname.slice(1)) : undefined;
  const study = doi !== undefined || /(^|\.)(pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov)$/.test(host);
  const kind = study ? "study" : GUIDELINES.test(host) ? "guideline" : REPORTS.test(host) ? "report" : "press";
  const title = text && text !== url ? text : host;
  if (doi && /^10\.\d{4,9}\/\S+$/.test(doi)) return { title, doi, kind };
  return { title, publisher: host, url, kind };
}

/** The sources of one paragraph or list item: its links, or its lines of text when it has none. */
function sourcesOf(element: HTMLElement, heading: boolean): ImportedSource[] {
  const links = element.querySelectorAll("a[href]");
  if (links.length > 0) return links.map((a) => sourceOf(a.getAttribute("href") ?? "", plainText(a.innerHTML)));
  return element.innerHTML
    .split(/<br\s*\/?>/i)
    .map((line) => plainText(line).replace(heading ? HEADING : /^/, "").trim())
    .filter((line) => line !== "")
    .map((title) => ({ title, kind: "other" as const }));
}

/** The body without its sources paragraph, and the sources it held (none when it has no such paragraph). */
export function extractSources(html: string): { html: string; sources: ImportedSource[] } {
  const root = parse(html);
  const paragraph = root.querySelectorAll("p").find((p) => HEADING.test(plainText(p.innerHTML)));
  if (!paragraph) return { html, sources: [] };
  let sources = sourcesOf(paragraph, true);
  const next = paragraph.nextElementSibling;
  if (next && (next.tagName === "UL" || next.tagName === "OL")) {
    sources = [...sources, ...next.querySelectorAll("li").flatMap((li) => sourcesOf(li, false))];
    next.remove();
  }
  paragraph.remove();
  return { html: root.toString(), sources };
}
