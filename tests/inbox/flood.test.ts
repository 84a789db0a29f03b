import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { makeFixture, postComment, postJson, runCli, startInbox, validFields, type RunningInbox } from "./helpers.ts";

describe("flood limit", () => {
  const fixture = makeFixture();
  const env = { INBOX_FLOOD_LIMIT: "3", TRUST_PROXY: "1" };
  const running: RunningInbox[] = [];
  after(() => Promise.all(running.map((inbox) => inbox.stop())));

  const from = (address: string): Record<string, string> => ({ "X-Forwarded-For": `203.0.113.250, ${address}` });

  it("answers 429 past INBOX_FLOOD_LIMIT per client per hour, other clients unaffected, and holds across a restart", async () => {
    const first = await startInbox(fixture, env);
    running.push(first);
    for (let i = 1; i <= 3; i += 1) {
      const { status } = await postJson(first.url, validFields({ body: `Commentaire numéro ${i}` }), from("198.51.100.7"));
      assert.equal(status, 201);
    }
    const refused = await postJson(first.url, validFields({ body: "Un de trop" }), from("198.51.100.7"));
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error, "flood");

    const page = await postComment(first.url, validFields({ body: "Texte à ne pas perdre" }), { headers: from("198.51.100.7") });
    assert.equal(page.status, 429);
    assert.ok(Number(page.headers.get("retry-after")) > 0);
    assert.match(await page.text(), /Texte à ne pas perdre<\/textarea>/u);

    const other = await postJson(first.url, validFields({ body: "Un autre lecteur" }), from("198.51.100.8"));
    assert.equal(other.status, 201);

    await first.stop();
    const second = await startInbox(fixture, env);
    running.push(second);
    const afterRestart = await postJson(second.url, validFields({ body: "Après redémarrage" }), from("198.51.100.7"));
    assert.equal(afterRestart.status, 429);
    const stillUp = await postJson(second.url, validFields({ body: "Toujours en service" }), from("198.51.100.9"));
    assert.equal(stillUp.status, 201);
  });

  it("takes the same short text from two readers as two comments, and from one reader twice as a duplicate", async () => {
    const inbox = await startInbox(fixture, env);
    running.push(inbox);
    const thanks = validFields({ article: "vaccins-grippe", body: "Merci !" });
    const one = await postJson(inbox.url, thanks, from("198.51.100.21"));
    const other = await postJson(inbox.url, thanks, from("198.51.100.22"));
    assert.equal(one.status, 201);
    assert.equal(other.status, 201, JSON.stringify(other.body));
    assert.notEqual(other.body.id, one.body.id);
    const again = await postJson(inbox.url, thanks, from("198.51.100.21"));
    assert.equal(again.status, 409);
    assert.equal(again.body.error, "duplicate");
    assert.equal(again.body.id, one.body.id);
  });

  it("never stores the client address, only its keyed hash", async () => {
    const shown = await runCli(fixture, ["list", "--status", "all", "--json"]);
    const [comment] = JSON.parse(shown.stdout) as { id: string }[];
    const details = await runCli(fixture, ["show", String(comment?.id), "--json"]);
    assert.doesNotMatch(details.stdout, /198\.51\.100/u);
    assert.match(details.stdout, /"clientHash": "[0-9a-f]{64}"/u);
    const { readFileSync } = await import("node:fs");
    const raw = readFileSync(fixture.dbPath).toString("latin1") + readFileSync(`${fixture.dbPath}-wal`, { flag: "a+" }).toString("latin1");
    assert.doesNotMatch(raw, /198\.51\.100/u);
  });
});
