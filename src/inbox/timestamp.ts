import { createHmac, timingSafeEqual } from "node:crypto";

export type TimestampCheck = "missing" | "invalid" | "too-fast" | "stale" | "ok";

export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function mac(secret: string, stamp: string): string {
  return createHmac("sha256", secret).update(`pouls-form-time:${stamp}`).digest("base64url").slice(0, 22);
}

// When the form was shown, signed so a bot cannot claim it waited: the inbox checks the reader
// did not fill it in faster than a human could.
export function signTimestamp(secret: string, now: Date): string {
  const stamp = now.getTime().toString(36);
  return `${stamp}.${mac(secret, stamp)}`;
}

export function checkTimestamp(secret: string, value: string, now: Date): TimestampCheck {
  if (value === "") return "missing";
  const [stamp = "", signature = "", extra] = value.split(".");
  const expected = mac(secret, stamp);
  if (
    extra !== undefined ||
    !/^[0-9a-z]{1,12}$/u.test(stamp) ||
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
