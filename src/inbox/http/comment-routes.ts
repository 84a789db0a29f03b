import { Hono } from "hono";
import { PENDING_ANCHORS } from "../../lib/comments/fields.ts";
import type { AlertWorker } from "../alerts.ts";
import type { OutboxLoop } from "../outbox-loop.ts";
import { clientAddress, hashClient } from "../client.ts";
import type { ArticleIndex } from "../manifest.ts";
import type { BlockRule, CommentStore } from "../store/types.ts";
import { findParent } from "../parents.ts";
import { submitComment } from "../submit.ts";
import { COMMENT_REFUSALS, REPLY_PAGE, RESEND_MESSAGES } from "../../i18n/inbox.fr.ts";
import { carriedTimestamp, signTimestamp } from "../timestamp.ts";
import { readCommentForm, type CommentForm } from "../validate.ts";
import { isFormContentType, limitBody, MalformedBody, readForm } from "./form-body.ts";
import { failure, type ShowPage } from "./reader-page.ts";
import { wantsJson } from "./respond.ts";
import type { FormValues } from "./views/comment-form.ts";
import { invalidPage, messagePage, replyPage } from "./views/reader-pages.ts";

export interface CommentRoutesDeps {
  store: CommentStore;
  articles: ArticleIndex;
  contentDir: string;
  siteUrl: string;
  secret: string;
  floodLimit: number;
  trustProxy: boolean;
  alerts: AlertWorker | null;
  readerMail: OutboxLoop | null;
  blockRules: () => Promise<BlockRule[]>;
  show: ShowPage;
}

export const MAX_BODY_BYTES = 16 * 1024;

function formValues(form: CommentForm): FormValues {
  return { article: form.article, parent: form.parent, name: form.name, email: form.email, body: form.body, notify: form.notify };
}

export function commentRoutes(deps: CommentRoutesDeps): Hono {
  const app = new Hono();
  const { siteUrl, show } = deps;

  // Reply links on article pages point here, so replying works without JavaScript too.
  app.get("/", async (c) => {
    const article = deps.articles.find(c.req.query("article") ?? "");
    if (article === undefined) {
      return show(c, messagePage(REPLY_PAGE.unknownArticle.title, REPLY_PAGE.unknownArticle.text, { siteUrl }), 404);
    }
    if (!article.open) {
      return show(c, messagePage(REPLY_PAGE.closed.title, REPLY_PAGE.closed.text, { siteUrl, article }), 409);
    }
    const parentId = c.req.query("parent") ?? "";
    const parent = parentId === "" ? undefined : await findParent(deps.store, deps.contentDir, article.slug, parentId);
    if (parentId !== "" && parent === undefined) {
      return show(c, messagePage(REPLY_PAGE.unknownParent.title, REPLY_PAGE.unknownParent.text, { siteUrl, article }), 404);
    }
    const values = { article: article.slug, parent: parentId, name: "", email: "", body: "", notify: false };
    c.header("Cache-Control", "no-store");
    return show(c, replyPage(siteUrl, article, parent, values, signTimestamp(deps.secret, new Date())));
  });

  // The article page's script asks for this when the reader starts filling in the form.
  app.get("/token", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ ts: signTimestamp(deps.secret, new Date()) });
  });

  app.post(
    "/",
    limitBody(MAX_BODY_BYTES, (c) => failure(c, show, 413, "too-large", COMMENT_REFUSALS.tooLarge, { siteUrl })),
    async (c) => {
      if (!isFormContentType(c.req.header("content-type"))) {
        return failure(c, show, 415, "unsupported-media-type", COMMENT_REFUSALS.unsupported, { siteUrl });
      }
      let form: CommentForm;
      try {
        form = readCommentForm(await readForm(c.req.raw));
      } catch (error) {
        if (!(error instanceof MalformedBody)) throw error;
        return failure(c, show, 400, "malformed", COMMENT_REFUSALS.malformed, { siteUrl });
      }

      const clientHash = hashClient(deps.secret, clientAddress(c, deps.trustProxy));
      const outcome = await submitComment(deps, form, clientHash);
      const typed = { siteUrl, typed: form.body };
      switch (outcome.kind) {
        case "accepted":
          if (wantsJson(c)) return c.json({ ok: true, id: outcome.id, status: "pending", notify: outcome.notify }, 201);
          return c.redirect(`${siteUrl}${outcome.article.url}#${PENDING_ANCHORS[outcome.notify]}`, 303);
        case "invalid":
          if (wantsJson(c)) return c.json({ ok: false, errors: outcome.errors }, 422);
          return show(
            c,
            // The time the form was first shown still counts: a reader who corrects one field and
            // sends again at once is not taken for a robot.
            invalidPage(siteUrl, outcome.article, formValues(form), outcome.errors, carriedTimestamp(deps.secret, form.ts, new Date())),
            422,
          );
        case "resend": {
          const message = RESEND_MESSAGES[outcome.reason];
          const ts = signTimestamp(deps.secret, new Date());
          if (wantsJson(c)) return c.json({ ok: false, error: "resend", message, ts }, 422);
          return show(c, invalidPage(siteUrl, outcome.article, formValues(form), {}, ts, `${message} ${COMMENT_REFUSALS.textKept}`), 422);
        }
        case "duplicate":
          // The id of the comment already received, so a client that sent again after a lost
          // answer knows it for the same one.
          if (wantsJson(c)) return c.json({ ok: false, error: "duplicate", message: COMMENT_REFUSALS.duplicate.text, id: outcome.id }, 409);
          return show(c, messagePage(COMMENT_REFUSALS.duplicate.title, COMMENT_REFUSALS.duplicate.text, { siteUrl, article: outcome.article }), 409);
        case "unknown-article":
          return failure(c, show, 404, "unknown-article", COMMENT_REFUSALS.unknownArticle, typed);
        case "closed":
          return failure(c, show, 409, "closed", COMMENT_REFUSALS.closed, { ...typed, article: outcome.article });
        case "flooded": {
          c.header("Retry-After", String(outcome.retryAfterSeconds));
          const message = COMMENT_REFUSALS.flooded(Math.ceil(outcome.retryAfterSeconds / 60));
          if (wantsJson(c)) return c.json({ ok: false, error: "flood", message }, 429);
          return show(
            c,
            invalidPage(siteUrl, outcome.article, formValues(form), {}, signTimestamp(deps.secret, new Date()), `${message} ${COMMENT_REFUSALS.textKept}`),
            429,
          );
        }
      }
    },
  );

  return app;
}
