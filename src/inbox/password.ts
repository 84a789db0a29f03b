import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

const MIN_LENGTH = 12;
const KEY_LENGTH = 32;

// Passwords that ship in examples and tutorials, or that anyone would try first.
const KNOWN_DEFAULTS = new Set([
  "password1234",
  "motdepasse123",
  "changeme1234",
  "moderation123",
  "moderateur123",
  "administrator",
  "adminadmin123",
  "pouls-moderation",
  "correcthorsebatterystaple",
  "123456789012",
  "azertyuiopqs",
  "qwertyuiopas",
]);

export function passwordProblem(password: string): string | null {
  if (password === "") return "obligatoire ; choisissez un mot de passe d’au moins 12 caractères.";
  if ([...password].length < MIN_LENGTH) return `trop court (au moins ${MIN_LENGTH} caractères).`;
  const lowered = password.toLowerCase();
  if (KNOWN_DEFAULTS.has(lowered) || /^(.)\1*$/u.test(password) || /^(?:0?123456789)+0?$/u.test(password)) {
    return "trop facile à deviner (valeur par défaut connue) ; choisissez-en un autre.";
  }
  return null;
}

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(password.normalize("NFC"), salt, KEY_LENGTH) };
}

export function verifyPassword(candidate: string, stored: PasswordHash): boolean {
  const hash = scryptSync(candidate.normalize("NFC"), stored.salt, KEY_LENGTH);
  return timingSafeEqual(hash, stored.hash);
}

export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
