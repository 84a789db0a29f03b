import { randomInt } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export const ID_PATTERN = /^[a-z0-9]{8,32}$/u;

// Time first so ids sort by arrival and stay short; the random tail keeps two comments of the
// same millisecond apart.
export function newCommentId(now: Date = new Date()): string {
  let tail = "";
  for (let i = 0; i < 6; i += 1) tail += ALPHABET[randomInt(ALPHABET.length)];
  return now.getTime().toString(36) + tail;
}
