import assert from "node:assert/strict";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, it } from "node:test";
import { makeFixture, postJson, runCli, startInbox, validFields } from "./helpers.ts";

describe("npm run moderate -- backup", () => {
  it("copies the SQLite store consistently while the inbox keeps taking comments, and the copy restores", async () => {
    const fixture = makeFixture();
    let inbox = await startInbox(fixture);
    const acknowledged: string[] = [];
    let writing = true;
    const post = async (i: number): Promise<void> => {
      const { status, body } = await postJson(inbox.url, validFields({ body: `Pendant la sauvegarde ${i}` }));
      assert.equal(status, 201);
      acknowledged.push(String(body.id));
    };
    const writer = (async () => {
      for (let i = 0; writing; i += 1) await post(i);
    })();
    const backup = path.join(fixture.dir, "sauvegardes", "inbox.sqlite");
    try {
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = [...acknowledged];
      const result = await runCli(fixture, ["backup", backup]);
      writing = false;
      await writer;
      assert.equal(result.code, 0, result.stderr);
      const count = Number(/\((\d+) commentaire\(s\)\)/u.exec(result.stdout)?.[1]);
      assert.ok(count >= before.length, `${count} ≥ ${before.length}`);
      assert.ok(count < acknowledged.length, "the inbox kept writing during the backup");
      assert.ok(!existsSync(`${backup}-wal`));

      const copy = new DatabaseSync(backup, { readOnly: true });
      const ids = (copy.prepare("SELECT id FROM comments").all() as { id: string }[]).map((row) => row.id);
      assert.equal((copy.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check, "ok");
      copy.close();
      assert.equal(ids.length, count);
      for (const id of before) assert.ok(ids.includes(id), id);

      // Restore: the inbox stopped, the copy put in place of the file (and of its WAL).
      await inbox.stop();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${fixture.dbPath}${suffix}`, { force: true });
      copyFileSync(backup, fixture.dbPath);
      inbox = await startInbox(fixture);
      const listed = JSON.parse((await runCli(fixture, ["list", "--json"])).stdout) as { id: string }[];
      assert.deepEqual(listed.map((comment) => comment.id).sort(), [...ids].sort());
      assert.equal((await postJson(inbox.url, validFields({ body: "Après la restauration" }))).status, 201);
    } finally {
      writing = false;
      await writer.catch(() => undefined);
      await inbox.stop();
    }
  });

  it("replaces an older backup, and points PostgreSQL users to pg_dump", async () => {
    const fixture = makeFixture();
    const inbox = await startInbox(fixture);
    const backup = path.join(fixture.dir, "inbox-backup.sqlite");
    try {
      await runCli(fixture, ["backup", backup]);
      await postJson(inbox.url, validFields({ body: "Arrivé entre deux sauvegardes" }));
      const second = await runCli(fixture, ["backup", backup]);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /\(1 commentaire\(s\)\)/u);
    } finally {
      await inbox.stop();
    }
    const postgres = await runCli(fixture, ["backup", backup], { DATABASE_URL: "postgres://pouls@127.0.0.1:1/pouls" });
    assert.equal(postgres.code, 1);
    assert.match(postgres.stderr, /pg_dump --format=custom/u);
    const usage = await runCli(fixture, ["backup"]);
    assert.equal(usage.code, 2);
  });
});
