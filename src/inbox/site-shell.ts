// The site's own layout for the pages the inbox shows readers, read from the page the build
// writes for it (src/pages/[internal]/gabarit.astro). The inbox may run on another origin than the
// site, and its pages run no script: the shell's links are made absolute, its scripts dropped
// (the header's enhancements; the search form works without them), and its inline styles named
// by hash for the Content-Security-Policy.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { SHELL_CONTENT, SHELL_TITLE } from "../lib/comments/shell.ts";
import { escapeHtml } from "../lib/comments/text.ts";

export interface SiteShell {
  /** The whole page: `title` is text, `content` is HTML. */
  render(title: string, content: string): string;
  /** The CSP's style-src sources beyond 'self': the site's origin, the inline styles' hashes. */
  styleSources: string[];
  /** The CSP's img-src sources beyond 'self' (the site's icon). */
  imageSources: string[];
}

/** The shell from the built page's HTML, or undefined when it lacks its markers. */
export function parseShell(source: string, siteUrl: string): SiteShell | undefined {
  const site = siteUrl.replace(/\/+$/u, "");
  const html = source
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/giu, "")
    // The shell's own address means nothing on the inbox's pages.
    .replace(/<link rel="canonical"[^>]*>/u, "")
    .replace(/<meta property="og:url"[^>]*>/u, "")
    .replace(/(\s(?:href|src|action)=")\/(?!\/)/gu, `$1${site}/`);
  const parts = html.split(SHELL_CONTENT);
  if (parts.length !== 2 || !parts[0]!.includes(SHELL_TITLE)) return undefined;
  const [before, after] = parts as [string, string];
  const hashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/giu)].map(
    ([, css]) => `'sha256-${createHash("sha256").update(css ?? "").digest("base64")}'`,
  );
  const origin = new URL(site).origin;
  return {
    render: (title, content) => before.replaceAll(SHELL_TITLE, escapeHtml(title)) + content + after,
    styleSources: [origin, ...hashes],
    imageSources: [origin],
  };
}

/**
 * The shell at `file`, read again whenever the build rewrites it; undefined while there is none
 * (an inbox started before the first build), and the inbox falls back to its own plain pages.
 */
export function watchShell(file: string, siteUrl: string): () => SiteShell | undefined {
  let seen = -1;
  let shell: SiteShell | undefined;
  return () => {
    let modified: number;
    try {
      modified = statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    if (modified !== seen) {
      seen = modified;
      shell = parseShell(readFileSync(file, "utf8"), siteUrl);
    }
    return shell;
  };
}
