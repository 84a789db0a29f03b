import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type {
  StoredReport,
  BlockKind,
  CommentAction,
  CommentStatus,
  CommentStore,
  NewComment,
  QueuedAlert,
  QueuedReaderMail,
  StoredComment,
  SubmitResult,
  SubmitRules,
} from "./types.ts";
import { RecentSubmissions, type RecentRow } from "./recent-submissions.ts";
import { rowReader, sqliteColumns } from "./rows.ts";

// Each entry moves the schema one version up; applied in order, never edited once shipped.
// Version 2 counts a client's recent comments for the flood limit instead of keeping a table of
// submissions beside them: each row of that table was a comment with the same client hash and
// time, so nothing is lost, and each comment costs two B-tree writes fewer.
// Version 3 drops the two indexes the flood limit and the duplicate check read: they are answered
// from memory now (recent-submissions.ts), and their random keys made every commit write a page
// of each per comment.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     article TEXT NOT NULL,
     parent TEXT,
     name TEXT NOT NULL,
     email TEXT,
     client_hash TEXT,
     body TEXT NOT NULL,
     body_hash TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
     staff INTEGER NOT NULL DEFAULT 0,
     author_id TEXT,
     spam_score INTEGER NOT NULL DEFAULT 0,
     signals TEXT NOT NULL DEFAULT '[]',
     created_ms INTEGER NOT NULL,
     sync_needed INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX comments_by_status ON comments (status, created_ms);
   CREATE INDEX comments_by_body ON comments (article, body_hash, created_ms);
   CREATE INDEX comments_by_email ON comments (lower(email));
   CREATE INDEX comments_to_sync ON comments (sync_needed) WHERE sync_needed = 1;
   CREATE TABLE submissions (client_hash TEXT NOT NULL, at_ms INTEGER NOT NULL);
   CREATE INDEX submissions_by_client ON submissions (client_hash, at_ms);`,
  `CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     comment_id TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     next_ms INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX alerts_due ON alerts (next_ms);
   CREATE INDEX comments_by_client ON comments (client_hash, created_ms) WHERE client_hash IS NOT NULL;
   DROP TABLE submissions;`,
  `DROP INDEX comments_by_body;
   DROP INDEX comments_by_client;`,
  // The signed form times that served a comment: each serves one only.
  `CREATE TABLE form_tokens (token TEXT PRIMARY KEY, used_ms INTEGER NOT NULL) WITHOUT ROWID;`,
  // What moderators did to a comment besides its status (an edit, a take-down), and whether a
  // comment taken down keeps its place on the site for its replies.
  `CREATE TABLE comment_actions (
     id INTEGER PRIMARY KEY,
     comment_id TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('pending', 'approved', 'rejected', 'spam', 'edit', 'unpublish')),
     actor TEXT NOT NULL,
     at_ms INTEGER NOT NULL,
     before TEXT,
     reason TEXT
   );
   CREATE INDEX comment_actions_by_comment ON comment_actions (comment_id, id);
   ALTER TABLE comments ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;`,
  // Moderators' block rules (src/inbox/blocklist.ts), with what each caught.
  `CREATE TABLE block_rules (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('mot', 'domaine', 'client')),
     value TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     caught INTEGER NOT NULL DEFAULT 0,
     UNIQUE (kind, value)
   );`,
  // Named moderator accounts: a salted scrypt hash of the password, never the password.
  `CREATE TABLE moderators (
     name TEXT PRIMARY KEY,
     password_salt TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     author_id TEXT,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_ms INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // Readers' reports of published comments (src/inbox/reports.ts).
  `CREATE TABLE reports (
     id INTEGER PRIMARY KEY,
     comment_id TEXT NOT NULL,
     reason TEXT NOT NULL CHECK (reason IN ('danger', 'donnees', 'insulte', 'spam', 'autre')),
     text TEXT NOT NULL DEFAULT '',
     client_hash TEXT,
     created_ms INTEGER NOT NULL
   );
   CREATE INDEX reports_by_client ON reports (client_hash, created_ms);`,
  // Readers' reply notification requests and the messages sent to them (src/inbox/notifications.ts).
  `CREATE TABLE reply_subscriptions (
     comment_id TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     nonce TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     confirmed_ms INTEGER
   ) WITHOUT ROWID;
   CREATE INDEX reply_subscriptions_by_email ON reply_subscriptions (lower(email));
   CREATE TABLE reader_mail (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('confirm', 'reply')),
     comment_id TEXT NOT NULL,
     reply_id TEXT NOT NULL DEFAULT '',
     created_ms INTEGER NOT NULL,
     next_ms INTEGER NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     done_ms INTEGER,
     UNIQUE (kind, comment_id, reply_id)
   );
   CREATE INDEX reader_mail_due ON reader_mail (next_ms) WHERE done_ms IS NULL;`,
];

type Row = Record<string, string | number | null>;
const read = rowReader(sqliteColumns);

function migrate(db: DatabaseSync, transaction: Transaction): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const row = db.prepare("SELECT max(version) AS version FROM schema_version").get() as Row;
  const current = Number(row.version ?? 0);
  for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
    transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string);
      db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(version);
    });
  }
}

// IMMEDIATE takes the write lock up front, so a check-then-insert (flood limit, duplicates)
// cannot interleave with the CLI or another inbox process on the same file. Prepared once: a
// submission's transaction is short enough for compiling BEGIN and COMMIT to show.
type Transaction = <T>(work: () => T) => T;

function transactions(db: DatabaseSync): Transaction {
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const rollback = db.prepare("ROLLBACK");
  return (work) => {
    begin.run();
    try {
      const result = work();
      commit.run();
      return result;
    } catch (error) {
      rollback.run();
      throw error;
    }
  };
}

export function openSqliteStore(file: string): CommentStore {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL");
  // FULL: a comment acknowledged to a reader survives a power cut, not only a crash.
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA busy_timeout = 5000");
  const transaction = transactions(db);
  migrate(db, transaction);

  const insert = db.prepare(
    `INSERT INTO comments (id, article, parent, name, email, client_hash, body, body_hash, status,
       staff, author_id, spam_score, signals, created_ms, sync_needed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertComment = (comment: NewComment): void => {
    insert.run(
      comment.id,
      comment.article,
      comment.parent,
      comment.name,
      comment.email,
      comment.clientHash,
      comment.body,
      comment.bodyHash,
      comment.status,
      comment.staff ? 1 : 0,
      comment.authorId,
      comment.spamScore,
      JSON.stringify(comment.signals),
      comment.created.getTime(),
      comment.status === "approved" ? 1 : 0,
    );
  };
  const getRow = db.prepare("SELECT * FROM comments WHERE id = ?");
  const get = (id: string): StoredComment | undefined => {
    const row = getRow.get(id) as Row | undefined;
    return row ? read.comment(row) : undefined;
  };
  const updateStatus = db.prepare(
    "UPDATE comments SET status = :status, removed = 0, sync_needed = 1 WHERE id = :id",
  );
  const queueAlert = db.prepare("INSERT INTO alerts (comment_id, created_ms, next_ms) VALUES (?, ?, ?)");
  // The message announcing an approved reply to a confirmed request on its parent; not to the
  // reader who replied to their own comment.
  const queueReplyMail = db.prepare(
    `INSERT OR IGNORE INTO reader_mail (kind, comment_id, reply_id, created_ms, next_ms)
     SELECT 'reply', s.comment_id, r.id, :now, :now
     FROM comments r JOIN reply_subscriptions s ON s.comment_id = r.parent
     WHERE r.id = :id AND r.status = 'approved' AND s.confirmed_ms IS NOT NULL
       AND (r.email IS NULL OR lower(r.email) <> lower(s.email))`,
  );
  const announce = (id: string): void => {
    const now = Date.now();
    queueReplyMail.run({ id, now });
  };
  const dropUnsent = db.prepare("DELETE FROM reader_mail WHERE comment_id = ? AND done_ms IS NULL");
  const claimToken = db.prepare("INSERT INTO form_tokens (token, used_ms) VALUES (?, ?) ON CONFLICT DO NOTHING");
  // The comments the checks look at, read from the table in the order rows were added: from where
  // the last check left off (rows of another process on the same file included), and further back
  // in time when a check reaches before what memory holds.
  const recent = new RecentSubmissions();
  const RECENT_COLUMNS = "rowid, id, article, body_hash, client_hash, created_ms";
  const rowsAfter = db.prepare(`SELECT ${RECENT_COLUMNS} FROM comments WHERE rowid > ? ORDER BY rowid`);
  const rowsMadeBetween = db.prepare(
    `SELECT ${RECENT_COLUMNS} FROM comments WHERE created_ms >= ? AND created_ms < ? AND rowid <= ?`,
  );
  const existing = db.prepare("SELECT id, client_hash FROM comments WHERE id = ?");
  const lastRowid = db.prepare("SELECT coalesce(max(rowid), 0) AS n FROM comments");
  let seenRowid = Number((lastRowid.get() as Row).n);
  // Memory holds every comment made at or after this (of the rows up to seenRowid).
  let heldFromMs = Number.MAX_SAFE_INTEGER;
  let prunedAtMs = Date.now();
  const remember = (row: Row): RecentRow => ({
    id: String(row.id),
    article: String(row.article),
    bodyHash: String(row.body_hash),
    clientHash: row.client_hash === null ? null : String(row.client_hash),
    createdMs: Number(row.created_ms),
  });
  // Rows read during a submission transaction that may still roll back: they would go with it.
  let uncommitted: { fromRowid: number; heldFromMs: number; ids: string[] } | undefined;
  const hold = (row: Row): void => {
    const held = remember(row);
    recent.add(held);
    if (uncommitted !== undefined && Number(row.rowid) > uncommitted.fromRowid) uncommitted.ids.push(held.id);
  };
  const catchUp = (sinceMs: number): void => {
    for (const row of rowsAfter.all(seenRowid) as Row[]) {
      hold(row);
      seenRowid = Number(row.rowid);
    }
    if (sinceMs < heldFromMs) {
      for (const row of rowsMadeBetween.all(sinceMs, heldFromMs, seenRowid) as Row[]) hold(row);
      heldFromMs = sinceMs;
    }
  };
  // What the checks last reached back to; what is older goes, once a minute, after a commit.
  let reachedBackTo = Number.MAX_SAFE_INTEGER;
  const prune = (): void => {
    if (Date.now() - prunedAtMs < 60_000 || reachedBackTo === Number.MAX_SAFE_INTEGER) return;
    recent.prune(reachedBackTo);
    heldFromMs = Math.max(heldFromMs, reachedBackTo);
    prunedAtMs = Date.now();
  };
  const submission: Transaction = (work) => {
    uncommitted = { fromRowid: seenRowid, heldFromMs, ids: [] };
    try {
      const result = transaction(work);
      prune();
      return result;
    } catch (error) {
      for (const id of uncommitted.ids) recent.forget(id);
      seenRowid = uncommitted.fromRowid;
      heldFromMs = uncommitted.heldFromMs;
      throw error;
    } finally {
      uncommitted = undefined;
    }
  };
  // A comment memory holds may have gone since (erased by the CLI): its row now, forgotten if none.
  const recheck = (id: string): Row | undefined => {
    const row = existing.get(id) as Row | undefined;
    if (row === undefined) recent.forget(id);
    return row;
  };

  // Runs inside a transaction: the checks see every submission committed or made before it.
  const submitOne = (comment: NewComment, rules: SubmitRules): SubmitResult => {
    const now = comment.created.getTime();
    const duplicateSince = now - rules.duplicateWindowMs;
    const floodSince = now - rules.floodWindowMs;
    reachedBackTo = Math.min(duplicateSince, floodSince);
    catchUp(reachedBackTo);
    let duplicate = recent.duplicateOf(comment.article, comment.bodyHash, duplicateSince);
    while (duplicate !== undefined && recheck(duplicate) === undefined) {
      duplicate = recent.duplicateOf(comment.article, comment.bodyHash, duplicateSince);
    }
    if (duplicate !== undefined) return { kind: "duplicate", id: duplicate };
    if (comment.clientHash !== null) {
      let flood = recent.floodOf(comment.clientHash, floodSince);
      if (flood.recent >= rules.floodLimit) {
        // Confirmed against the table before a reader is turned away; rare, so cheap.
        for (const id of recent.idsOf(comment.clientHash, floodSince)) {
          const row = recheck(id);
          if (row !== undefined && row.client_hash !== comment.clientHash) recent.forgetClient(id);
        }
        flood = recent.floodOf(comment.clientHash, floodSince);
      }
      if (flood.recent >= rules.floodLimit && flood.firstMs !== undefined) {
        const freeAt = flood.firstMs + rules.floodWindowMs;
        return { kind: "flooded", retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
      }
    }
    if (comment.formToken && claimToken.run(comment.formToken, now).changes === 0) return { kind: "token-used" };
    insertComment(comment);
    if (rules.queueAlert) queueAlert.run(comment.id, now, now);
    return { kind: "created", id: comment.id };
  };

  // Group commit. node:sqlite blocks the event loop for each commit's fsync (synchronous=FULL),
  // so under a burst one commit per comment would cap the inbox at one comment per fsync.
  // Submissions that arrive within one turn of the event loop are committed together, in one
  // transaction, and each is answered only after that commit: still nothing acknowledged
  // before it is on disk, for a fraction of the fsyncs. Applied in arrival order, each check
  // sees the ones before it, as separate transactions would.
  interface Waiting {
    comment: NewComment;
    rules: SubmitRules;
    resolve: (result: SubmitResult) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  const commitWaiting = (): void => {
    const batch = waiting;
    waiting = [];
    const results: SubmitResult[] = [];
    let submissionFailed = false;
    try {
      submission(() => {
        for (const item of batch) {
          try {
            results.push(submitOne(item.comment, item.rules));
          } catch (error) {
            submissionFailed = true;
            throw error;
          }
        }
      });
    } catch (error) {
      // The store itself failed (locked past busy_timeout, disk full): all fail alike.
      if (!submissionFailed || batch.length === 1) {
        for (const item of batch) item.reject(error);
        return;
      }
      // One bad submission must not sink the others: each alone, in its own transaction.
      for (const item of batch) {
        try {
          item.resolve(submission(() => submitOne(item.comment, item.rules)));
        } catch (itemError) {
          item.reject(itemError);
        }
      }
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i] as SubmitResult));
  };

  const placeholders = (ids: number[]): string => ids.map(() => "?").join(", ");
  // Up to `limit` messages of an outbox due at `now`, hidden from other claims until `leaseUntil`
  // (reader mail once sent stays, marked done, so that it is never sent twice).
  const claimDue = (outbox: "alerts" | "reader_mail", now: Date, leaseUntil: Date, limit: number): Row[] =>
    transaction(() => {
      const pending = outbox === "reader_mail" ? "AND done_ms IS NULL" : "";
      const rows = db.prepare(`SELECT * FROM ${outbox} WHERE next_ms <= ? ${pending} ORDER BY id LIMIT ?`).all(now.getTime(), limit) as Row[];
      const ids = rows.map((row) => Number(row.id));
      if (ids.length > 0) db.prepare(`UPDATE ${outbox} SET next_ms = ? WHERE id IN (${placeholders(ids)})`).run(leaseUntil.getTime(), ...ids);
      return rows;
    });

  return {
    submit(comment: NewComment, rules: SubmitRules): Promise<SubmitResult> {
      return new Promise((resolve, reject) => {
        waiting.push({ comment, rules, resolve, reject });
        if (waiting.length === 1) setImmediate(commitWaiting);
      });
    },

    async insertReply(reply: NewComment, approveParent: boolean): Promise<void> {
      transaction(() => {
        if (approveParent && reply.parent !== null) {
          updateStatus.run({ id: reply.parent, status: "approved" });
          announce(reply.parent);
        }
        insertComment(reply);
        announce(reply.id);
      });
    },

    async get(id: string) {
      return get(id);
    },

    async list(filter) {
      const clauses: string[] = [];
      const params: string[] = [];
      if (filter.status !== "all") {
        clauses.push("status = ?");
        params.push(filter.status);
      }
      if (filter.article !== undefined) {
        clauses.push("article = ?");
        params.push(filter.article);
      }
      const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
      const rows = db
        .prepare(`SELECT * FROM comments ${where} ORDER BY created_ms, id`)
        .all(...params) as Row[];
      return rows.map(read.comment);
    },

    async setStatus(id: string, status: CommentStatus, actor?: string) {
      return transaction(() => {
        const result = updateStatus.run({ id, status });
        if (result.changes === 0) return undefined;
        if (actor !== undefined) db.prepare("INSERT INTO comment_actions (comment_id, action, actor, at_ms) VALUES (?, ?, ?, ?)").run(id, status, actor, Date.now());
        if (status === "approved") announce(id);
        return get(id);
      });
    },

    async editBody(id: string, body: string, actor: string, at: Date) {
      return transaction(() => {
        const before = get(id);
        if (before === undefined) return undefined;
        db.prepare("INSERT INTO comment_actions (comment_id, action, actor, at_ms, before) VALUES (?, 'edit', ?, ?, ?)").run(id, actor, at.getTime(), before.body);
        db.prepare("UPDATE comments SET body = ?, sync_needed = (sync_needed OR status = 'approved') WHERE id = ?").run(body, id);
        return get(id);
      });
    },

    async unpublish(id: string, actor: string, at: Date, reason: string | null, placeholder: boolean) {
      return transaction(() => {
        const done = db.prepare("UPDATE comments SET status = 'rejected', removed = ?, sync_needed = 1 WHERE id = ?").run(placeholder ? 1 : 0, id);
        if (done.changes === 0) return undefined;
        db.prepare("INSERT INTO comment_actions (comment_id, action, actor, at_ms, reason) VALUES (?, 'unpublish', ?, ?, ?)").run(id, actor, at.getTime(), reason);
        return get(id);
      });
    },

    async actions(id: string): Promise<CommentAction[]> {
      const rows = db.prepare("SELECT action, actor, at_ms, before, reason FROM comment_actions WHERE comment_id = ? ORDER BY id").all(id) as Row[];
      return rows.map(read.action);
    },

    async listBlockRules() {
      return (db.prepare("SELECT * FROM block_rules ORDER BY id").all() as Row[]).map(read.blockRule);
    },

    async addBlockRule(kind: BlockKind, value: string, at: Date) {
      db.prepare("INSERT INTO block_rules (kind, value, created_ms) VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING").run(kind, value, at.getTime());
      return read.blockRule(db.prepare("SELECT * FROM block_rules WHERE kind = ? AND value = ?").get(kind, value) as Row);
    },

    async removeBlockRule(id: number) {
      return db.prepare("DELETE FROM block_rules WHERE id = ?").run(id).changes > 0;
    },

    async countCaught(ids: readonly number[]) {
      if (ids.length === 0) return;
      db.prepare(`UPDATE block_rules SET caught = caught + 1 WHERE id IN (${ids.map(() => "?").join(", ")})`).run(...ids);
    },

    async addReport(report, rules) {
      return transaction(() => {
        const at = report.created.getTime();
        if (report.clientHash !== null) {
          const recent = db
            .prepare("SELECT min(created_ms) AS first, count(*) AS n FROM reports WHERE client_hash = ? AND created_ms > ?")
            .get(report.clientHash, at - rules.windowMs) as Row;
          if (Number(recent.n) >= rules.limit) {
            return { kind: "flooded" as const, retryAfterSeconds: Math.max(1, Math.ceil((Number(recent.first) + rules.windowMs - at) / 1000)) };
          }
        }
        const done = db
          .prepare("INSERT INTO reports (comment_id, reason, text, client_hash, created_ms) VALUES (?, ?, ?, ?, ?)")
          .run(report.commentId, report.reason, report.text, report.clientHash, at);
        return { kind: "created" as const, id: Number(done.lastInsertRowid) };
      });
    },

    async listReports(): Promise<StoredReport[]> {
      return (db.prepare("SELECT * FROM reports ORDER BY id").all() as Row[]).map(read.report);
    },

    async addModerator(account, at) {
      const done = db
        .prepare("INSERT INTO moderators (name, password_salt, password_hash, author_id, created_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")
        .run(account.name, account.passwordSalt, account.passwordHash, account.authorId, at.getTime());
      return done.changes > 0;
    },

    async getModerator(name: string) {
      const row = db.prepare("SELECT * FROM moderators WHERE name = ?").get(name) as Row | undefined;
      return row === undefined ? undefined : read.moderator(row);
    },

    async listModerators() {
      return (db.prepare("SELECT * FROM moderators ORDER BY name").all() as Row[]).map(read.moderator);
    },

    async disableModerator(name: string) {
      return db.prepare("UPDATE moderators SET disabled = 1 WHERE name = ?").run(name).changes > 0;
    },

    async listSyncNeeded() {
      const rows = db.prepare("SELECT * FROM comments WHERE sync_needed = 1 ORDER BY created_ms").all() as Row[];
      return rows.map(read.comment);
    },

    async markSynced(id: string, status: CommentStatus) {
      // Only if nobody changed the status meanwhile; otherwise that change still needs its sync.
      db.prepare("UPDATE comments SET sync_needed = 0 WHERE id = ? AND status = ?").run(id, status);
    },

    async findByEmail(email: string) {
      const rows = db
        .prepare("SELECT * FROM comments WHERE lower(email) = lower(?) ORDER BY created_ms")
        .all(email) as Row[];
      return rows.map(read.comment);
    },

    async deleteByEmail(email: string) {
      const rows = transaction(() => {
        const deleted = db.prepare("DELETE FROM comments WHERE lower(email) = lower(?) RETURNING *").all(email) as Row[];
        const forget = db.prepare("DELETE FROM comment_actions WHERE comment_id = ?");
        const forgetReports = db.prepare("DELETE FROM reports WHERE comment_id = ?");
        const unsubscribe = db.prepare("DELETE FROM reply_subscriptions WHERE comment_id = ?");
        const requests = db.prepare("DELETE FROM reply_subscriptions WHERE lower(email) = lower(?) RETURNING comment_id").all(email) as Row[];
        for (const row of requests) dropUnsent.run(String(row.comment_id));
        for (const row of deleted) {
          forget.run(String(row.id));
          forgetReports.run(String(row.id));
          unsubscribe.run(String(row.id));
          dropUnsent.run(String(row.id));
        }
        return deleted;
      });
      for (const row of rows) recent.forget(String(row.id));
      // The next row may take the rowid of a deleted last one: memory must read from below it.
      seenRowid = Math.min(seenRowid, Number((lastRowid.get() as Row).n));
      return rows.map(read.comment);
    },

    async purgePersonalData(before: Date) {
      const result = db
        .prepare(
          `UPDATE comments SET email = NULL, client_hash = NULL
           WHERE created_ms < ? AND (email IS NOT NULL OR client_hash IS NOT NULL)`,
        )
        .run(before.getTime());
      // An alert nobody could deliver for that long has lost its point; the comment stays.
      db.prepare("DELETE FROM alerts WHERE created_ms < ?").run(before.getTime());
      db.prepare("UPDATE comment_actions SET before = NULL WHERE at_ms < ? AND before IS NOT NULL").run(before.getTime());
      db.prepare("UPDATE reports SET client_hash = NULL WHERE created_ms < ? AND client_hash IS NOT NULL").run(before.getTime());
      // A token is refused as stale a day after it was signed; kept as long as the rest.
      db.prepare("DELETE FROM form_tokens WHERE used_ms < ?").run(before.getTime());
      db.prepare("DELETE FROM reply_subscriptions WHERE created_ms < ?").run(before.getTime());
      db.prepare("DELETE FROM reader_mail WHERE created_ms < ?").run(before.getTime());
      return Number(result.changes);
    },

    async claimAlerts(now: Date, leaseUntil: Date, limit: number): Promise<QueuedAlert[]> {
      return claimDue("alerts", now, leaseUntil, limit).map(read.alert);
    },


    async removeAlerts(ids: number[]) {
      if (ids.length === 0) return;
      db.prepare(`DELETE FROM alerts WHERE id IN (${placeholders(ids)})`).run(...ids);
    },

    async postponeAlerts(ids: number[], retryAt: Date, error: string) {
      if (ids.length === 0) return;
      db.prepare(
        `UPDATE alerts SET attempts = attempts + 1, next_ms = ?, last_error = ? WHERE id IN (${placeholders(ids)})`,
      ).run(retryAt.getTime(), error, ...ids);
    },

    async requestNotification(request) {
      return transaction(() => {
        const added = db
          .prepare("INSERT INTO reply_subscriptions (comment_id, email, nonce, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .run(request.commentId, request.email, request.nonce, request.created.getTime());
        if (added.changes === 0) return false;
        db.prepare("INSERT OR IGNORE INTO reader_mail (kind, comment_id, created_ms, next_ms) VALUES ('confirm', ?, ?, ?)").run(
          request.commentId,
          request.created.getTime(),
          request.created.getTime(),
        );
        return true;
      });
    },

    async getSubscription(commentId: string) {
      const row = db.prepare("SELECT * FROM reply_subscriptions WHERE comment_id = ?").get(commentId) as Row | undefined;
      return row === undefined ? undefined : read.subscription(row);
    },

    async confirmSubscription(commentId: string, at: Date) {
      const done = db
        .prepare("UPDATE reply_subscriptions SET confirmed_ms = ? WHERE comment_id = ? AND confirmed_ms IS NULL")
        .run(at.getTime(), commentId);
      return done.changes > 0;
    },

    async removeSubscription(commentId: string) {
      return transaction(() => {
        dropUnsent.run(commentId);
        return db.prepare("DELETE FROM reply_subscriptions WHERE comment_id = ?").run(commentId).changes > 0;
      });
    },

    async subscriptionsByEmail(email: string) {
      const rows = db.prepare("SELECT * FROM reply_subscriptions WHERE lower(email) = lower(?) ORDER BY created_ms").all(email) as Row[];
      return rows.map(read.subscription);
    },

    async claimReaderMail(now: Date, leaseUntil: Date, limit: number): Promise<QueuedReaderMail[]> {
      return claimDue("reader_mail", now, leaseUntil, limit).map(read.readerMail);
    },


    async readerMailDone(id: number, at: Date) {
      db.prepare("UPDATE reader_mail SET done_ms = ? WHERE id = ?").run(at.getTime(), id);
    },

    async postponeReaderMail(id: number, retryAt: Date, error: string) {
      db.prepare("UPDATE reader_mail SET attempts = attempts + 1, next_ms = ?, last_error = ? WHERE id = ?").run(retryAt.getTime(), error, id);
    },

    async ping() {
      db.prepare("SELECT max(version) FROM schema_version").get();
    },

    async close() {
      db.close();
    },
  };
}

// VACUUM INTO reads one snapshot, so the copy is consistent while the inbox keeps writing (WAL
// lets it). Written beside the target and renamed: an interrupted backup never replaces a good
// one with half a file. Returns how many comments the copy holds, read back from the copy.
export function backupSqlite(dbPath: string, target: string): number {
  const destination = path.resolve(target);
  mkdirSync(path.dirname(destination), { recursive: true });
  const temporary = `${destination}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const source = new DatabaseSync(dbPath, { readOnly: true });
  try {
    source.exec("PRAGMA busy_timeout = 5000");
    source.prepare("VACUUM INTO ?").run(temporary);
  } finally {
    source.close();
  }
  try {
    const copy = new DatabaseSync(temporary, { readOnly: true });
    let comments: number;
    try {
      const check = copy.prepare("PRAGMA quick_check").get() as Row;
      if (check.quick_check !== "ok") throw new Error(`copie invalide : ${String(check.quick_check)}`);
      comments = Number((copy.prepare("SELECT count(*) AS n FROM comments").get() as Row).n);
    } finally {
      copy.close();
    }
    const handle = openSync(temporary, "r");
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, destination);
    return comments;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
