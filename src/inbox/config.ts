import path from "node:path";
import { hashPassword, passwordProblem, type PasswordHash } from "./password.ts";

export class ConfigError extends Error {}

// What the CLI needs: the store and where approved comments are published.
export interface StoreConfig {
  // PostgreSQL when set; otherwise the SQLite file at dbPath.
  databaseUrl: string | null;
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
  alerts: AlertConfig | null;
  notifications: NotificationConfig | null;
}

// Moderator alerts by e-mail; null (off) when neither SMTP_URL nor MODERATOR_EMAILS is set.
export interface AlertConfig {
  smtpUrl: string;
  from: string;
  to: string[];
  // Where the moderation UI is, for the link in the message.
  moderationUrl: string;
}

// Reply notifications to readers; null (off) without SMTP_URL.
export interface NotificationConfig {
  smtpUrl: string;
  from: string;
  // Where the inbox answers readers, for the confirmation and unsubscribe links.
  inboxUrl: string;
  siteUrl: string;
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

function origin(raw: string, name: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(url.protocol);
    return url.origin;
  } catch {
    throw new ConfigError(`${name} doit être une adresse http(s) complète (reçu : « ${raw} »).`);
  }
}

// The scheme of a URL setting, "" when it does not parse: callers report that without echoing
// the value, which may hold a password.
function protocolOf(value: string): string {
  return URL.canParse(value) ? new URL(value).protocol : "";
}

function databaseUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const protocol = protocolOf(value);
  if (protocol !== "postgres:" && protocol !== "postgresql:") {
    throw new ConfigError("DATABASE_URL doit être une adresse PostgreSQL : postgres://utilisateur:mot-de-passe@hôte:5432/base");
  }
  return value;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+$/u;

function smtpUrl(env: Env): string {
  const url = env.SMTP_URL?.trim() ?? "";
  if (url === "") return url;
  const protocol = protocolOf(url);
  if (protocol !== "smtp:" && protocol !== "smtps:") {
    throw new ConfigError("SMTP_URL doit commencer par smtp:// ou smtps:// (par exemple smtps://utilisateur:mot-de-passe@hôte:465).");
  }
  return url;
}

const senderOf = (env: Env, siteUrl: string): string => env.SMTP_FROM?.trim() || `Pouls <moderation@${new URL(siteUrl).hostname}>`;
const inboxUrlOf = (env: Env, siteUrl: string): string =>
  env.PUBLIC_INBOX_URL?.trim() ? origin(env.PUBLIC_INBOX_URL.trim(), "PUBLIC_INBOX_URL") : siteUrl;

function alertConfig(env: Env, siteUrl: string): AlertConfig | null {
  const smtp = smtpUrl(env);
  const to = (env.MODERATOR_EMAILS ?? "").split(/[,;\s]+/u).filter(Boolean);
  if (to.length === 0) return null;
  // Half a configuration is a mistake, not a wish to have no alerts: say so at start.
  if (smtp === "") throw new ConfigError("MODERATOR_EMAILS est défini mais pas SMTP_URL (smtp://hôte:587 ou smtps://utilisateur:mot-de-passe@hôte:465).");
  const invalid = to.find((address) => !EMAIL.test(address));
  if (invalid !== undefined) throw new ConfigError(`MODERATOR_EMAILS : adresse invalide « ${invalid} ».`);
  return { smtpUrl: smtp, from: senderOf(env, siteUrl), to, moderationUrl: `${inboxUrlOf(env, siteUrl)}/moderation/` };
}

// SMTP_URL alone is enough: readers can be told of replies on a site without moderator alerts.
function notificationConfig(env: Env, siteUrl: string): NotificationConfig | null {
  const smtp = smtpUrl(env);
  if (smtp === "") return null;
  return { smtpUrl: smtp, from: senderOf(env, siteUrl), inboxUrl: inboxUrlOf(env, siteUrl), siteUrl };
}

export function readStoreConfig(env: Env): StoreConfig {
  const rebuild = env.INBOX_REBUILD_COMMAND?.trim();
  return {
    databaseUrl: databaseUrl(env.DATABASE_URL),
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
  const siteUrl = origin(env.SITE_URL || "http://localhost:4321", "SITE_URL");
  return {
    ...readStoreConfig(env),
    port: integer(env, "PORT", 4321, 0),
    siteUrl,
    secret,
    passwordHash: hashPassword(password),
    floodLimit: integer(env, "INBOX_FLOOD_LIMIT", 5, 1),
    trustProxy: flag(env.TRUST_PROXY),
    alerts: alertConfig(env, siteUrl),
    notifications: notificationConfig(env, siteUrl),
  };
}
