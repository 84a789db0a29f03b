// Readers' reports of published comments: the form (for the "Signaler" link, which works without
// JavaScript) and what it posts. Checks and storage are in ../reports.ts.
import { Hono } from "hono";
import { clientAddress, hashClient } from "../client.ts";
import type { ArticleIndex } from "../manifest.ts";
import { REPORT_REASONS, submitReport } from "../reports.ts";
import type { CommentStore } from "../store/types.ts";
import { isFormContentType, limitBody, MalformedBody, readForm } from "./form-body.ts";
import { failure, type ShowPage } from "./reader-page.ts";
import { wantsJson } from "./respond.ts";
import { messagePage, reportPage } from "./views/reader-pages.ts";
import { REPORTED_ANCHOR } from "../../lib/comments/fields.ts";

export interface ReportRoutesDeps {
  store: CommentStore;
  articles: ArticleIndex;
  siteUrl: string;
  secret: string;
  floodLimit: number;
  trustProxy: boolean;
  show: ShowPage;
}

export function reportRoutes(deps: ReportRoutesDeps): Hono {
  const app = new Hono();
  const { siteUrl, show } = deps;
  const unknown = { title: "Commentaire introuvable", text: "Ce commentaire n’est pas publié, ou ne l’est plus." };

  app.get("/", async (c) => {
    const comment = await deps.store.get(c.req.query("comment") ?? "");
    const article = comment && deps.articles.find(comment.article);
    if (comment?.status !== "approved" || article === undefined) return show(c, messagePage(unknown.title, unknown.text, { siteUrl }), 404);
    c.header("Cache-Control", "no-store");
    return show(c, reportPage(siteUrl, article, comment, REPORT_REASONS));
  });

  app.post(
    "/",
    limitBody(8 * 1024, (c) => failure(c, show, 413, "too-large", "Le signalement est trop long.", () => messagePage("Signalement trop long", "Raccourcissez votre précision.", { siteUrl }))),
    async (c) => {
      if (!isFormContentType(c.req.header("content-type"))) {
        return failure(c, show, 415, "unsupported-media-type", "Le formulaire doit être envoyé en application/x-www-form-urlencoded.", () =>
          messagePage("Envoi non reconnu", "Ce type d’envoi n’est pas accepté.", { siteUrl }),
        );
      }
      let form: Map<string, string>;
      try {
        form = await readForm(c.req.raw);
      } catch (error) {
        if (!(error instanceof MalformedBody)) throw error;
        return failure(c, show, 400, "malformed", "L’envoi est illisible.", () => messagePage("Envoi illisible", "Renvoyez le formulaire.", { siteUrl }));
      }
      const fields = { comment: form.get("comment") ?? "", reason: form.get("reason") ?? "", text: form.get("text") ?? "" };
      const outcome = await submitReport(deps, fields, hashClient(deps.secret, clientAddress(c, deps.trustProxy)));
      switch (outcome.kind) {
        case "created":
          if (wantsJson(c)) return c.json({ ok: true }, 201);
          return c.redirect(`${siteUrl}${outcome.article.url}#${REPORTED_ANCHOR}`, 303);
        case "unknown-comment":
          return failure(c, show, 404, "unknown-comment", unknown.text, () => messagePage(unknown.title, unknown.text, { siteUrl }));
        case "invalid": {
          if (wantsJson(c)) return c.json({ ok: false, error: "invalid", message: outcome.error }, 422);
          return show(c, reportPage(siteUrl, outcome.article, outcome.comment, REPORT_REASONS, outcome.error, fields), 422);
        }
        case "flooded":
          c.header("Retry-After", String(outcome.retryAfterSeconds));
          return failure(c, show, 429, "flood", "Trop de signalements envoyés depuis votre connexion ; réessayez plus tard.", () =>
            messagePage("Trop de signalements", "Trop de signalements envoyés depuis votre connexion en une heure ; réessayez plus tard.", { siteUrl, article: outcome.article, typed: fields.text }),
          );
      }
    },
  );
  return app;
}
