// The links of readers' notification e-mails (src/inbox/notifications.ts). Opening one shows a
// page with a button, so that a mail scanner fetching the link changes nothing; the button, and
// a mail client's one-click unsubscribe (RFC 8058), POST to the same signed URL: the signature is
// the permission, no login and no JavaScript needed.
import { Hono, type Context } from "hono";
import type { ArticleIndex } from "../manifest.ts";
import { LINK_PATHS, linkParams, type LinkPurpose } from "../notification-links.ts";
import { followLink, type LinkOutcome } from "../notifications.ts";
import type { CommentStore } from "../store/types.ts";
import type { ShowPage } from "./reader-page.ts";
import { messagePage, notificationLinkPage } from "./views/reader-pages.ts";

export interface NotificationRoutesDeps {
  store: CommentStore;
  articles: ArticleIndex;
  siteUrl: string;
  secret: string;
  show: ShowPage;
}

type Refusal = Exclude<LinkOutcome, "ok" | "done">;

const FORGED: [number, string, string] = [403, "Lien non valable", "Ce lien n’est pas valable : il a sans doute été coupé en le copiant. Ouvrez-le de nouveau depuis l’e-mail, en entier."];
const UNSUBSCRIBED: [number, string, string] = [410, "Déjà désabonné", "Il n’y a plus de demande à annuler : vous êtes déjà désabonné et ne recevrez plus rien."];

const REFUSALS: Readonly<Record<LinkPurpose, Record<Refusal, [number, string, string]>>> = {
  confirm: {
    forged: FORGED,
    expired: [410, "Lien expiré", "Ce lien de confirmation a expiré : la demande n’est pas confirmée et vous ne recevrez rien. Pour être prévenu d’une réponse, cochez la case en commentant de nouveau."],
    unknown: [410, "Demande introuvable", "Cette demande n’existe plus (elle a été annulée ou effacée) : vous ne recevrez rien."],
    used: [410, "Déjà confirmé", "Ce lien a déjà servi : votre demande est confirmée. Vous serez prévenu d’une réponse."],
  },
  unsubscribe: {
    forged: FORGED,
    expired: [410, "Lien expiré", "Ce lien a expiré, comme la demande à laquelle il servait : vous ne recevrez plus rien."],
    unknown: UNSUBSCRIBED,
    used: UNSUBSCRIBED,
  },
};

const DONE: Readonly<Record<LinkPurpose, [string, string]>> = {
  confirm: ["C’est confirmé", "Vous recevrez un e-mail à chaque réponse publiée à votre commentaire. Chaque message permet de se désabonner en un clic."],
  unsubscribe: ["Vous êtes désabonné", "Votre adresse est effacée de nos envois : vous ne recevrez plus rien au sujet de ce commentaire."],
};

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
      const [title, text] = DONE[purpose];
      return show(c, messagePage(title, text, { siteUrl, ...(article ? { article } : {}) }));
    }
    const [status, title, text] = REFUSALS[purpose][outcome];
    return show(c, messagePage(title, text, { siteUrl }), status as 403 | 410);
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
