// Old addresses that lead to new pages: content/redirections.txt, one redirect a line,
// "ancienne-adresse nouvelle-adresse", "#" for comments. Written by the WordPress import (old
// permalinks, /?p=ID, old section, tag, author and feed addresses), and by editors when they
// rename an article. The build turns it into redirect pages and dist/_redirects.

import { t } from "../i18n/fr.ts";
import { decodedOr } from "./uri.ts";

export const REDIRECTS_FILE = "redirections.txt";

export interface Redirect {
  /** A path, with a query string for WordPress's /?p=ID. */
  from: string;
  to: string;
  line: number;
}

export interface RedirectProblem {
  line: number;
  message: string;
}

/** The redirects of the file's text, and its lines that are not one. */
export function parseRedirects(text: string): { redirects: Redirect[]; problems: RedirectProblem[] } {
  const redirects: Redirect[] = [];
  const problems: RedirectProblem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/(^|\s)#.*$/, "").trim();
    if (content === "") return;
    const parts = content.split(/\s+/);
    if (parts.length !== 2 || !parts[0]!.startsWith("/") || !parts[1]!.startsWith("/")) {
      problems.push({ line, message: `« ${content} » : attendu « /ancienne-adresse/ /nouvelle-adresse/ », deux chemins commençant par /.` });
      return;
    }
    const [from, to] = parts as [string, string];
    const earlier = seen.get(from);
    if (earlier !== undefined) {
      problems.push({ line, message: `${from} est déjà redirigée ligne ${earlier} : gardez une seule ligne.` });
      return;
    }
    seen.set(from, line);
    redirects.push({ from, to, line });
  });
  return { redirects, problems };
}

/** Lines to add for the redirects not in the file yet (by old address): the file is only ever added to. */
export function redirectsToAdd(existing: string, wanted: readonly { from: string; to: string }[]): string[] {
  const known = new Set(parseRedirects(existing).redirects.map((r) => r.from));
  const lines: string[] = [];
  for (const r of wanted) {
    if (known.has(r.from)) continue;
    known.add(r.from);
    lines.push(`${r.from} ${r.to}`);
  }
  return lines;
}

/**
 * dist/_redirects, as Netlify and Cloudflare Pages read it. A /?p=ID redirect is written in
 * Netlify's query form ("/ p=ID /nouvelle/ 301"), which Cloudflare Pages ignores.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = redirects.map((r) => {
    const [path, query] = r.from.split("?", 2) as [string, string | undefined];
    if (query === undefined) return `${r.from} ${r.to} 301`;
    const params = [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).join(" ");
    return `${path} ${params} ${r.to} 301`;
  });
  return `# Écrit par le build depuis content/${REDIRECTS_FILE}.\n${lines.join("\n")}\n`;
}

/** The page that sends a browser, and a search engine, from an old address to the new one. */
export function redirectPage(to: string, origin: string): string {
  const target = `${origin}${to}`.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${t.moved.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${target}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>${t.moved.text} <a href="${target}">${target}</a>.</p>
</body>
</html>
`;
}

export interface HostRule {
  path: string;
  query: [string, string][];
  to: string;
}

/** dist/_redirects read back, for `npm start` (lines "chemin [clé=valeur…] destination statut"). */
export function parseRedirectsFile(text: string): HostRule[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const parts = line.replace(/#.*$/, "").trim().split(/\s+/).filter(Boolean);
    if (parts.length < 3) return [];
    const [path, ...rest] = parts as [string, ...string[]];
    const to = rest[rest.length - 2]!;
    const query = rest.slice(0, -2).map((pair) => pair.split("=", 2) as [string, string]);
    return [{ path, query, to }];
  });
}

const decodedPath = (path: string): string => decodedOr(path).normalize("NFC");

/** Where a request goes, if a rule takes it: the path alike once decoded, every query pair present. */
export function matchRedirect(rules: readonly HostRule[], pathname: string, search: URLSearchParams): string | undefined {
  const path = decodedPath(pathname);
  return rules.find((r) => decodedPath(r.path) === path && r.query.every(([k, v]) => search.get(k) === v))?.to;
}
