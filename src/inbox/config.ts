import path from "node:path";
import { hashPassword, passwordProblem, type PasswordHash } from "./password.ts";

export class ConfigError extends Error {}

// What the CLI needs: the store and where approved comments are published.
export interface StoreConfig {
  dbPath: string;
  contentDir: string;
  manifestPath: string;
  retentionDays: number;
  gitCommit: boolean;
  rebuildCommand: string | null;
}

export interface ServerConfig extends StoreConfig {
  port: number;
  siteUrl: string;
  secret: string;
  passwordHash: PasswordHash;
  floodLimit: number;
  trustProxy: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const MIN_SECRET_LENGTH = 32;

function flag(value: string | undefined): boolean {
  return ["1", "true", "yes", "on", "oui"].includes((value ?? "").trim().toLowerCase());
}

function integer(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/u.test(raw) || Number(raw) < min) {
    throw new ConfigError(`${name} doit être un entier supérieur ou égal à ${min} (reçu : « ${raw} »).`);
  }
  return Number(raw);
}

function origin(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(url.protocol);
    return url.origin;
  } catch {
    throw new ConfigError(`SITE_URL doit être une adresse http(s) complète (reçu : « ${raw} »).`);
  }
}

export function readStoreConfig(env: Env): StoreConfig {
  // Refused rather than ignored: an operator who set it expects PostgreSQL, not a local file.
  if (env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL (PostgreSQL) n’est pas encore pris en charge ; retirez-la pour utiliser SQLite (INBOX_DB).");
  }
  const rebuild = env.INBOX_REBUILD_COMMAND?.trim();
  return {
    dbPath: path.resolve(env.INBOX_DB || "data/inbox.sqlite"),
    contentDir: path.resolve(env.POULS_CONTENT_DIR || "content"),
    manifestPath: path.resolve(env.INBOX_MANIFEST || "dist/_pouls/articles.json"),
    retentionDays: integer(env, "COMMENT_RETENTION_DAYS", 90, 0),
    gitCommit: flag(env.INBOX_GIT_COMMIT),
    rebuildCommand: rebuild ? rebuild : null,
  };
}

export function readServerConfig(env: Env): ServerConfig {
  const secret = env.INBOX_SECRET ?? "";
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `INBOX_SECRET est obligatoire (au moins ${MIN_SECRET_LENGTH} caractères), par exemple : openssl rand -hex 32`,
    );
  }
  const password = env.MODERATION_PASSWORD ?? "";
  const problem = passwordProblem(password);
  if (problem !== null) throw new ConfigError(`MODERATION_PASSWORD : ${problem}`);
  return {
    ...readStoreConfig(env),
    port: integer(env, "PORT", 4321, 0),
    siteUrl: origin(env.SITE_URL || "http://localhost:4321"),
    secret,
    passwordHash: hashPassword(password),
    floodLimit: integer(env, "INBOX_FLOOD_LIMIT", 5, 1),
    trustProxy: flag(env.TRUST_PROXY),
  };
}
