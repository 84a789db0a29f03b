// The links in a reader's notification e-mails: confirm the request, or end it. Each is signed
// with the inbox's secret over its purpose, the comment, the request's random nonce and its
// expiry, so that it cannot be made up, changed to another comment, used past its time, or
// outlive its request (a request made again has another nonce).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ReplySubscription } from "./store/types.ts";

export type LinkPurpose = "confirm" | "unsubscribe";

const DAY_MS = 24 * 60 * 60_000;
// Long enough for a reader back from a weekend away; the request is useless if never confirmed.
export const CONFIRM_DAYS = 7;

export const LINK_PATHS: Readonly<Record<LinkPurpose, string>> = {
  confirm: "/api/notifications/confirm",
  unsubscribe: "/api/notifications/unsubscribe",
};

// The request itself is erased at the retention limit; its unsubscribe link lives a day longer,
// so that it never says « expired » while the request still stands.
export function linkExpiry(purpose: LinkPurpose, request: Pick<ReplySubscription, "created">, retentionDays: number): Date {
  const days = purpose === "confirm" ? CONFIRM_DAYS : retentionDays + 1;
  return new Date(request.created.getTime() + days * DAY_MS);
}

function signature(secret: string, purpose: LinkPurpose, request: Pick<ReplySubscription, "commentId" | "nonce">, expires: number): Buffer {
  return createHmac("sha256", secret).update(`pouls-notification\n${purpose}\n${request.commentId}\n${request.nonce}\n${expires}`).digest();
}

export function signedLink(
  inboxUrl: string,
  secret: string,
  purpose: LinkPurpose,
  request: Pick<ReplySubscription, "commentId" | "nonce">,
  expiry: Date,
): string {
  const expires = Math.floor(expiry.getTime() / 1000);
  const query = new URLSearchParams({ c: request.commentId, x: String(expires), s: signature(secret, purpose, request, expires).toString("base64url") });
  return `${inboxUrl}${LINK_PATHS[purpose]}?${query}`;
}

export interface LinkParams {
  comment: string;
  expires: string;
  signature: string;
}

export function linkParams(get: (name: string) => string | undefined): LinkParams {
  return { comment: get("c") ?? "", expires: get("x") ?? "", signature: get("s") ?? "" };
}

// "unknown": no such request (never made, or ended since): a link that served its purpose too.
export type LinkCheck = "ok" | "unknown" | "forged" | "expired";

export function checkLink(
  secret: string,
  purpose: LinkPurpose,
  params: LinkParams,
  request: ReplySubscription | undefined,
  now: Date,
): LinkCheck {
  if (request === undefined) return "unknown";
  if (!/^\d{1,12}$/u.test(params.expires)) return "forged";
  const expected = signature(secret, purpose, request, Number(params.expires));
  const given = Buffer.from(params.signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  if (Number(params.expires) * 1000 < now.getTime()) return "expired";
  return "ok";
}
