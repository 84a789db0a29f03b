// Rows of either store as the inbox's types, and a check of what comes back. The two engines give
// the same columns in two forms (SQLite: 0/1 for booleans, milliseconds in a `<name>_ms` column,
// JSON as text; PostgreSQL: booleans, timestamptz as Date, jsonb already parsed): a Columns
// reader per engine hides that, and the mapping is written once. A value the schema should never
// hold (a status no version wrote, a hand edit gone wrong) fails loudly here, naming the column,
// rather than travelling on as a type it is not.
import type {
  BlockRule,
  CommentAction,
  CommentStatus,
  ModeratorAccount,
  QueuedAlert,
  QueuedReaderMail,
  ReplySubscription,
  StoredComment,
  StoredReport,
} from "./types.ts";
import { BLOCK_KINDS, READER_MAIL_KINDS, REPORT_REASON_IDS, STATUSES } from "./types.ts";

export type Row = Record<string, unknown>;

export interface Columns {
  bool(row: Row, name: string): boolean;
  time(row: Row, name: string): Date | null;
  json(row: Row, name: string): unknown;
}

export class UnexpectedRow extends Error {}

const unexpected = (name: string, value: unknown): never => {
  throw new UnexpectedRow(`Valeur inattendue dans la base, colonne ${name} : ${JSON.stringify(value)}`);
};

export const sqliteColumns: Columns = {
  bool: (row, name) => (row[name] === 1 ? true : row[name] === 0 ? false : unexpected(name, row[name])),
  time: (row, name) => {
    const value = row[`${name}_ms`];
    return value === null || value === undefined ? null : new Date(Number(value));
  },
  json: (row, name) => JSON.parse(String(row[name])),
};

export const postgresColumns: Columns = {
  bool: (row, name) => (typeof row[name] === "boolean" ? (row[name] as boolean) : unexpected(name, row[name])),
  time: (row, name) => {
    const value = row[name];
    return value === null || value === undefined ? null : value instanceof Date ? value : unexpected(name, value);
  },
  json: (row, name) => row[name],
};

const ACTIONS: readonly CommentAction["action"][] = [...STATUSES, "edit", "unpublish"];

const text = (row: Row, name: string): string => (typeof row[name] === "string" ? (row[name] as string) : unexpected(name, row[name]));
const textOrNull = (row: Row, name: string): string | null => (row[name] === null ? null : text(row, name));
const integer = (row: Row, name: string): number => {
  // PostgreSQL's bigint comes back as a string.
  const value = Number(row[name]);
  return Number.isSafeInteger(value) ? value : unexpected(name, row[name]);
};
function oneOf<T extends string>(row: Row, name: string, allowed: readonly T[]): T {
  const value = row[name];
  return allowed.includes(value as T) ? (value as T) : unexpected(name, value);
}

/** The mappers of one engine's rows. */
export function rowReader(columns: Columns) {
  const time = (row: Row, name: string): Date => columns.time(row, name) ?? unexpected(name, null);
  return {
    comment: (row: Row): StoredComment => {
      const signals = columns.json(row, "signals");
      return {
        id: text(row, "id"),
        article: text(row, "article"),
        parent: textOrNull(row, "parent"),
        name: text(row, "name"),
        email: textOrNull(row, "email"),
        clientHash: textOrNull(row, "client_hash"),
        body: text(row, "body"),
        status: oneOf<CommentStatus>(row, "status", STATUSES),
        staff: columns.bool(row, "staff"),
        authorId: textOrNull(row, "author_id"),
        spamScore: integer(row, "spam_score"),
        signals: Array.isArray(signals) && signals.every((s) => typeof s === "string") ? signals : unexpected("signals", signals),
        created: time(row, "created"),
        removed: columns.bool(row, "removed"),
        syncNeeded: columns.bool(row, "sync_needed"),
      };
    },
    action: (row: Row): CommentAction => ({
      action: oneOf(row, "action", ACTIONS),
      actor: text(row, "actor"),
      at: time(row, "at"),
      before: textOrNull(row, "before"),
      reason: textOrNull(row, "reason"),
    }),
    subscription: (row: Row): ReplySubscription => ({
      commentId: text(row, "comment_id"),
      email: text(row, "email"),
      nonce: text(row, "nonce"),
      created: time(row, "created"),
      confirmed: columns.time(row, "confirmed"),
    }),
    moderator: (row: Row): ModeratorAccount => ({
      name: text(row, "name"),
      passwordSalt: text(row, "password_salt"),
      passwordHash: text(row, "password_hash"),
      authorId: textOrNull(row, "author_id"),
      disabled: columns.bool(row, "disabled"),
      created: time(row, "created"),
    }),
    blockRule: (row: Row): BlockRule => ({
      id: integer(row, "id"),
      kind: oneOf(row, "kind", BLOCK_KINDS),
      value: text(row, "value"),
      created: time(row, "created"),
      caught: integer(row, "caught"),
    }),
    report: (row: Row): StoredReport => ({
      id: integer(row, "id"),
      commentId: text(row, "comment_id"),
      reason: oneOf(row, "reason", REPORT_REASON_IDS),
      text: text(row, "text"),
      clientHash: textOrNull(row, "client_hash"),
      created: time(row, "created"),
    }),
    alert: (row: Row): QueuedAlert => ({
      id: integer(row, "id"),
      commentId: text(row, "comment_id"),
      attempts: integer(row, "attempts"),
      created: time(row, "created"),
    }),
    readerMail: (row: Row): QueuedReaderMail => ({
      id: integer(row, "id"),
      kind: oneOf(row, "kind", READER_MAIL_KINDS),
      commentId: text(row, "comment_id"),
      replyId: row.reply_id === "" ? null : text(row, "reply_id"),
      attempts: integer(row, "attempts"),
      created: time(row, "created"),
    }),
  };
}
