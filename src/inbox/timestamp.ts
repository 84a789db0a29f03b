import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type TimestampCheck = "missing" | "invalid" | "too-fast" | "stale" | "ok";

export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function mac(secret: string, stamp: string, nonce: string): string {
  return createHmac("sha256", secret).update(`pouls-form-time:${stamp}.${nonce}`).digest("base64url").slice(0, 22);
}

// When the form was shown, signed so a bot cannot claim it waited: the inbox checks the reader
// did not fill it in faster than a human could. The random part makes each token its own, so
// the store can let one serve a single comment.
export function signTimestamp(secret: string, now: Date): string {
  const stamp = now.getTime().toString(36);
  const nonce = randomBytes(6).toString("base64url");
  return `${stamp}.${nonce}.${mac(secret, stamp, nonce)}`;
}

export function checkTimestamp(secret: string, value: string, now: Date): TimestampCheck {
  if (value === "") return "missing";
  const [stamp = "", nonce = "", signature = "", extra] = value.split(".");
  const expected = mac(secret, stamp, nonce);
  if (
    extra !== undefined ||
    !/^[0-9a-z]{1,12}$/u.test(stamp) ||
    !/^[\w-]{8}$/u.test(nonce) ||
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    return "invalid";
  }
  const age = now.getTime() - parseInt(stamp, 36);
  if (age < MIN_FILL_MS) return "too-fast";
  if (age > MAX_AGE_MS) return "stale";
  return "ok";
}

/**
 * The token for a form sent back to be corrected: the reader's own while it is valid (the time
 * spent filling it in counts), a new one otherwise.
 */
export function carriedTimestamp(secret: string, value: string, now: Date): string {
  const check = checkTimestamp(secret, value, now);
  return check === "ok" || check === "too-fast" ? value : signTimestamp(secret, now);
}
