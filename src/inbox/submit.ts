import { hash } from "node:crypto";
import type { AlertWorker } from "./alerts.ts";
import { newCommentId } from "./ids.ts";
import type { ArticleIndex, ArticleInfo } from "./manifest.ts";
import { assessSpam } from "./spam.ts";
import type { CommentStore } from "./store/types.ts";
import { checkTimestamp } from "./timestamp.ts";
import { validateComment, type CommentForm, type FieldErrors } from "./validate.ts";
import { findParent } from "./parents.ts";

export interface SubmitDeps {
  store: CommentStore;
  articles: ArticleIndex;
  contentDir: string;
  secret: string;
  floodLimit: number;
  // Null when moderator alerts are off.
  alerts: AlertWorker | null;
}

export type SubmitOutcome =
  | { kind: "accepted"; id: string; article: ArticleInfo }
  | { kind: "invalid"; errors: FieldErrors; article: ArticleInfo }
  | { kind: "unknown-article" }
  | { kind: "closed"; article: ArticleInfo }
  | { kind: "flooded"; retryAfterSeconds: number; article: ArticleInfo };

const HOUR_MS = 60 * 60 * 1000;
const DUPLICATE_WINDOW_MS = 24 * HOUR_MS;

export const PARENT_ERROR =
  "Le commentaire auquel vous répondez est introuvable ou n’est pas publié ; vous pouvez envoyer le vôtre comme un nouveau commentaire.";

export async function submitComment(
  deps: SubmitDeps,
  form: CommentForm,
  clientHash: string,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  const article = deps.articles.find(form.article);
  if (article === undefined) return { kind: "unknown-article" };
  if (!article.open) return { kind: "closed", article };

  const validation = validateComment(form);
  const errors: FieldErrors = validation.ok ? {} : { ...validation.errors };
  if (form.parent !== "") {
    if ((await findParent(deps.store, deps.contentDir, article.slug, form.parent)) === undefined) errors.parent = PARENT_ERROR;
  }
  if (!validation.ok || errors.parent !== undefined) return { kind: "invalid", errors, article };

  const comment = validation.value;
  const verdict = assessSpam({
    honeypot: form.website,
    timestamp: checkTimestamp(deps.secret, form.ts, now),
    name: comment.name,
    links: comment.links,
  });
  const result = await deps.store.submit(
    {
      id: newCommentId(now),
      article: article.slug,
      parent: comment.parent,
      name: comment.name,
      email: comment.email,
      clientHash,
      body: comment.body,
      bodyHash: hash("sha256", comment.body),
      status: verdict.status,
      staff: false,
      authorId: null,
      spamScore: verdict.score,
      signals: verdict.signals,
      created: now,
    },
    {
      floodLimit: deps.floodLimit,
      floodWindowMs: HOUR_MS,
      duplicateWindowMs: DUPLICATE_WINDOW_MS,
      // What the spam score already put aside waits in the spam list without disturbing anyone.
      queueAlert: deps.alerts !== null && verdict.status === "pending",
    },
  );
  if (result.kind === "flooded") return { kind: "flooded", retryAfterSeconds: result.retryAfterSeconds, article };
  if (result.kind === "created" && deps.alerts !== null) deps.alerts.kick();
  return { kind: "accepted", id: result.id, article };
}
