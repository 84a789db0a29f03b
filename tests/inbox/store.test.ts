// One storage suite, run against each implementation of CommentStore: both must behave alike.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, it } from "node:test";
import { newCommentId } from "../../src/inbox/ids.ts";
import { openPostgresStore } from "../../src/inbox/store/postgres.ts";
import { openSqliteStore } from "../../src/inbox/store/sqlite.ts";
import type { CommentStore, NewComment, SubmitRules } from "../../src/inbox/store/types.ts";
import { freshSchema, PG_SKIP } from "./postgres.ts";
import { tempDir } from "../helpers/temp.ts";

interface Database {
  // A new handle on the same database, as another inbox process would have.
  open(): Promise<CommentStore>;
  // Plain SQL on it, from outside the store.
  sql(text: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

interface Backend {
  name: string;
  skip: string | false;
  fresh(): Promise<Database>;
}

const log = (message: string): void => console.error(message);

const BACKENDS: Backend[] = [
  {
    name: "SQLite",
    skip: false,
    async fresh() {
      const dir = tempDir("pouls-store-");
      const file = path.join(dir, "inbox.sqlite");
      return {
        open: async () => openSqliteStore(file),
        async sql(text) {
          const db = new DatabaseSync(file);
          try {
            return db.prepare(text).all() as Record<string, unknown>[];
          } finally {
            db.close();
          }
        },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "PostgreSQL",
    skip: PG_SKIP,
    async fresh() {
      const schema = await freshSchema();
      return { open: () => openPostgresStore(schema.url, { log }), sql: (text) => schema.query(text), drop: schema.drop };
    },
  },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RULES: SubmitRules = { floodLimit: 3, floodWindowMs: HOUR, duplicateWindowMs: 24 * HOUR, queueAlert: false };

let sequence = 0;
function comment(overrides: Partial<NewComment> = {}): NewComment {
  sequence += 1;
  const created = overrides.created ?? new Date();
  return {
    id: newCommentId(created),
    article: "vaccins-grippe",
    parent: null,
    name: "Marie Dupont",
    email: "marie@exemple.fr",
    clientHash: `client-${sequence}`,
    body: `Commentaire ${sequence}`,
    bodyHash: `hash-${sequence}`,
    status: "pending",
    staff: false,
    authorId: null,
    spamScore: 0,
    signals: [],
    created,
    ...overrides,
  };
}

for (const backend of BACKENDS) {
  describe(`storage: ${backend.name}`, { skip: backend.skip }, () => {
    // Each test gets an empty database and a store on it, both gone afterwards.
    const withStore = (work: (store: CommentStore, db: Database) => Promise<void>) => async () => {
      const db = await backend.fresh();
      const store = await db.open();
      try {
        await work(store, db);
      } finally {
        await store.close();
        await db.drop();
      }
    };

    it(
      "stores a comment and gives back every field as it was",
      withStore(async (store) => {
        const created = new Date("2026-03-04T05:06:07.089Z");
        const input = comment({ created, signals: ["lien", "délai"], spamScore: 4, email: "Élise@Exemple.fr", name: "Élise « É » 🩺" });
        assert.deepEqual(await store.submit(input, RULES), { kind: "created", id: input.id });
        const { bodyHash: _hash, ...expected } = input;
        assert.deepEqual(await store.get(input.id), { ...expected, removed: false, syncNeeded: false });
        assert.equal(await store.get("inconnu00"), undefined);
      }),
    );

    it(
      "answers a body already posted to the article within the window with the first comment's id",
      withStore(async (store) => {
        const now = Date.now();
        const first = comment({ bodyHash: "same", created: new Date(now - 2 * HOUR) });
        await store.submit(first, RULES);
        const again = await store.submit(comment({ bodyHash: "same", created: new Date(now) }), RULES);
        assert.deepEqual(again, { kind: "duplicate", id: first.id });
        const otherArticle = comment({ bodyHash: "same", article: "immunotherapie-sein", created: new Date(now) });
        assert.equal((await store.submit(otherArticle, RULES)).kind, "created");
        const muchLater = comment({ bodyHash: "same", created: new Date(now + 23 * HOUR) });
        assert.equal((await store.submit(muchLater, RULES)).kind, "created");
        assert.equal((await store.list({ status: "all" })).length, 3);
      }),
    );

    it(
      "refuses a client past the flood limit until its first submission leaves the window",
      withStore(async (store) => {
        const t0 = Date.now() - 30 * MINUTE;
        const at = (minutes: number): Date => new Date(t0 + minutes * MINUTE);
        for (const minutes of [0, 10, 20]) {
          assert.equal((await store.submit(comment({ clientHash: "lecteur", created: at(minutes) }), RULES)).kind, "created");
        }
        assert.deepEqual(await store.submit(comment({ clientHash: "lecteur", created: at(25) }), RULES), {
          kind: "flooded",
          retryAfterSeconds: 35 * 60,
        });
        assert.equal((await store.submit(comment({ clientHash: "autre", created: at(25) }), RULES)).kind, "created");
        assert.equal((await store.submit(comment({ clientHash: null, created: at(25) }), RULES)).kind, "created");
        assert.equal((await store.submit(comment({ clientHash: "lecteur", created: at(61) }), RULES)).kind, "created");
        assert.equal((await store.submit(comment({ clientHash: "lecteur", created: at(62) }), RULES)).kind, "flooded");
      }),
    );

    it(
      "holds the flood limit and the duplicate check across two handles submitting at once",
      withStore(async (store, db) => {
        const other = await db.open();
        try {
          const stores = [store, other];
          const flood = await Promise.all(
            Array.from({ length: 20 }, (_, i) => (stores[i % 2] as CommentStore).submit(comment({ clientHash: "rafale" }), RULES)),
          );
          assert.equal(flood.filter((result) => result.kind === "created").length, RULES.floodLimit);
          assert.equal(flood.filter((result) => result.kind === "flooded").length, 20 - RULES.floodLimit);

          const copies = await Promise.all(
            Array.from({ length: 10 }, (_, i) => (stores[i % 2] as CommentStore).submit(comment({ bodyHash: "copie" }), RULES)),
          );
          const created = copies.filter((result) => result.kind === "created");
          assert.equal(created.length, 1);
          assert.ok(copies.every((result) => "id" in result && result.id === created[0]?.id));
          assert.equal((await other.list({ status: "all" })).length, RULES.floodLimit + 1);
        } finally {
          await other.close();
        }
      }),
    );

    it(
      "lets a signed form time serve one comment, across two handles at once, and gives it back when nothing was stored",
      withStore(async (store, db) => {
        assert.equal((await store.submit(comment({ formToken: "jeton-1" }), RULES)).kind, "created");
        assert.deepEqual(await store.submit(comment({ formToken: "jeton-1" }), RULES), { kind: "token-used" });
        // Refused as a duplicate: the token was not spent, and serves the next comment.
        const first = comment({ bodyHash: "deja-vu", formToken: "jeton-2" });
        await store.submit(first, RULES);
        assert.deepEqual(await store.submit(comment({ bodyHash: "deja-vu", formToken: "jeton-3" }), RULES), { kind: "duplicate", id: first.id });
        assert.equal((await store.submit(comment({ formToken: "jeton-3" }), RULES)).kind, "created");
        // Without a token (no JavaScript), nothing to spend.
        for (let i = 0; i < 2; i++) assert.equal((await store.submit(comment({ formToken: null }), RULES)).kind, "created");

        const other = await db.open();
        try {
          const stores = [store, other];
          const race = await Promise.all(
            Array.from({ length: 10 }, (_, i) => (stores[i % 2] as CommentStore).submit(comment({ formToken: "jeton-partage" }), RULES)),
          );
          assert.equal(race.filter((result) => result.kind === "created").length, 1);
          assert.equal(race.filter((result) => result.kind === "token-used").length, 9);
        } finally {
          await other.close();
        }
        assert.equal((await store.list({ status: "all" })).length, 6);
      }),
    );

    it(
      "fails a submission that cannot be stored without failing those submitted with it",
      withStore(async (store) => {
        const taken = comment();
        await store.submit(taken, RULES);
        const first = comment({ clientHash: "voisin", bodyHash: "premier" });
        const [before, clash, after] = await Promise.allSettled([
          store.submit(first, RULES),
          store.submit(comment({ id: taken.id }), RULES),
          store.submit(comment({ clientHash: "voisin" }), RULES),
        ]);
        assert.equal(before.status === "fulfilled" && before.value.kind, "created");
        assert.equal(clash.status, "rejected");
        assert.equal(after.status === "fulfilled" && after.value.kind, "created");
        assert.equal((await store.list({ status: "all" })).length, 3);
        // The checks count what was stored once, though the group it came in was rolled back.
        assert.deepEqual(await store.submit(comment({ bodyHash: "premier" }), RULES), { kind: "duplicate", id: first.id });
        assert.equal((await store.submit(comment({ clientHash: "voisin" }), RULES)).kind, "created");
        assert.equal((await store.submit(comment({ clientHash: "voisin" }), RULES)).kind, "flooded");
      }),
    );

    it(
      "no longer counts an erased comment as a duplicate or for the flood limit, whichever handle erased it",
      withStore(async (store, db) => {
        const other = await db.open();
        try {
          const erased = Array.from({ length: RULES.floodLimit }, (_, i) =>
            comment({ clientHash: "efface", email: "efface@exemple.fr", bodyHash: i === 0 ? "texte-efface" : `autre-${i}` }),
          );
          for (const item of erased) await store.submit(item, RULES);
          assert.equal((await store.submit(comment({ clientHash: "efface" }), RULES)).kind, "flooded");
          assert.equal((await other.deleteByEmail("efface@exemple.fr")).length, RULES.floodLimit);
          assert.equal((await store.submit(comment({ bodyHash: "texte-efface" }), RULES)).kind, "created");
          assert.equal((await store.submit(comment({ clientHash: "efface" }), RULES)).kind, "created");
        } finally {
          await other.close();
        }
      }),
    );

    it(
      "inserts a staff reply and approves its parent in the same step",
      withStore(async (store) => {
        const parent = comment();
        await store.submit(parent, RULES);
        const reply = comment({ parent: parent.id, staff: true, authorId: "redaction", email: null, clientHash: null, status: "approved" });
        await store.insertReply(reply, true);
        const [storedParent, storedReply] = [await store.get(parent.id), await store.get(reply.id)];
        assert.equal(storedParent?.status, "approved");
        assert.equal(storedParent?.syncNeeded, true);
        assert.equal(storedReply?.staff, true);
        assert.equal(storedReply?.authorId, "redaction");
        assert.equal(storedReply?.syncNeeded, true);
        const lone = comment({ staff: true, status: "approved" });
        await store.insertReply({ ...lone, parent: parent.id }, false);
        assert.equal((await store.get(lone.id))?.parent, parent.id);
      }),
    );

    it(
      "lists by status and article in arrival order, and tracks what publication still owes",
      withStore(async (store) => {
        const base = Date.now() - HOUR;
        const a = comment({ created: new Date(base + 2000), article: "vaccins-grippe" });
        const b = comment({ created: new Date(base + 1000), article: "immunotherapie-sein" });
        const c = comment({ created: new Date(base + 3000), article: "vaccins-grippe" });
        for (const item of [a, b, c]) await store.submit(item, RULES);
        const ids = async (filter: Parameters<CommentStore["list"]>[0]): Promise<string[]> =>
          (await store.list(filter)).map((item) => item.id);
        assert.deepEqual(await ids({ status: "all" }), [b.id, a.id, c.id]);
        assert.deepEqual(await ids({ status: "pending", article: "vaccins-grippe" }), [a.id, c.id]);

        const approved = await store.setStatus(a.id, "approved");
        assert.equal(approved?.status, "approved");
        assert.equal(approved?.syncNeeded, true);
        assert.equal(await store.setStatus("inconnu00", "approved"), undefined);
        await store.setStatus(c.id, "spam");
        assert.deepEqual(await ids({ status: "approved" }), [a.id]);
        assert.deepEqual((await store.listSyncNeeded()).map((item) => item.id), [a.id, c.id]);

        await store.markSynced(a.id, "approved");
        // A status changed since the sync started keeps its own sync pending.
        await store.markSynced(c.id, "approved");
        assert.deepEqual((await store.listSyncNeeded()).map((item) => item.id), [c.id]);
      }),
    );

    it(
      "finds and deletes everything held for an e-mail address, whatever its case",
      withStore(async (store) => {
        const mine = [comment({ email: "Paul@Exemple.fr" }), comment({ email: "paul@exemple.fr" })];
        const theirs = comment({ email: "autre@exemple.fr" });
        for (const item of [...mine, theirs]) await store.submit(item, RULES);
        assert.deepEqual((await store.findByEmail("PAUL@exemple.fr")).map((item) => item.id).sort(), mine.map((item) => item.id).sort());
        const deleted = await store.deleteByEmail("paul@EXEMPLE.fr");
        assert.deepEqual(deleted.map((item) => item.id).sort(), mine.map((item) => item.id).sort());
        assert.equal(await store.get(mine[0]?.id ?? ""), undefined);
        assert.deepEqual((await store.list({ status: "all" })).map((item) => item.id), [theirs.id]);
      }),
    );

    it(
      "erases e-mail addresses, client hashes and flood records older than the retention date",
      withStore(async (store) => {
        const now = Date.now();
        const old = comment({ created: new Date(now - 10 * MINUTE), clientHash: "ancien" });
        const recent = comment({ created: new Date(now) });
        await store.submit(old, { ...RULES, floodLimit: 1 });
        await store.submit(recent, RULES);
        assert.equal((await store.submit(comment({ clientHash: "ancien" }), { ...RULES, floodLimit: 1 })).kind, "flooded");
        assert.equal(await store.purgePersonalData(new Date(now - MINUTE)), 1);
        assert.equal(await store.purgePersonalData(new Date(now - MINUTE)), 0);
        const erased = await store.get(old.id);
        assert.equal(erased?.email, null);
        assert.equal(erased?.clientHash, null);
        assert.equal(erased?.body, old.body);
        assert.equal((await store.get(recent.id))?.email, recent.email);
        assert.equal((await store.submit(comment({ clientHash: "ancien" }), { ...RULES, floodLimit: 1 })).kind, "created");
      }),
    );

    it(
      "keeps moderator alerts in an outbox: queued with the comment, claimed once, retried later",
      withStore(async (store, db) => {
        const quiet = comment();
        const loud = comment();
        await store.submit(quiet, RULES);
        await store.submit(loud, { ...RULES, queueAlert: true });
        // A refused or duplicate submission queues nothing.
        await store.submit(comment({ bodyHash: loud.bodyHash }), { ...RULES, queueAlert: true });
        // Taken after the submissions: an alert is due from its comment's time, which may be a
        // millisecond after a clock read before them.
        const now = new Date();

        const lease = new Date(now.getTime() + MINUTE);
        const [claimed, ...rest] = await store.claimAlerts(now, lease, 10);
        assert.deepEqual(rest, []);
        assert.equal(claimed?.commentId, loud.id);
        assert.equal(claimed?.attempts, 0);
        assert.equal(claimed?.created.getTime(), loud.created.getTime());
        const other = await db.open();
        try {
          assert.deepEqual(await other.claimAlerts(now, lease, 10), [], "leased to the first claimer");
        } finally {
          await other.close();
        }
        const id = claimed?.id ?? 0;
        await store.postponeAlerts([id], new Date(now.getTime() + 2 * MINUTE), "connexion refusée");
        assert.deepEqual(await store.claimAlerts(new Date(now.getTime() + 90_000), lease, 10), []);
        const [retried] = await store.claimAlerts(new Date(now.getTime() + 2 * MINUTE), new Date(now.getTime() + 3 * MINUTE), 10);
        assert.equal(retried?.attempts, 1);
        await store.removeAlerts([id]);
        assert.deepEqual(await store.claimAlerts(new Date(now.getTime() + HOUR), lease, 10), []);

        await store.submit(comment({ created: new Date(now.getTime() - 10 * MINUTE) }), { ...RULES, queueAlert: true });
        await store.purgePersonalData(new Date(now.getTime() - MINUTE));
        assert.deepEqual(await store.claimAlerts(new Date(now.getTime() + HOUR), lease, 10), [], "purged with the personal data");
      }),
    );

    it(
      "migrates an empty database once when two instances start together, and keeps data when reopened",
      withStore(async (store, db) => {
        const kept = comment();
        await store.submit(kept, RULES);
        const reopened = await db.open();
        try {
          assert.equal((await reopened.get(kept.id))?.body, kept.body);
        } finally {
          await reopened.close();
        }
        const versions = (await db.sql("SELECT version FROM schema_version ORDER BY version")).map((row) => Number(row.version));
        assert.ok(versions.length > 0);
        assert.deepEqual(versions, versions.map((_, i) => i + 1));

        const fresh = await backend.fresh();
        try {
          const together = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
          await Promise.all(together.map((handle) => handle.close()));
          const freshVersions = (await fresh.sql("SELECT version FROM schema_version ORDER BY version")).map((row) => Number(row.version));
          assert.deepEqual(freshVersions, versions);
        } finally {
          await fresh.drop();
        }
      }),
    );

    it(
      "edits a comment's text, keeping each text before with who and when, and erases them with the personal data",
      withStore(async (store) => {
        const pending = comment({ body: "Appelez-moi au 06 12 34 56 78." });
        const approved = comment({ email: "oubli@exemple.fr" });
        await store.submit(pending, RULES);
        await store.submit(approved, RULES);
        await store.setStatus(approved.id, "approved");
        await store.markSynced(approved.id, "approved");
        const at = new Date("2026-05-01T10:00:00Z");
        const edited = await store.editBody(pending.id, "Appelez-moi au [numéro retiré].", "Claire", at);
        assert.equal(edited?.body, "Appelez-moi au [numéro retiré].");
        assert.equal(edited?.syncNeeded, false, "a pending comment has no file to write again");
        assert.deepEqual(await store.actions(pending.id), [{ action: "edit", actor: "Claire", at, before: "Appelez-moi au 06 12 34 56 78.", reason: null }]);
        const again = await store.editBody(approved.id, "Texte corrigé.", "Paul", new Date("2026-05-02T10:00:00Z"));
        assert.equal(again?.syncNeeded, true, "an approved comment's file is written again");
        assert.equal(await store.editBody("inconnu00", "x", "Paul", at), undefined);
        assert.deepEqual(await store.actions("inconnu00"), []);

        await store.purgePersonalData(new Date("2026-05-01T12:00:00Z"));
        assert.deepEqual(await store.actions(pending.id), [{ action: "edit", actor: "Claire", at, before: null, reason: null }], "the text before, past the retention period, is erased");
        assert.equal((await store.actions(approved.id))[0]?.before, approved.body, "a later edit keeps it");
        await store.deleteByEmail("oubli@exemple.fr");
        assert.deepEqual(await store.actions(approved.id), [], "forgetting an address forgets its comments' edits");
      }),
    );

    it(
      "takes a published comment down with who and why, keeping its place or not, and forgets that at the next status",
      withStore(async (store) => {
        const published = comment();
        await store.submit(published, RULES);
        await store.setStatus(published.id, "approved");
        await store.markSynced(published.id, "approved");
        const at = new Date("2026-05-03T10:00:00Z");
        const down = await store.unpublish(published.id, "Claire", at, "conseil dangereux", true);
        assert.deepEqual([down?.status, down?.removed, down?.syncNeeded], ["rejected", true, true]);
        assert.deepEqual(await store.actions(published.id), [{ action: "unpublish", actor: "Claire", at, before: null, reason: "conseil dangereux" }]);
        assert.equal((await store.setStatus(published.id, "approved"))?.removed, false, "approved again, it is a comment again");
        assert.equal((await store.unpublish(published.id, "Paul", at, null, false))?.removed, false);
        assert.equal(await store.unpublish("inconnu00", "Paul", at, null, false), undefined);
      }),
    );

    it(
      "keeps block rules once per kind and value, counts what they caught, and removes them",
      withStore(async (store) => {
        const at = new Date("2026-05-04T10:00:00Z");
        const word = await store.addBlockRule("mot", "casino", at);
        const again = await store.addBlockRule("mot", "casino", new Date());
        assert.deepEqual(again, word, "the same rule, not a second one");
        const domain = await store.addBlockRule("domaine", "pilules.example", at);
        await store.countCaught([word.id, domain.id]);
        await store.countCaught([word.id]);
        await store.countCaught([]);
        assert.deepEqual((await store.listBlockRules()).map((r) => [r.kind, r.value, r.caught, r.created.toISOString()]), [
          ["mot", "casino", 2, at.toISOString()],
          ["domaine", "pilules.example", 1, at.toISOString()],
        ]);
        assert.equal(await store.removeBlockRule(word.id), true);
        assert.equal(await store.removeBlockRule(word.id), false);
        assert.deepEqual((await store.listBlockRules()).map((r) => r.value), ["pilules.example"]);
      }),
    );

    it(
      "keeps moderator accounts once per name, disables them, and records who set a comment's status",
      withStore(async (store) => {
        const at = new Date("2026-05-05T10:00:00Z");
        const account = { name: "claire", passwordSalt: "00ff", passwordHash: "abcd", authorId: "redaction" };
        assert.equal(await store.addModerator(account, at), true);
        assert.equal(await store.addModerator({ ...account, passwordHash: "autre" }, at), false);
        assert.deepEqual(await store.getModerator("claire"), { ...account, disabled: false, created: at });
        assert.equal(await store.getModerator("personne"), undefined);
        assert.equal(await store.disableModerator("claire"), true);
        assert.equal(await store.disableModerator("personne"), false);
        assert.deepEqual((await store.listModerators()).map((a) => [a.name, a.disabled]), [["claire", true]]);

        const c = comment();
        await store.submit(c, RULES);
        await store.setStatus(c.id, "approved", "claire");
        await store.setStatus(c.id, "pending");
        assert.deepEqual((await store.actions(c.id)).map((a) => [a.action, a.actor]), [["approved", "claire"]], "a status set without an actor is not recorded");
      }),
    );

    it(
      "keeps one reply notification request per comment, queues its confirmation, and a reply's message only once confirmed",
      withStore(async (store, db) => {
        const at = new Date();
        const asked = comment({ email: "Lea@Exemple.fr" });
        await store.submit(asked, RULES);
        await store.setStatus(asked.id, "approved");
        const request = { commentId: asked.id, email: "Lea@Exemple.fr", nonce: "n1", created: at };
        assert.equal(await store.requestNotification(request), true);
        assert.equal(await store.requestNotification({ ...request, nonce: "n2" }), false, "a second request for the comment");
        assert.deepEqual(await store.getSubscription(asked.id), { ...request, confirmed: null });
        const lease = new Date(at.getTime() + MINUTE);
        const [confirmMail, ...none] = await store.claimReaderMail(new Date(at.getTime() + 1), lease, 10);
        assert.deepEqual([confirmMail?.kind, confirmMail?.commentId, confirmMail?.replyId, none.length], ["confirm", asked.id, null, 0]);
        assert.deepEqual(await store.claimReaderMail(new Date(at.getTime() + 2), lease, 10), [], "claimed: hidden until the lease ends");
        await store.readerMailDone(confirmMail!.id, at);

        const early = comment({ parent: asked.id, email: "autre@exemple.fr", created: new Date(at.getTime() + 1) });
        await store.submit(early, RULES);
        await store.setStatus(early.id, "approved");
        assert.deepEqual(await store.claimReaderMail(new Date(Date.now() + HOUR), lease, 10), [], "nothing to an address not confirmed");

        assert.equal(await store.confirmSubscription(asked.id, at), true);
        assert.equal(await store.confirmSubscription(asked.id, at), false, "confirmed once");
        const reply = comment({ parent: asked.id, email: "autre@exemple.fr", created: new Date(at.getTime() + 2) });
        await store.submit(reply, RULES);
        await store.setStatus(reply.id, "approved");
        await store.setStatus(reply.id, "pending");
        await store.setStatus(reply.id, "approved");
        const own = comment({ parent: asked.id, email: "lea@exemple.fr", created: new Date(at.getTime() + 3) });
        await store.submit(own, RULES);
        await store.setStatus(own.id, "approved");
        const staff = comment({ parent: asked.id, email: null, clientHash: null, staff: true, status: "approved", created: new Date(at.getTime() + 4) });
        await store.insertReply(staff, false);
        const due = await store.claimReaderMail(new Date(Date.now() + HOUR), new Date(Date.now() + 2 * HOUR), 10);
        assert.deepEqual(
          due.map((mail) => [mail.kind, mail.commentId, mail.replyId]),
          [
            ["reply", asked.id, reply.id],
            ["reply", asked.id, staff.id],
          ],
          "one message per reply approved after confirmation, however often approved; none for the reader's own reply",
        );
        await store.postponeReaderMail(due[0]!.id, new Date(0), "SMTP indisponible");
        const [retried] = await store.claimReaderMail(new Date(Date.now() + 3 * HOUR), new Date(Date.now() + 4 * HOUR), 10);
        assert.deepEqual([retried?.id, retried?.attempts], [due[0]!.id, 1]);

        assert.deepEqual((await store.subscriptionsByEmail("LEA@exemple.fr")).map((r) => r.commentId), [asked.id]);
        assert.equal(await store.removeSubscription(asked.id), true);
        assert.equal(await store.removeSubscription(asked.id), false);
        assert.equal(await store.getSubscription(asked.id), undefined);
        assert.deepEqual(await db.sql("SELECT email FROM reply_subscriptions"), []);
        assert.deepEqual(await db.sql("SELECT id FROM reader_mail WHERE kind = 'reply' AND " + (backend.name === "SQLite" ? "done_ms" : "done") + " IS NULL"), [], "what waited for it goes too");
      }),
    );

    it(
      "erases reply notification requests with the address (forget) and at the retention limit",
      withStore(async (store, db) => {
        const old = new Date(Date.now() - 100 * 24 * HOUR);
        const first = comment({ email: "paul@exemple.fr", created: old });
        const second = comment({ email: "nina@exemple.fr" });
        for (const c of [first, second]) {
          await store.submit(c, RULES);
          await store.requestNotification({ commentId: c.id, email: c.email!, nonce: "n", created: c.created });
        }
        await store.purgePersonalData(new Date(Date.now() - 90 * 24 * HOUR));
        assert.equal(await store.getSubscription(first.id), undefined, "past the retention limit");
        assert.notEqual(await store.getSubscription(second.id), undefined);
        await store.deleteByEmail("NINA@exemple.fr");
        assert.deepEqual(await db.sql("SELECT email FROM reply_subscriptions"), []);
        assert.deepEqual(await store.claimReaderMail(new Date(Date.now() + HOUR), new Date(Date.now() + 2 * HOUR), 10), []);
      }),
    );

    it(
      "refuses a row the schema should never hold, naming its column, rather than handing it on",
      withStore(async (store, db) => {
        const c = comment();
        await store.submit(c, RULES);
        await db.sql(`UPDATE comments SET signals = '{"lien": 1}' WHERE id = '${c.id}'`);
        await assert.rejects(store.get(c.id), /Valeur inattendue dans la base, colonne signals/u);
      }),
    );

    it(
      "answers ping while its schema is there, and fails it once the schema is gone",
      withStore(async (store, db) => {
        await store.ping();
        await db.sql("DROP TABLE schema_version");
        await assert.rejects(store.ping());
      }),
    );
  });
}

describe("storage: PostgreSQL, during a rolling upgrade", { skip: PG_SKIP }, () => {
  it("still answers the previous version's call, pouls_submit, as the store answers", async () => {
    const schema = await freshSchema();
    const store = await openPostgresStore(schema.url, { log });
    try {
      const submit = async (id: string, body: string) =>
        (
          await schema.query(
            `SELECT kind, comment_id, retry_after FROM pouls_submit($1, 'vaccins-grippe', NULL, 'Marie', NULL, 'lecteur', $2,
               $2, 'pending', 0, '[]', now(), 1, interval '1 hour', interval '24 hours', false)`,
            [id, body],
          )
        )[0];
      assert.deepEqual(await submit("ancien00a", "Un texte"), { kind: "created", comment_id: "ancien00a", retry_after: null });
      assert.deepEqual(await submit("ancien00b", "Un texte"), { kind: "duplicate", comment_id: "ancien00a", retry_after: null });
      const flooded = await submit("ancien00c", "Un autre texte");
      assert.equal(flooded?.kind, "flooded");
      assert.ok(Number(flooded?.retry_after) > 3500);
      assert.equal((await store.get("ancien00a"))?.body, "Un texte");
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
