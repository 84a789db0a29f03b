import { hash } from "node:crypto";
import type { AlertWorker } from "./alerts.ts";
import { newCommentId } from "./ids.ts";
import type { ArticleIndex, ArticleInfo } from "./manifest.ts";
import { assessSpam } from "./spam.ts";
import type { BlockRule, CommentStore } from "./store/types.ts";
import { BLOCK_KIND_LABELS, blockedBy } from "./blocklist.ts";
import { checkTimestamp } from "./timestamp.ts";
import { validateComment, type CommentForm, type FieldErrors } from "./validate.ts";
import { findParent } from "./parents.ts";
import { openOn } from "../lib/comments/closing.ts";
import { FIELD_ERRORS } from "../i18n/inbox.fr.ts";
import { requestReplyNotice, type NotifyAnswer } from "./notifications.ts";
import type { OutboxLoop } from "./outbox-loop.ts";

export interface SubmitDeps {
  store: CommentStore;
  articles: ArticleIndex;
  contentDir: string;
  secret: string;
  floodLimit: number;
  // Null when moderator alerts are off.
  alerts: AlertWorker | null;
  // Moderators' block rules (blocklist.ts), as lately read from the store.
  blockRules: () => Promise<BlockRule[]>;
  // Null when the inbox sends no e-mail to readers (no SMTP_URL).
  readerMail: OutboxLoop | null;
}

// Why a valid comment was not stored and must be sent again (what readers are told: RESEND_MESSAGES in src/i18n/inbox.fr.ts).
export type ResendReason = "too-fast" | "expired" | "used";

export type SubmitOutcome =
  | { kind: "accepted"; id: string; article: ArticleInfo; notify: NotifyAnswer }
  | { kind: "invalid"; errors: FieldErrors; article: ArticleInfo }
  | { kind: "resend"; reason: ResendReason; article: ArticleInfo }
  | { kind: "duplicate"; id: string; article: ArticleInfo }
  | { kind: "unknown-article" }
  | { kind: "closed"; article: ArticleInfo }
  | { kind: "flooded"; retryAfterSeconds: number; article: ArticleInfo };

const HOUR_MS = 60 * 60 * 1000;
const DUPLICATE_WINDOW_MS = 24 * HOUR_MS;

export async function submitComment(
  deps: SubmitDeps,
  form: CommentForm,
  clientHash: string,
  now: Date = new Date(),
): Promise<SubmitOutcome> {
  const article = deps.articles.find(form.article);
  if (article === undefined) return { kind: "unknown-article" };
  if (!openOn(article.open, article.closes, now)) return { kind: "closed", article };

  const validation = validateComment(form);
  const errors: FieldErrors = validation.ok ? {} : { ...validation.errors };
  if (form.parent !== "") {
    if ((await findParent(deps.store, deps.contentDir, article.slug, form.parent)) === undefined) errors.parent = FIELD_ERRORS.parentMissing;
  }
  if (!validation.ok || errors.parent !== undefined) return { kind: "invalid", errors, article };

  const comment = validation.value;
  const timestamp = checkTimestamp(deps.secret, form.ts, now);
  // A person sees why and sends again; only a filled honeypot, which no person sees, is still
  // stored as spam without a word.
  if (form.website === "" && timestamp === "too-fast") return { kind: "resend", reason: "too-fast", article };
  if (form.website === "" && timestamp === "invalid") return { kind: "resend", reason: "expired", article };
  const assessed = assessSpam({
    honeypot: form.website,
    timestamp,
    name: comment.name,
    links: comment.links,
  });
  const blocked = blockedBy(await deps.blockRules(), { name: comment.name, body: comment.body, clientHash });
  const verdict =
    blocked.length === 0
      ? assessed
      : { ...assessed, status: "spam" as const, signals: [...assessed.signals, ...blocked.map((rule) => `Règle de blocage n° ${rule.id} (${BLOCK_KIND_LABELS[rule.kind]} : ${rule.kind === "client" ? `${rule.value.slice(0, 12)}…` : rule.value})`)] };
  const result = await deps.store.submit(
    {
      id: newCommentId(now),
      article: article.slug,
      parent: comment.parent,
      name: comment.name,
      email: comment.email,
      clientHash,
      body: comment.body,
      // A duplicate is the same text from the same client (a double click, a reload): two readers
      // who both write « Merci ! » under one article are two comments.
      bodyHash: hash("sha256", `${clientHash}\n${comment.body}`),
      status: verdict.status,
      staff: false,
      authorId: null,
      spamScore: verdict.score,
      signals: verdict.signals,
      created: now,
      // Single use within its day; a stale one is already counted against the comment.
      formToken: timestamp === "ok" ? form.ts : null,
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
  if (result.kind === "token-used") return { kind: "resend", reason: "used", article };
  if (result.kind === "duplicate") return { kind: "duplicate", id: result.id, article };
  // Counts are for moderators to judge their rules by, not part of the comment's transaction.
  if (blocked.length > 0) await deps.store.countCaught(blocked.map((rule) => rule.id));
  if (deps.alerts !== null) deps.alerts.kick();
  // In a transaction of its own, after the comment's: should it fail, the comment is kept and the
  // reader gets an error; sent again, the comment is known as a duplicate.
  const notify = form.notify
    ? await requestReplyNotice(deps, { id: result.id, email: comment.email, status: verdict.status, created: now })
    : "none";
  return { kind: "accepted", id: result.id, article, notify };
}
