import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SiteShell } from "../site-shell.ts";
import { wantsJson } from "./respond.ts";
import { contentSecurityPolicy } from "./security-headers.ts";
import { page } from "./views/layout.ts";
import { messagePage, type MessageOptions, type ReaderPage } from "./views/reader-pages.ts";

export type ShowPage = (c: Context, content: ReaderPage, status?: ContentfulStatusCode) => Promise<Response>;

/**
 * Answers with a reader's page in the site's layout when the build has written it, so a reader
 * sent here by a form stays on what looks like the site; in the inbox's plain layout otherwise.
 */
export function readerPages(shell: () => SiteShell | undefined, siteUrl: string): ShowPage {
  return async (c, content, status = 200) => {
    const site = shell();
    if (site === undefined) return c.html(page(content.title, content.body), status);
    c.header(
      "Content-Security-Policy",
      contentSecurityPolicy({ formTargets: [siteUrl], styles: site.styleSources, images: site.imageSources }),
    );
    return c.html(site.render(content.title, (await content.body).toString()), status);
  };
}

/** What a refusal says: `api` in a JSON answer, `title` and `text` on a reader's page (src/i18n/inbox.fr.ts). */
export interface Refusal {
  api: string;
  title: string;
  text: string;
}

/** One answer in two shapes: JSON for the article page's script, a French page otherwise. */
export function failure(
  c: Context,
  show: ShowPage,
  status: ContentfulStatusCode,
  code: string,
  refusal: Refusal,
  options: MessageOptions,
): Response | Promise<Response> {
  if (wantsJson(c)) return c.json({ ok: false, error: code, message: refusal.api }, status);
  return show(c, messagePage(refusal.title, refusal.text, options), status);
}
