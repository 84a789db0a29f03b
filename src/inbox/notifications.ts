// Readers' requests to hear of replies to their comment: made with the comment (the form's
// `notify` box), confirmed by the link in the first message, ended by the link in every one.
// Messages are composed and sent by reader-mail.ts; links are signed by notification-links.ts.
import { randomBytes } from "node:crypto";
import type { OutboxLoop } from "./outbox-loop.ts";
import { checkLink, type LinkCheck, type LinkParams, type LinkPurpose } from "./notification-links.ts";
import type { CommentStore } from "./store/types.ts";

// What the reader is told once the comment is in: a confirmation message is on its way, no
// message will ever come (the inbox sends no e-mail), or they did not ask.
export type NotifyAnswer = "confirm" | "off" | "none";

export interface NotifyDeps {
  store: CommentStore;
  // Null when the inbox has no SMTP: then no request is kept at all.
  readerMail: OutboxLoop | null;
}

/**
 * Records the request of a comment just stored. Only for a comment awaiting moderation: one the
 * spam checks put aside gets no message, so that the form cannot be used to mail strangers.
 */
export async function requestReplyNotice(
  deps: NotifyDeps,
  comment: { id: string; email: string; status: string; created: Date },
): Promise<NotifyAnswer> {
  if (deps.readerMail === null) return "off";
  if (comment.status !== "pending") return "confirm";
  const added = await deps.store.requestNotification({
    commentId: comment.id,
    email: comment.email,
    nonce: randomBytes(16).toString("base64url"),
    created: comment.created,
  });
  if (added) deps.readerMail.kick();
  return "confirm";
}

export type LinkOutcome = LinkCheck | "used" | "done";

export interface LinkDeps {
  store: CommentStore;
  secret: string;
}

// Checks a link and, when `act` is set (the reader pressed the button), does what it says.
// A confirmation link serves once: followed again it is refused as used.
export async function followLink(
  deps: LinkDeps,
  purpose: LinkPurpose,
  params: LinkParams,
  act: boolean,
  now: Date = new Date(),
): Promise<LinkOutcome> {
  const request = params.comment === "" ? undefined : await deps.store.getSubscription(params.comment);
  const check = checkLink(deps.secret, purpose, params, request, now);
  if (check !== "ok" || request === undefined) return check;
  if (purpose === "confirm" && request.confirmed !== null) return "used";
  if (!act) return "ok";
  const done =
    purpose === "confirm" ? await deps.store.confirmSubscription(request.commentId, now) : await deps.store.removeSubscription(request.commentId);
  return done ? "done" : "used";
}
