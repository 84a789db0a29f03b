// Readers' reports of published comments: the form (for the "Signaler" link, which works without
// JavaScript) and what it posts. Checks and storage are in ../reports.ts.
import { Hono } from "hono";
import { clientAddress, hashClient } from "../client.ts";
import type { ArticleIndex } from "../manifest.ts";
import { submitReport } from "../reports.ts";
import { REPORT_TEXT } from "../../i18n/inbox.fr.ts";
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

  app.get("/", async (c) => {
    const comment = await deps.store.get(c.req.query("comment") ?? "");
    const article = comment && deps.articles.find(comment.article);
    if (comment?.status !== "approved" || article === undefined) return show(c, messagePage(REPORT_TEXT.unknown.title, REPORT_TEXT.unknown.text, { siteUrl }), 404);
    c.header("Cache-Control", "no-store");
    return show(c, reportPage(siteUrl, article, comment));
  });

  app.post(
    "/",
    limitBody(8 * 1024, (c) => failure(c, show, 413, "too-large", REPORT_TEXT.tooLarge, { siteUrl })),
    async (c) => {
      if (!isFormContentType(c.req.header("content-type"))) {
        return failure(c, show, 415, "unsupported-media-type", REPORT_TEXT.unsupported, { siteUrl });
      }
      let form: Map<string, string>;
      try {
        form = await readForm(c.req.raw);
      } catch (error) {
        if (!(error instanceof MalformedBody)) throw error;
        return failure(c, show, 400, "malformed", REPORT_TEXT.malformed, { siteUrl });
      }
      const fields = { comment: form.get("comment") ?? "", reason: form.get("reason") ?? "", text: form.get("text") ?? "" };
      const outcome = await submitReport(deps, fields, hashClient(deps.secret, clientAddress(c, deps.trustProxy)));
      switch (outcome.kind) {
        case "created":
          if (wantsJson(c)) return c.json({ ok: true }, 201);
          return c.redirect(`${siteUrl}${outcome.article.url}#${REPORTED_ANCHOR}`, 303);
        case "unknown-comment":
          return failure(c, show, 404, "unknown-comment", REPORT_TEXT.unknown, { siteUrl });
        case "invalid": {
          if (wantsJson(c)) return c.json({ ok: false, error: "invalid", message: outcome.error }, 422);
          return show(c, reportPage(siteUrl, outcome.article, outcome.comment, outcome.error, fields), 422);
        }
        case "flooded":
          c.header("Retry-After", String(outcome.retryAfterSeconds));
          return failure(c, show, 429, "flood", REPORT_TEXT.flooded, { siteUrl, article: outcome.article, typed: fields.text });
      }
    },
  );
  return app;
}
