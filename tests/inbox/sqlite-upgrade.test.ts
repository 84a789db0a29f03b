import assert from "node:assert/strict";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, it } from "node:test";
import { openSqliteStore } from "../../src/inbox/store/sqlite.ts";
import { tempDir } from "../helpers/temp.ts";

// The schema as the first release of the inbox left it, with its data: a fixture, frozen.
const VERSION_1 = `
  CREATE TABLE schema_version (version INTEGER NOT NULL);
  INSERT INTO schema_version VALUES (1);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY, article TEXT NOT NULL, parent TEXT, name TEXT NOT NULL, email TEXT,
    client_hash TEXT, body TEXT NOT NULL, body_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
    staff INTEGER NOT NULL DEFAULT 0, author_id TEXT, spam_score INTEGER NOT NULL DEFAULT 0,
    signals TEXT NOT NULL DEFAULT '[]', created_ms INTEGER NOT NULL, sync_needed INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX comments_by_status ON comments (status, created_ms);
  CREATE INDEX comments_by_body ON comments (article, body_hash, created_ms);
  CREATE INDEX comments_by_email ON comments (lower(email));
  CREATE INDEX comments_to_sync ON comments (sync_needed) WHERE sync_needed = 1;
  CREATE TABLE submissions (client_hash TEXT NOT NULL, at_ms INTEGER NOT NULL);
  CREATE INDEX submissions_by_client ON submissions (client_hash, at_ms);`;

describe("SQLite store upgrade", () => {
  it("migrates a version-1 database in place, its recent comments still counting for the flood limit", async () => {
    const dir = tempDir("pouls-upgrade-");
    const file = path.join(dir, "inbox.sqlite");
    const tenMinutesAgo = Date.now() - 10 * 60_000;
    const old = new DatabaseSync(file);
    old.exec(VERSION_1);
    old
      .prepare(
        `INSERT INTO comments (id, article, name, email, client_hash, body, body_hash, status, created_ms)
         VALUES ('ancien00', 'vaccins-grippe', 'Ancien', 'a@exemple.fr', 'client-ancien', 'Avant la mise à jour', 'h', 'pending', ?)`,
      )
      .run(tenMinutesAgo);
    old.prepare("INSERT INTO submissions VALUES ('client-ancien', ?)").run(tenMinutesAgo);
    old.close();

    const store = openSqliteStore(file);
    try {
      assert.equal((await store.get("ancien00"))?.body, "Avant la mise à jour");
      const now = new Date();
      const result = await store.submit(
        {
          id: "nouveau0",
          article: "vaccins-grippe",
          parent: null,
          name: "Ancien",
          email: "a@exemple.fr",
          clientHash: "client-ancien",
          body: "Après",
          bodyHash: "h2",
          status: "pending",
          staff: false,
          authorId: null,
          spamScore: 0,
          signals: [],
          created: now,
        },
        { floodLimit: 1, floodWindowMs: 60 * 60_000, duplicateWindowMs: 24 * 60 * 60_000, queueAlert: true },
      );
      assert.deepEqual(result, { kind: "flooded", retryAfterSeconds: Math.ceil((tenMinutesAgo + 60 * 60_000 - now.getTime()) / 1000) });
      assert.deepEqual(await store.claimAlerts(now, now, 10), []);
    } finally {
      await store.close();
    }
    const upgraded = new DatabaseSync(file, { readOnly: true });
    const versions = upgraded.prepare("SELECT version FROM schema_version ORDER BY version").all();
    const tables = upgraded.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all();
    const indexes = upgraded.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    upgraded.close();
    assert.deepEqual(versions.map((row) => row.version), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(tables.map((row) => row.name), ["alerts", "block_rules", "comment_actions", "comments", "form_tokens", "moderators", "reader_mail", "reply_subscriptions", "reports", "schema_version"]);
    // The flood limit and the duplicate check are answered from memory, without indexes of their own.
    assert.deepEqual(indexes.map((row) => row.name), ["alerts_due", "comment_actions_by_comment", "comments_by_email", "comments_by_status", "comments_to_sync", "reader_mail_due", "reply_subscriptions_by_email", "reports_by_client"]);
  });
});
