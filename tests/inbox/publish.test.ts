import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { makeFixture, Moderator, postJson, runCli, startInbox, validFields } from "./helpers.ts";

describe("publication", () => {
  it("resumes at start a publication that a crash left unfinished", async () => {
    const fixture = makeFixture();
    let inbox = await startInbox(fixture);
    const { body } = await postJson(inbox.url, validFields({ body: "Approuvé juste avant la panne." }));
    await inbox.stop();
    // The state a crash leaves between the status commit and the file write.
    const db = new DatabaseSync(fixture.dbPath);
    db.prepare("UPDATE comments SET status = 'approved', sync_needed = 1 WHERE id = ?").run(String(body.id));
    db.close();
    const file = path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${String(body.id)}.md`);
    assert.ok(!existsSync(file));
    inbox = await startInbox(fixture);
    try {
      assert.match(readFileSync(file, "utf8"), /Approuvé juste avant la panne\./u);
      assert.match(inbox.output(), /Publication reprise pour 1 commentaire/u);
      // No temporary file is left beside the published one.
      assert.deepEqual(readdirSync(path.dirname(file)), [`${String(body.id)}.md`]);
    } finally {
      await inbox.stop();
    }
  });

  it("answers a failed publication with a generic 500, then completes it at the next start", async () => {
    const fixture = makeFixture();
    // A file where the comments directory should be: writing the comment fails.
    writeFileSync(path.join(fixture.contentDir, "comments"), "pas un dossier");
    let inbox = await startInbox(fixture);
    const { body } = await postJson(inbox.url, validFields({ body: "Publication interrompue." }));
    const moderator = new Moderator(inbox.url);
    await moderator.login();
    const { csrf } = await moderator.page("/moderation/");
    const response = await moderator.post(`/moderation/commentaires/${String(body.id)}/approuver`, { _csrf: csrf, retour: "pending" });
    assert.equal(response.status, 500);
    const page = await response.text();
    assert.match(page, /Une erreur est survenue de notre côté/u);
    assert.doesNotMatch(page, /ENOTDIR|EEXIST|\.ts|at /u);
    assert.match(inbox.output(), /Erreur interne/u);
    await inbox.stop();

    rmSync(path.join(fixture.contentDir, "comments"));
    inbox = await startInbox(fixture);
    try {
      const file = path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${String(body.id)}.md`);
      assert.match(readFileSync(file, "utf8"), /Publication interrompue\./u);
    } finally {
      await inbox.stop();
    }
  });

  it("commits the published file with git when INBOX_GIT_COMMIT=1, and only that file", async () => {
    const fixture = makeFixture();
    const git = (...args: string[]): string => execFileSync("git", ["-C", fixture.contentDir, ...args], { encoding: "utf8", env: gitEnv });
    const gitEnv = {
      ...process.env,
      HOME: fixture.dir,
      GIT_AUTHOR_NAME: "Pouls",
      GIT_AUTHOR_EMAIL: "inbox@pouls.test",
      GIT_COMMITTER_NAME: "Pouls",
      GIT_COMMITTER_EMAIL: "inbox@pouls.test",
    };
    git("init", "--quiet");
    git("add", "authors/redaction.yaml");
    const env = { INBOX_GIT_COMMIT: "1", GIT_AUTHOR_NAME: "Pouls", GIT_AUTHOR_EMAIL: "inbox@pouls.test", GIT_COMMITTER_NAME: "Pouls", GIT_COMMITTER_EMAIL: "inbox@pouls.test" };
    const inbox = await startInbox(fixture);
    try {
      const { body } = await postJson(inbox.url, validFields());
      const id = String(body.id);
      const result = await runCli(fixture, ["approve", id], env);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(git("log", "--format=%s").trim(), `Commentaire ${id} publié`);
      assert.equal(git("show", "--name-only", "--format=", "HEAD").trim(), `comments/immunotherapie-sein/${id}.md`);
      // What was staged before stays staged and uncommitted.
      assert.match(git("status", "--porcelain"), /^A {2}authors\/redaction\.yaml$/mu);
      await runCli(fixture, ["reject", id], env);
      assert.equal(git("log", "-1", "--format=%s").trim(), `Commentaire ${id} retiré`);
    } finally {
      await inbox.stop();
    }
  });

  it("runs INBOX_REBUILD_COMMAND once after a burst of approvals, without the inbox's secrets", async () => {
    const fixture = makeFixture();
    const marker = path.join(fixture.dir, "rebuilds.log");
    const environment = path.join(fixture.dir, "rebuild-env.txt");
    const inbox = await startInbox(fixture, { INBOX_REBUILD_COMMAND: `env > "${environment}"; echo reconstruit >> "${marker}"` });
    try {
      const ids = [];
      for (let i = 0; i < 3; i += 1) ids.push(String((await postJson(inbox.url, validFields({ body: `Rafale ${i}` }))).body.id));
      const moderator = new Moderator(inbox.url);
      await moderator.login();
      for (const id of ids) {
        const { csrf } = await moderator.page("/moderation/");
        const response = await moderator.post(`/moderation/commentaires/${id}/approuver`, { _csrf: csrf, retour: "pending" });
        assert.equal(response.status, 303);
      }
      assert.ok(!existsSync(marker));
      await sleep(3_500);
      assert.equal(readFileSync(marker, "utf8"), "reconstruit\n");
      const seen = readFileSync(environment, "utf8");
      assert.match(seen, /POULS_CONTENT_DIR=/u);
      assert.doesNotMatch(seen, /MODERATION_PASSWORD|INBOX_SECRET/u);
    } finally {
      await inbox.stop();
    }
  });
});

describe("retention", () => {
  it("erases e-mail addresses and client hashes older than COMMENT_RETENTION_DAYS at start", async () => {
    const fixture = makeFixture();
    let inbox = await startInbox(fixture);
    const { body } = await postJson(inbox.url, validFields({ email: "ancien@exemple.fr" }));
    await inbox.stop();
    const before = JSON.parse((await runCli(fixture, ["export-email", "ancien@exemple.fr"])).stdout) as { comments: unknown[] };
    assert.equal(before.comments.length, 1);
    inbox = await startInbox(fixture, { COMMENT_RETENTION_DAYS: "0" });
    await inbox.stop();
    const after = JSON.parse((await runCli(fixture, ["export-email", "ancien@exemple.fr"])).stdout) as { comments: unknown[] };
    assert.equal(after.comments.length, 0);
    const shown = JSON.parse((await runCli(fixture, ["show", String(body.id), "--json"])).stdout) as Record<string, unknown>;
    assert.equal(shown.email, null);
    assert.equal(shown.clientHash, null);
    assert.equal(shown.body, validFields().body);
  });
});
