// Readers' reports of published comments: a reason from a short list and an optional word, sent
// with the "Signaler" link under each comment. Moderators see them grouped by comment.
import type { ArticleIndex, ArticleInfo } from "./manifest.ts";
import type { CommentStore, ReportReason, StoredComment } from "./store/types.ts";
import { cleanBody } from "./normalize.ts";
import { REPORT_TEXT } from "../i18n/inbox.fr.ts";

export const REPORT_TEXT_MAX = 1000;
const HOUR_MS = 60 * 60 * 1000;

export type ReportOutcome =
  | { kind: "created"; article: ArticleInfo; comment: string }
  | { kind: "unknown-comment" }
  | { kind: "invalid"; error: string; article: ArticleInfo; comment: StoredComment }
  | { kind: "flooded"; retryAfterSeconds: number; article: ArticleInfo; comment: string };

/** A report, checked and stored: only of a published comment, and `floodLimit` per client per hour. */
export async function submitReport(
  deps: { store: CommentStore; articles: ArticleIndex; floodLimit: number },
  form: { comment: string; reason: string; text: string },
  clientHash: string,
  now: Date = new Date(),
): Promise<ReportOutcome> {
  const comment = form.comment === "" ? undefined : await deps.store.get(form.comment);
  const article = comment && deps.articles.find(comment.article);
  if (comment === undefined || comment.status !== "approved" || article === undefined) return { kind: "unknown-comment" };
  if (!(form.reason in REPORT_TEXT.reasons)) return { kind: "invalid", error: REPORT_TEXT.noReason, article, comment };
  const text = cleanBody(form.text).trim();
  if ([...text].length > REPORT_TEXT_MAX) return { kind: "invalid", error: REPORT_TEXT.detailLong(REPORT_TEXT_MAX), article, comment };
  const stored = await deps.store.addReport(
    { commentId: comment.id, reason: form.reason as ReportReason, text, clientHash, created: now },
    { limit: deps.floodLimit, windowMs: HOUR_MS },
  );
  if (stored.kind === "flooded") return { kind: "flooded", retryAfterSeconds: stored.retryAfterSeconds, article, comment: comment.id };
  return { kind: "created", article, comment: comment.id };
}
