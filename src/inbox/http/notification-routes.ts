// The links of readers' notification e-mails (src/inbox/notifications.ts). Opening one shows a
// page with a button, so that a mail scanner fetching the link changes nothing; the button, and
// a mail client's one-click unsubscribe (RFC 8058), POST to the same signed URL: the signature is
// the permission, no login and no JavaScript needed.
import { Hono, type Context } from "hono";
import type { ArticleIndex } from "../manifest.ts";
import { LINK_PATHS, linkParams, type LinkPurpose } from "../notification-links.ts";
import { followLink } from "../notifications.ts";
import type { CommentStore } from "../store/types.ts";
import type { ShowPage } from "./reader-page.ts";
import { NOTIFICATION_PAGES } from "../../i18n/inbox.fr.ts";
import { messagePage, notificationLinkPage } from "./views/reader-pages.ts";

export interface NotificationRoutesDeps {
  store: CommentStore;
  articles: ArticleIndex;
  siteUrl: string;
  secret: string;
  show: ShowPage;
}

export function notificationRoutes(deps: NotificationRoutesDeps): Hono {
  const app = new Hono();
  const { siteUrl, show } = deps;

  const answer = async (c: Context, purpose: LinkPurpose, act: boolean): Promise<Response> => {
    c.header("Cache-Control", "no-store");
    const params = linkParams((name) => c.req.query(name));
    const outcome = await followLink(deps, purpose, params, act);
    const comment = outcome === "ok" || outcome === "done" ? await deps.store.get(params.comment) : undefined;
    const article = comment === undefined ? undefined : deps.articles.find(comment.article);
    if (outcome === "ok") {
      const url = new URL(c.req.url);
      return show(c, notificationLinkPage(siteUrl, purpose, article, `${url.pathname}${url.search}`));
    }
    if (outcome === "done") {
      const { title, text } = NOTIFICATION_PAGES.done[purpose];
      return show(c, messagePage(title, text, { siteUrl, ...(article ? { article } : {}) }));
    }
    const { status, title, text } = NOTIFICATION_PAGES.refused[purpose][outcome];
    return show(c, messagePage(title, text, { siteUrl }), status);
  };

  for (const purpose of ["confirm", "unsubscribe"] as const) {
    const path = LINK_PATHS[purpose].replace("/api/notifications", "");
    app.get(path, (c) => answer(c, purpose, false));
    // The body (RFC 8058's "List-Unsubscribe=One-Click", or the button's empty form) says nothing
    // the signed URL does not: it is not read.
    app.post(path, (c) => answer(c, purpose, true));
  }
  return app;
}
