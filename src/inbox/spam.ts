import { findUrls } from "../lib/comments/links.ts";
import type { TimestampCheck } from "./timestamp.ts";

export interface SpamInput {
  honeypot: string;
  timestamp: TimestampCheck;
  name: string;
  links: number;
}

export interface SpamVerdict {
  status: "pending" | "spam";
  score: number;
  signals: string[];
}

// At or above this score a comment goes to the spam folder instead of the pending queue; a
// reader without JavaScript (no timestamp) who posts one link stays below it.
export const SPAM_THRESHOLD = 3;

const TIMESTAMP_SIGNALS: Readonly<Record<TimestampCheck, [number, string] | null>> = {
  ok: null,
  missing: [1, "Envoyé sans horodatage (JavaScript désactivé ?)"],
  invalid: [3, "Horodatage invalide ou falsifié"],
  "too-fast": [3, "Formulaire rempli en moins de 3 secondes"],
  stale: [1, "Formulaire ouvert depuis plus de 24 heures"],
};

export function assessSpam(input: SpamInput): SpamVerdict {
  const signals: string[] = [];
  let score = 0;
  const add = (points: number, signal: string): void => {
    score += points;
    signals.push(signal);
  };

  if (input.honeypot !== "") {
    add(SPAM_THRESHOLD * 3, `Champ piège rempli : « ${[...input.honeypot].slice(0, 100).join("")} »`);
  }
  const timestamp = TIMESTAMP_SIGNALS[input.timestamp];
  if (timestamp !== null) add(...timestamp);
  if (input.links > 0) add(1, `Contient ${input.links} lien${input.links > 1 ? "s" : ""}`);
  if (findUrls(input.name).length > 0) add(2, "Le nom contient une adresse web");

  return { status: score >= SPAM_THRESHOLD ? "spam" : "pending", score, signals };
}
