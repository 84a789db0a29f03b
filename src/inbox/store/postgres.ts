import { postgresColumns, rowReader } from "./rows.ts";
import pg from "pg";
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

// Each entry moves the schema one version up; applied in order, never edited once shipped.
// Ids compare byte-wise (COLLATE "C") so that listings sort exactly as in SQLite.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE comments (
     id text COLLATE "C" PRIMARY KEY,
     article text NOT NULL,
     parent text,
     name text NOT NULL,
     email text,
     client_hash text,
     body text NOT NULL,
     body_hash text NOT NULL,
     status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
     staff boolean NOT NULL DEFAULT false,
     author_id text,
     spam_score integer NOT NULL DEFAULT 0,
     signals jsonb NOT NULL DEFAULT '[]',
     created timestamptz NOT NULL,
     sync_needed boolean NOT NULL DEFAULT false
   );
   CREATE INDEX comments_by_status ON comments (status, created);
   CREATE INDEX comments_by_body ON comments (article, body_hash, created);
   CREATE INDEX comments_by_email ON comments (lower(email));
   CREATE INDEX comments_to_sync ON comments (sync_needed) WHERE sync_needed;
   -- The flood limit counts a client's recent comments.
   CREATE INDEX comments_by_client ON comments (client_hash, created) WHERE client_hash IS NOT NULL;
   CREATE TABLE alerts (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     comment_id text NOT NULL,
     created timestamptz NOT NULL,
     next_at timestamptz NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     last_error text
   );
   CREATE INDEX alerts_due ON alerts (next_at);

   -- A reader's submission in one statement, hence one round trip and one transaction.
   -- Transaction-scoped advisory locks serialise what a check-then-insert needs serialised,
   -- across every instance sharing the database: submissions of one body to one article (the
   -- duplicate check) and of one client (the flood limit). Taken always in that order, so two
   -- submissions cannot wait on each other. Each statement of this VOLATILE function sees the
   -- rows committed by whoever held the lock before.
   CREATE FUNCTION pouls_submit(
     p_id text, p_article text, p_parent text, p_name text, p_email text, p_client_hash text,
     p_body text, p_body_hash text, p_status text, p_spam_score integer, p_signals jsonb,
     p_created timestamptz, p_flood_limit integer, p_flood_window interval,
     p_duplicate_window interval, p_queue_alert boolean,
     OUT kind text, OUT comment_id text, OUT retry_after integer)
   LANGUAGE plpgsql AS $$
   DECLARE
     recent bigint;
     first_at timestamptz;
   BEGIN
     -- The server's default may have been lowered for speed; a comment is acknowledged only once
     -- its commit is on disk. Transaction-local, so it holds through this statement's commit.
     PERFORM set_config('synchronous_commit', 'on', true);
     PERFORM pg_advisory_xact_lock(1, hashtext(p_article || ':' || p_body_hash));
     SELECT c.id INTO comment_id FROM comments c
       WHERE c.article = p_article AND c.body_hash = p_body_hash AND c.created >= p_created - p_duplicate_window
       ORDER BY c.created LIMIT 1;
     IF comment_id IS NOT NULL THEN
       kind := 'duplicate';
       RETURN;
     END IF;
     IF p_client_hash IS NOT NULL THEN
       PERFORM pg_advisory_xact_lock(2, hashtext(p_client_hash));
       SELECT count(*), min(c.created) INTO recent, first_at FROM comments c
         WHERE c.client_hash = p_client_hash AND c.created >= p_created - p_flood_window;
       IF recent >= p_flood_limit THEN
         kind := 'flooded';
         retry_after := greatest(1, ceil(extract(epoch FROM first_at + p_flood_window - p_created)))::integer;
         RETURN;
       END IF;
     END IF;
     INSERT INTO comments (id, article, parent, name, email, client_hash, body, body_hash, status,
       staff, author_id, spam_score, signals, created, sync_needed)
     VALUES (p_id, p_article, p_parent, p_name, p_email, p_client_hash, p_body, p_body_hash, p_status,
       false, NULL, p_spam_score, p_signals, p_created, p_status = 'approved');
     IF p_queue_alert THEN
       INSERT INTO alerts (comment_id, created, next_at) VALUES (p_id, p_created, p_created);
     END IF;
     kind := 'created';
     comment_id := p_id;
   END
   $$;`,
  // Submissions that arrive together travel together: one statement, one transaction and one
  // commit for the lot instead of one each, which is most of what a submission costs on both
  // ends of the connection. Every advisory lock of the batch is taken first, in one global order
  // (duplicate-check keys, then flood-limit keys, each ascending, which is also pouls_submit's
  // order), so that two batches from any instances never wait on each other in a cycle; then
  // pouls_submit does each submission in array order (taking a lock already held costs nothing),
  // each seeing what the lock holders before it, and the submissions before it in the batch, stored.
  `CREATE FUNCTION pouls_submit_batch(p_comments json)
     RETURNS TABLE (submitted text, kind text, comment_id text, retry_after integer)
   LANGUAGE plpgsql AS $$
   DECLARE
     k record;
     c record;
   BEGIN
     FOR k IN
       WITH x AS (SELECT * FROM json_to_recordset(p_comments) AS x(article text, body_hash text, client_hash text))
       SELECT 1 AS space, hashtext(x.article || ':' || x.body_hash) AS key FROM x
       UNION
       SELECT 2, hashtext(x.client_hash) FROM x WHERE x.client_hash IS NOT NULL
       ORDER BY 1, 2
     LOOP
       PERFORM pg_advisory_xact_lock(k.space, k.key);
     END LOOP;
     FOR c IN SELECT * FROM json_to_recordset(p_comments) AS x(
         id text, article text, parent text, name text, email text, client_hash text, body text,
         body_hash text, status text, spam_score integer, signals jsonb, created timestamptz,
         flood_limit integer, flood_window_ms bigint, duplicate_window_ms bigint, queue_alert boolean)
     LOOP
       submitted := c.id;
       SELECT s.kind, s.comment_id, s.retry_after INTO kind, comment_id, retry_after
         FROM pouls_submit(c.id, c.article, c.parent, c.name, c.email, c.client_hash, c.body,
           c.body_hash, c.status, c.spam_score, c.signals, c.created, c.flood_limit,
           c.flood_window_ms * interval '1 millisecond', c.duplicate_window_ms * interval '1 millisecond',
           c.queue_alert) AS s;
       RETURN NEXT;
     END LOOP;
   END
   $$;`,
  // A submission at about four fifths of pouls_submit's cost to the database, and much less per
  // submission of a batch, by doing the same work in fewer executor runs. Most of a statement's
  // cost in a function is starting the executor for it, so an accepted comment takes one
  // statement, the insert, with both checks as its conditions; which check refused it is looked
  // up only when one did. The setting and the locks are plain assignments, which plpgsql
  // evaluates without the executor (PERFORM starts it), still taken before that statement and in
  // the same order (duplicate key, then client key; a null client hash takes none), so its
  // snapshot sees what the holders before committed. A function with OUT parameters called in
  // FROM makes the executor rebuild its row type and materialise its row at each call; one
  // returning a scalar is a plain call, and a simple expression in pouls_submit_batch. So the
  // answer is one text: "created <id>", "duplicate <id>" or "flooded <seconds>" (ids have no
  // spaces). pouls_submit stays, a wrapper now, for instances of the previous version during a
  // rolling upgrade.
  `CREATE FUNCTION pouls_accept(
     p_id text, p_article text, p_parent text, p_name text, p_email text, p_client_hash text,
     p_body text, p_body_hash text, p_status text, p_spam_score integer, p_signals jsonb,
     p_created timestamptz, p_flood_limit integer, p_flood_window interval,
     p_duplicate_window interval, p_queue_alert boolean)
   RETURNS text
   LANGUAGE plpgsql AS $$
   DECLARE
     found_id text;
     recent bigint;
     first_at timestamptz;
     ignored boolean;
   BEGIN
     -- The server's default may have been lowered for speed; a comment is acknowledged only once
     -- its commit is on disk. Transaction-local, so it holds through this statement's commit.
     ignored := set_config('synchronous_commit', 'on', true) IS NULL;
     ignored := pg_advisory_xact_lock(1, hashtext(p_article || ':' || p_body_hash)) IS NULL;
     ignored := pg_advisory_xact_lock(2, hashtext(p_client_hash)) IS NULL;
     LOOP
       INSERT INTO comments (id, article, parent, name, email, client_hash, body, body_hash, status,
         staff, author_id, spam_score, signals, created, sync_needed)
       SELECT p_id, p_article, p_parent, p_name, p_email, p_client_hash, p_body, p_body_hash, p_status,
         false, NULL, p_spam_score, p_signals, p_created, p_status = 'approved'
       WHERE NOT EXISTS (
           SELECT FROM comments c
           WHERE c.article = p_article AND c.body_hash = p_body_hash AND c.created >= p_created - p_duplicate_window)
         AND (p_client_hash IS NULL OR (
           SELECT count(*) FROM comments c
           WHERE c.client_hash = p_client_hash AND c.created >= p_created - p_flood_window) < p_flood_limit);
       EXIT WHEN FOUND;
       SELECT c.id INTO found_id FROM comments c
         WHERE c.article = p_article AND c.body_hash = p_body_hash AND c.created >= p_created - p_duplicate_window
         ORDER BY c.created LIMIT 1;
       IF found_id IS NOT NULL THEN
         RETURN 'duplicate ' || found_id;
       END IF;
       SELECT count(*), min(c.created) INTO recent, first_at FROM comments c
         WHERE c.client_hash = p_client_hash AND c.created >= p_created - p_flood_window;
       IF recent >= p_flood_limit THEN
         RETURN 'flooded ' || greatest(1, ceil(extract(epoch FROM first_at + p_flood_window - p_created)))::integer;
       END IF;
       -- Neither any more: what stood in the way was erased meanwhile (forget-email or the
       -- retention purge, which take no lock). Try again.
     END LOOP;
     IF p_queue_alert THEN
       INSERT INTO alerts (comment_id, created, next_at) VALUES (p_id, p_created, p_created);
     END IF;
     RETURN 'created ' || p_id;
   END
   $$;
   CREATE OR REPLACE FUNCTION pouls_submit(
     p_id text, p_article text, p_parent text, p_name text, p_email text, p_client_hash text,
     p_body text, p_body_hash text, p_status text, p_spam_score integer, p_signals jsonb,
     p_created timestamptz, p_flood_limit integer, p_flood_window interval,
     p_duplicate_window interval, p_queue_alert boolean,
     OUT kind text, OUT comment_id text, OUT retry_after integer)
   LANGUAGE plpgsql AS $$
   DECLARE
     answer text := pouls_accept(p_id, p_article, p_parent, p_name, p_email, p_client_hash, p_body,
       p_body_hash, p_status, p_spam_score, p_signals, p_created, p_flood_limit, p_flood_window,
       p_duplicate_window, p_queue_alert);
   BEGIN
     kind := split_part(answer, ' ', 1);
     IF kind = 'flooded' THEN
       retry_after := split_part(answer, ' ', 2)::integer;
     ELSE
       comment_id := split_part(answer, ' ', 2);
     END IF;
   END
   $$;
   CREATE OR REPLACE FUNCTION pouls_submit_batch(p_comments json)
     RETURNS TABLE (submitted text, kind text, comment_id text, retry_after integer)
   LANGUAGE plpgsql AS $$
   DECLARE
     k record;
     c record;
     answer text;
   BEGIN
     -- Every lock first, in the one global order, as before.
     FOR k IN
       WITH x AS (SELECT * FROM json_to_recordset(p_comments) AS x(article text, body_hash text, client_hash text))
       SELECT 1 AS space, hashtext(x.article || ':' || x.body_hash) AS key FROM x
       UNION
       SELECT 2, hashtext(x.client_hash) FROM x WHERE x.client_hash IS NOT NULL
       ORDER BY 1, 2
     LOOP
       PERFORM pg_advisory_xact_lock(k.space, k.key);
     END LOOP;
     FOR c IN SELECT * FROM json_to_recordset(p_comments) AS x(
         id text, article text, parent text, name text, email text, client_hash text, body text,
         body_hash text, status text, spam_score integer, signals jsonb, created timestamptz,
         flood_limit integer, flood_window_ms bigint, duplicate_window_ms bigint, queue_alert boolean)
     LOOP
       submitted := c.id;
       answer := pouls_accept(c.id, c.article, c.parent, c.name, c.email, c.client_hash, c.body,
         c.body_hash, c.status, c.spam_score, c.signals, c.created, c.flood_limit,
         c.flood_window_ms * interval '1 millisecond', c.duplicate_window_ms * interval '1 millisecond',
         c.queue_alert);
       kind := split_part(answer, ' ', 1);
       comment_id := NULL;
       retry_after := NULL;
       IF kind = 'flooded' THEN
         retry_after := split_part(answer, ' ', 2)::integer;
       ELSE
         comment_id := split_part(answer, ' ', 2);
       END IF;
       RETURN NEXT;
     END LOOP;
   END
   $$;`,
  // The signed form times that served a comment: each serves one only. Claimed in the same
  // transaction as the comment, after the advisory locks pouls_accept takes (taken here first,
  // in its order, so that the claim never waits on a transaction that waits on these locks);
  // given back when the comment was not stored. A second use of a token waits for the first
  // transaction, on any instance, and then finds it taken.
  `CREATE TABLE form_tokens (token text COLLATE "C" PRIMARY KEY, used timestamptz NOT NULL);
   CREATE FUNCTION pouls_accept_once(
     p_token text, p_id text, p_article text, p_parent text, p_name text, p_email text,
     p_client_hash text, p_body text, p_body_hash text, p_status text, p_spam_score integer,
     p_signals jsonb, p_created timestamptz, p_flood_limit integer, p_flood_window interval,
     p_duplicate_window interval, p_queue_alert boolean)
   RETURNS text
   LANGUAGE plpgsql AS $$
   DECLARE
     answer text;
     ignored boolean;
   BEGIN
     IF p_token IS NOT NULL THEN
       ignored := pg_advisory_xact_lock(1, hashtext(p_article || ':' || p_body_hash)) IS NULL;
       ignored := pg_advisory_xact_lock(2, hashtext(p_client_hash)) IS NULL;
       INSERT INTO form_tokens (token, used) VALUES (p_token, p_created) ON CONFLICT DO NOTHING;
       IF NOT FOUND THEN
         RETURN 'token-used';
       END IF;
     END IF;
     answer := pouls_accept(p_id, p_article, p_parent, p_name, p_email, p_client_hash, p_body,
       p_body_hash, p_status, p_spam_score, p_signals, p_created, p_flood_limit, p_flood_window,
       p_duplicate_window, p_queue_alert);
     IF p_token IS NOT NULL AND answer NOT LIKE 'created %' THEN
       DELETE FROM form_tokens WHERE token = p_token;
     END IF;
     RETURN answer;
   END
   $$;
   CREATE OR REPLACE FUNCTION pouls_submit_batch(p_comments json)
     RETURNS TABLE (submitted text, kind text, comment_id text, retry_after integer)
   LANGUAGE plpgsql AS $$
   DECLARE
     k record;
     c record;
     answer text;
   BEGIN
     -- Every lock first, in the one global order, as before.
     FOR k IN
       WITH x AS (SELECT * FROM json_to_recordset(p_comments) AS x(article text, body_hash text, client_hash text))
       SELECT 1 AS space, hashtext(x.article || ':' || x.body_hash) AS key FROM x
       UNION
       SELECT 2, hashtext(x.client_hash) FROM x WHERE x.client_hash IS NOT NULL
       ORDER BY 1, 2
     LOOP
       PERFORM pg_advisory_xact_lock(k.space, k.key);
     END LOOP;
     -- Instances of the previous version send no token: null, as for a comment without one.
     FOR c IN SELECT * FROM json_to_recordset(p_comments) AS x(
         token text, id text, article text, parent text, name text, email text, client_hash text,
         body text, body_hash text, status text, spam_score integer, signals jsonb, created timestamptz,
         flood_limit integer, flood_window_ms bigint, duplicate_window_ms bigint, queue_alert boolean)
     LOOP
       submitted := c.id;
       answer := pouls_accept_once(c.token, c.id, c.article, c.parent, c.name, c.email, c.client_hash,
         c.body, c.body_hash, c.status, c.spam_score, c.signals, c.created, c.flood_limit,
         c.flood_window_ms * interval '1 millisecond', c.duplicate_window_ms * interval '1 millisecond',
         c.queue_alert);
       kind := split_part(answer, ' ', 1);
       comment_id := NULL;
       retry_after := NULL;
       IF kind = 'flooded' THEN
         retry_after := split_part(answer, ' ', 2)::integer;
       ELSIF kind <> 'token-used' THEN
         comment_id := split_part(answer, ' ', 2);
       END IF;
       RETURN NEXT;
     END LOOP;
   END
   $$;`,
  // What moderators did to a comment besides its status (an edit, a take-down), and whether a
  // comment taken down keeps its place on the site for its replies.
  `CREATE TABLE comment_actions (
     id bigserial PRIMARY KEY,
     comment_id text COLLATE "C" NOT NULL,
     action text NOT NULL CHECK (action IN ('pending', 'approved', 'rejected', 'spam', 'edit', 'unpublish')),
     actor text NOT NULL,
     at timestamptz NOT NULL,
     before text,
     reason text
   );
   CREATE INDEX comment_actions_by_comment ON comment_actions (comment_id, id);
   ALTER TABLE comments ADD COLUMN removed boolean NOT NULL DEFAULT false;`,
  // Moderators' block rules (src/inbox/blocklist.ts), with what each caught.
  `CREATE TABLE block_rules (
     id bigserial PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN ('mot', 'domaine', 'client')),
     value text NOT NULL,
     created timestamptz NOT NULL,
     caught integer NOT NULL DEFAULT 0,
     UNIQUE (kind, value)
   );`,
  // Named moderator accounts: a salted scrypt hash of the password, never the password.
  `CREATE TABLE moderators (
     name text COLLATE "C" PRIMARY KEY,
     password_salt text NOT NULL,
     password_hash text NOT NULL,
     author_id text,
     disabled boolean NOT NULL DEFAULT false,
     created timestamptz NOT NULL
   );`,
  // Readers' reports of published comments (src/inbox/reports.ts).
  `CREATE TABLE reports (
     id bigserial PRIMARY KEY,
     comment_id text COLLATE "C" NOT NULL,
     reason text NOT NULL CHECK (reason IN ('danger', 'donnees', 'insulte', 'spam', 'autre')),
     text text NOT NULL DEFAULT '',
     client_hash text,
     created timestamptz NOT NULL
   );
   CREATE INDEX reports_by_client ON reports (client_hash, created);`,
  // Readers' reply notification requests and the messages sent to them (src/inbox/notifications.ts).
  `CREATE TABLE reply_subscriptions (
     comment_id text COLLATE "C" PRIMARY KEY,
     email text NOT NULL,
     nonce text NOT NULL,
     created timestamptz NOT NULL,
     confirmed timestamptz
   );
   CREATE INDEX reply_subscriptions_by_email ON reply_subscriptions (lower(email));
   CREATE TABLE reader_mail (
     id bigserial PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN ('confirm', 'reply')),
     comment_id text COLLATE "C" NOT NULL,
     reply_id text COLLATE "C" NOT NULL DEFAULT '',
     created timestamptz NOT NULL,
     next_at timestamptz NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     last_error text,
     done timestamptz,
     UNIQUE (kind, comment_id, reply_id)
   );
   CREATE INDEX reader_mail_due ON reader_mail (next_at) WHERE done IS NULL;`,
];

// Two: one batch runs while the other waits for its commit to reach the disk; more would split
// a burst into smaller batches without using the disk or the cores any better.
const BATCHES_IN_FLIGHT = 2;

// Any constant will do, as long as nothing else in the database takes it: a session-level lock
// held while migrating, so instances starting together migrate one after the other.
const MIGRATION_LOCK = 7_163_002_101;

type Row = Record<string, unknown>;
const read = rowReader(postgresColumns);

// The message announcing an approved reply to a confirmed request on its parent; not to the
// reader who replied to their own comment. Run after the approval, in its transaction.
const QUEUE_REPLY_MAIL = `INSERT INTO reader_mail (kind, comment_id, reply_id, created, next_at)
  SELECT 'reply', s.comment_id, r.id, now(), now()
  FROM comments r JOIN reply_subscriptions s ON s.comment_id = r.parent
  WHERE r.id = $1 AND r.status = 'approved' AND s.confirmed IS NOT NULL
    AND (r.email IS NULL OR lower(r.email) <> lower(s.email))
  ON CONFLICT DO NOTHING`;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
      const { rows } = await client.query<{ version: number | null }>("SELECT max(version) AS version FROM schema_version");
      for (let version = (rows[0]?.version ?? 0) + 1; version <= MIGRATIONS.length; version += 1) {
        await client.query("BEGIN");
        try {
          await client.query(MIGRATIONS[version - 1] as string);
          await client.query("INSERT INTO schema_version (version) VALUES ($1)", [version]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    try {
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    client.release();
  }
}

const insertText = `INSERT INTO comments (id, article, parent, name, email, client_hash, body, body_hash,
    status, staff, author_id, spam_score, signals, created, sync_needed)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $9 = 'approved')`;

function insertValues(comment: NewComment): unknown[] {
  return [
    comment.id,
    comment.article,
    comment.parent,
    comment.name,
    comment.email,
    comment.clientHash,
    comment.body,
    comment.bodyHash,
    comment.status,
    comment.staff,
    comment.authorId,
    comment.spamScore,
    JSON.stringify(comment.signals),
    comment.created,
  ];
}

export interface PostgresOptions {
  log: (message: string) => void;
  poolSize?: number;
}

export async function openPostgresStore(url: string, options: PostgresOptions): Promise<CommentStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (restart, failover) must not take the inbox down:
  // the pool replaces it, and the next query reports any lasting problem.
  pool.on("error", (error) => options.log(`PostgreSQL : connexion perdue : ${error.message}`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const query = async (text: string, values: unknown[] = [], name?: string): Promise<Row[]> =>
    (await pool.query({ text, values, ...(name === undefined ? {} : { name }) })).rows as Row[];
  // Up to `limit` messages of an outbox due at `now`, hidden from other claims until `leaseUntil`,
  // oldest first. SKIP LOCKED: an instance claiming at the same moment takes other rows, or none.
  // (Reader mail once sent stays, marked done, so that it is never sent twice.)
  const claimDue = async (outbox: "alerts" | "reader_mail", now: Date, leaseUntil: Date, limit: number): Promise<Row[]> => {
    const pending = outbox === "reader_mail" ? "AND done IS NULL" : "";
    const rows = await query(
      `UPDATE ${outbox} SET next_at = $2 WHERE id IN (
         SELECT id FROM ${outbox} WHERE next_at <= $1 ${pending} ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, leaseUntil, limit],
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  };
  const get = async (id: string): Promise<StoredComment | undefined> => {
    const [row] = await query("SELECT * FROM comments WHERE id = $1", [id], "get");
    return row === undefined ? undefined : read.comment(row);
  };

  // Group commit, as in the SQLite store: the submissions that arrive within one turn of the
  // event loop go to the database together, in one statement and one transaction, each answered
  // once that transaction is committed. Past BATCHES_IN_FLIGHT, what arrives waits and leaves as
  // the next batch when one returns: under load, a few large batches rather than a queue of
  // small ones at the pool, each paying a round trip and a commit.
  interface Waiting {
    comment: NewComment;
    rules: SubmitRules;
    resolve: (result: SubmitResult) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let inFlight = 0;

  const answer = (row: Row | undefined): SubmitResult => {
    if (row === undefined) throw new Error("pouls_submit_batch n’a rien renvoyé pour un commentaire");
    if (row.kind === "flooded") return { kind: "flooded", retryAfterSeconds: Number(row.retry_after) };
    if (row.kind === "token-used") return { kind: "token-used" };
    return { kind: row.kind === "duplicate" ? "duplicate" : "created", id: String(row.comment_id) };
  };

  const submitOne = async (comment: NewComment, rules: SubmitRules): Promise<SubmitResult> => {
    const [row] = await query(
      `SELECT pouls_accept_once($17, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12,
         $13, make_interval(secs => $14 / 1000.0), make_interval(secs => $15 / 1000.0), $16) AS answer`,
      [
        comment.id,
        comment.article,
        comment.parent,
        comment.name,
        comment.email,
        comment.clientHash,
        comment.body,
        comment.bodyHash,
        comment.status,
        comment.spamScore,
        JSON.stringify(comment.signals),
        comment.created,
        rules.floodLimit,
        rules.floodWindowMs,
        rules.duplicateWindowMs,
        rules.queueAlert,
        comment.formToken ?? null,
      ],
      "accept-once",
    );
    if (row === undefined) throw new Error("pouls_accept_once n’a rien renvoyé");
    // "created <id>", "duplicate <id>", "flooded <seconds>" or "token-used".
    const [kind, value = ""] = String(row.answer).split(" ");
    if (kind === "flooded") return { kind: "flooded", retryAfterSeconds: Number(value) };
    if (kind === "token-used") return { kind: "token-used" };
    return { kind: kind === "duplicate" ? "duplicate" : "created", id: value };
  };

  const submitMany = async (batch: Waiting[]): Promise<SubmitResult[]> => {
    const rows = await query(
      "SELECT * FROM pouls_submit_batch($1)",
      [
        JSON.stringify(
          batch.map(({ comment, rules }) => ({
            token: comment.formToken ?? null,
            id: comment.id,
            article: comment.article,
            parent: comment.parent,
            name: comment.name,
            email: comment.email,
            client_hash: comment.clientHash,
            body: comment.body,
            body_hash: comment.bodyHash,
            status: comment.status,
            spam_score: comment.spamScore,
            signals: comment.signals,
            created: comment.created,
            flood_limit: rules.floodLimit,
            flood_window_ms: rules.floodWindowMs,
            duplicate_window_ms: rules.duplicateWindowMs,
            queue_alert: rules.queueAlert,
          })),
        ),
      ],
      "submit-batch",
    );
    const bySubmitted = new Map(rows.map((row) => [String(row.submitted), row]));
    return batch.map(({ comment }) => answer(bySubmitted.get(comment.id)));
  };

  const sendWaiting = (): void => {
    if (waiting.length === 0 || inFlight >= BATCHES_IN_FLIGHT) return;
    const batch = waiting;
    waiting = [];
    inFlight += 1;
    const sent =
      batch.length === 1
        ? submitOne((batch[0] as Waiting).comment, (batch[0] as Waiting).rules).then((result) => [result])
        : submitMany(batch);
    sent
      .then(
        (results) => batch.forEach((item, i) => item.resolve(results[i] as SubmitResult)),
        async (error: unknown) => {
          // Nothing of a failed batch was committed. One bad submission must not sink the others:
          // each again alone (one that was stored after all is then found as its own duplicate).
          if (batch.length === 1) return (batch[0] as Waiting).reject(error);
          await Promise.all(batch.map((item) => submitOne(item.comment, item.rules).then(item.resolve, item.reject)));
        },
      )
      .finally(() => {
        inFlight -= 1;
        sendWaiting();
      });
  };

  return {
    submit(comment: NewComment, rules: SubmitRules): Promise<SubmitResult> {
      return new Promise((resolve, reject) => {
        waiting.push({ comment, rules, resolve, reject });
        if (waiting.length === 1) setImmediate(sendWaiting);
      });
    },

    async insertReply(reply: NewComment, approveParent: boolean): Promise<void> {
      await transaction(pool, async (client) => {
        if (approveParent && reply.parent !== null) {
          await client.query("UPDATE comments SET status = 'approved', sync_needed = true WHERE id = $1", [reply.parent]);
          await client.query(QUEUE_REPLY_MAIL, [reply.parent]);
        }
        await client.query(insertText, insertValues(reply));
        await client.query(QUEUE_REPLY_MAIL, [reply.id]);
      });
    },

    get,

    async list(filter) {
      const clauses: string[] = [];
      const values: string[] = [];
      if (filter.status !== "all") {
        values.push(filter.status);
        clauses.push(`status = $${values.length}`);
      }
      if (filter.article !== undefined) {
        values.push(filter.article);
        clauses.push(`article = $${values.length}`);
      }
      const where = clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "";
      return (await query(`SELECT * FROM comments ${where} ORDER BY created, id`, values)).map(read.comment);
    },

    async setStatus(id: string, status: CommentStatus, actor?: string) {
      const text = `WITH done AS (UPDATE comments SET status = $2, removed = false, sync_needed = true WHERE id = $1 RETURNING *),
         noted AS (INSERT INTO comment_actions (comment_id, action, actor, at) SELECT id, $2, $3, now() FROM done WHERE $3::text IS NOT NULL)
         SELECT * FROM done`;
      const values = [id, status, actor ?? null];
      const [row] =
        status === "approved"
          ? await transaction(pool, async (client) => {
              const { rows } = await client.query(text, values);
              // A statement's own changes are not visible to itself: the approval first, then this.
              await client.query(QUEUE_REPLY_MAIL, [id]);
              return rows as Row[];
            })
          : await query(text, values);
      return row === undefined ? undefined : read.comment(row);
    },

    async editBody(id: string, body: string, actor: string, at: Date) {
      const [row] = await query(
        `WITH old AS (SELECT id, body FROM comments WHERE id = $1 FOR UPDATE),
         saved AS (INSERT INTO comment_actions (comment_id, action, actor, at, before) SELECT id, 'edit', $3, $4, body FROM old)
         UPDATE comments c SET body = $2, sync_needed = c.sync_needed OR c.status = 'approved' FROM old WHERE c.id = old.id RETURNING c.*`,
        [id, body, actor, at],
      );
      return row === undefined ? undefined : read.comment(row);
    },

    async unpublish(id: string, actor: string, at: Date, reason: string | null, placeholder: boolean) {
      const [row] = await query(
        `WITH done AS (UPDATE comments SET status = 'rejected', removed = $5, sync_needed = true WHERE id = $1 RETURNING *),
         noted AS (INSERT INTO comment_actions (comment_id, action, actor, at, reason) SELECT id, 'unpublish', $2, $3, $4 FROM done)
         SELECT * FROM done`,
        [id, actor, at, reason, placeholder],
      );
      return row === undefined ? undefined : read.comment(row);
    },

    async actions(id: string): Promise<CommentAction[]> {
      const rows = await query("SELECT action, actor, at, before, reason FROM comment_actions WHERE comment_id = $1 ORDER BY id", [id]);
      return rows.map(read.action);
    },

    async listBlockRules() {
      return (await query("SELECT * FROM block_rules ORDER BY id")).map(read.blockRule);
    },

    async addBlockRule(kind: BlockKind, value: string, at: Date) {
      await query("INSERT INTO block_rules (kind, value, created) VALUES ($1, $2, $3) ON CONFLICT (kind, value) DO NOTHING", [kind, value, at]);
      const [row] = await query("SELECT * FROM block_rules WHERE kind = $1 AND value = $2", [kind, value]);
      return read.blockRule(row as Row);
    },

    async removeBlockRule(id: number) {
      return (await query("DELETE FROM block_rules WHERE id = $1 RETURNING id", [id])).length > 0;
    },

    async countCaught(ids: readonly number[]) {
      if (ids.length === 0) return;
      await query("UPDATE block_rules SET caught = caught + 1 WHERE id = ANY($1::bigint[])", [ids]);
    },

    async addReport(report, rules) {
      return transaction(pool, async (client) => {
        if (report.clientHash !== null) {
          // One client's reports in turn, on every instance: the count then the insert see each other.
          await client.query("SELECT pg_advisory_xact_lock(2, hashtext($1))", [report.clientHash]);
          const { rows } = await client.query<{ first: Date | null; n: string }>(
            "SELECT min(created) AS first, count(*) AS n FROM reports WHERE client_hash = $1 AND created > $2",
            [report.clientHash, new Date(report.created.getTime() - rules.windowMs)],
          );
          const recent = rows[0]!;
          if (Number(recent.n) >= rules.limit && recent.first !== null) {
            return { kind: "flooded" as const, retryAfterSeconds: Math.max(1, Math.ceil((recent.first.getTime() + rules.windowMs - report.created.getTime()) / 1000)) };
          }
        }
        const { rows } = await client.query<{ id: string }>(
          "INSERT INTO reports (comment_id, reason, text, client_hash, created) VALUES ($1, $2, $3, $4, $5) RETURNING id",
          [report.commentId, report.reason, report.text, report.clientHash, report.created],
        );
        return { kind: "created" as const, id: Number(rows[0]!.id) };
      });
    },

    async listReports(): Promise<StoredReport[]> {
      return (await query("SELECT * FROM reports ORDER BY id")).map(read.report);
    },

    async addModerator(account, at) {
      const rows = await query(
        "INSERT INTO moderators (name, password_salt, password_hash, author_id, created) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING RETURNING name",
        [account.name, account.passwordSalt, account.passwordHash, account.authorId, at],
      );
      return rows.length > 0;
    },

    async getModerator(name: string) {
      const [row] = await query("SELECT * FROM moderators WHERE name = $1", [name]);
      return row === undefined ? undefined : read.moderator(row);
    },

    async listModerators() {
      return (await query("SELECT * FROM moderators ORDER BY name")).map(read.moderator);
    },

    async disableModerator(name: string) {
      return (await query("UPDATE moderators SET disabled = true WHERE name = $1 RETURNING name", [name])).length > 0;
    },

    async listSyncNeeded() {
      return (await query("SELECT * FROM comments WHERE sync_needed ORDER BY created")).map(read.comment);
    },

    async markSynced(id: string, status: CommentStatus) {
      // Only if nobody changed the status meanwhile; otherwise that change still needs its sync.
      await query("UPDATE comments SET sync_needed = false WHERE id = $1 AND status = $2", [id, status]);
    },

    async findByEmail(email: string) {
      return (await query("SELECT * FROM comments WHERE lower(email) = lower($1) ORDER BY created", [email])).map(read.comment);
    },

    async deleteByEmail(email: string) {
      const rows = await query(
        `WITH gone AS (DELETE FROM comments WHERE lower(email) = lower($1) RETURNING *),
         edits AS (DELETE FROM comment_actions WHERE comment_id IN (SELECT id FROM gone)),
         reported AS (DELETE FROM reports WHERE comment_id IN (SELECT id FROM gone)),
         requests AS (DELETE FROM reply_subscriptions WHERE lower(email) = lower($1) OR comment_id IN (SELECT id FROM gone) RETURNING comment_id),
         unsent AS (DELETE FROM reader_mail WHERE done IS NULL AND comment_id IN (SELECT comment_id FROM requests))
         SELECT * FROM gone`,
        [email],
      );
      return rows.map(read.comment);
    },

    async purgePersonalData(before: Date) {
      return transaction(pool, async (client) => {
        const result = await client.query(
          `UPDATE comments SET email = NULL, client_hash = NULL
           WHERE created < $1 AND (email IS NOT NULL OR client_hash IS NOT NULL)`,
          [before],
        );
        // An alert nobody could deliver for that long has lost its point; the comment stays.
        await client.query("DELETE FROM alerts WHERE created < $1", [before]);
        await client.query("UPDATE comment_actions SET before = NULL WHERE at < $1 AND before IS NOT NULL", [before]);
        await client.query("UPDATE reports SET client_hash = NULL WHERE created < $1 AND client_hash IS NOT NULL", [before]);
        // A token is refused as stale a day after it was signed; kept as long as the rest.
        await client.query("DELETE FROM form_tokens WHERE used < $1", [before]);
        await client.query("DELETE FROM reply_subscriptions WHERE created < $1", [before]);
        await client.query("DELETE FROM reader_mail WHERE created < $1", [before]);
        return result.rowCount ?? 0;
      });
    },

    async claimAlerts(now: Date, leaseUntil: Date, limit: number): Promise<QueuedAlert[]> {
      return (await claimDue("alerts", now, leaseUntil, limit)).map(read.alert);
    },


    async removeAlerts(ids: number[]) {
      if (ids.length === 0) return;
      await query("DELETE FROM alerts WHERE id = ANY($1::bigint[])", [ids]);
    },

    async postponeAlerts(ids: number[], retryAt: Date, error: string) {
      if (ids.length === 0) return;
      await query(
        "UPDATE alerts SET attempts = attempts + 1, next_at = $2, last_error = $3 WHERE id = ANY($1::bigint[])",
        [ids, retryAt, error],
      );
    },

    async requestNotification(request) {
      return transaction(pool, async (client) => {
        const added = await client.query(
          "INSERT INTO reply_subscriptions (comment_id, email, nonce, created) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
          [request.commentId, request.email, request.nonce, request.created],
        );
        if (added.rowCount === 0) return false;
        await client.query(
          "INSERT INTO reader_mail (kind, comment_id, created, next_at) VALUES ('confirm', $1, $2, $2) ON CONFLICT DO NOTHING",
          [request.commentId, request.created],
        );
        return true;
      });
    },

    async getSubscription(commentId: string) {
      const [row] = await query("SELECT * FROM reply_subscriptions WHERE comment_id = $1", [commentId]);
      return row === undefined ? undefined : read.subscription(row);
    },

    async confirmSubscription(commentId: string, at: Date) {
      const rows = await query("UPDATE reply_subscriptions SET confirmed = $2 WHERE comment_id = $1 AND confirmed IS NULL RETURNING comment_id", [commentId, at]);
      return rows.length > 0;
    },

    async removeSubscription(commentId: string) {
      const rows = await query(
        `WITH unsent AS (DELETE FROM reader_mail WHERE comment_id = $1 AND done IS NULL)
         DELETE FROM reply_subscriptions WHERE comment_id = $1 RETURNING comment_id`,
        [commentId],
      );
      return rows.length > 0;
    },

    async subscriptionsByEmail(email: string) {
      return (await query("SELECT * FROM reply_subscriptions WHERE lower(email) = lower($1) ORDER BY created", [email])).map(read.subscription);
    },

    async claimReaderMail(now: Date, leaseUntil: Date, limit: number): Promise<QueuedReaderMail[]> {
      return (await claimDue("reader_mail", now, leaseUntil, limit)).map(read.readerMail);
    },


    async readerMailDone(id: number, at: Date) {
      await query("UPDATE reader_mail SET done = $2 WHERE id = $1", [id, at]);
    },

    async postponeReaderMail(id: number, retryAt: Date, error: string) {
      await query("UPDATE reader_mail SET attempts = attempts + 1, next_at = $2, last_error = $3 WHERE id = $1", [id, retryAt, error]);
    },

    async ping() {
      await query("SELECT max(version) FROM schema_version");
    },

    async close() {
      await pool.end();
    },
  };
}
