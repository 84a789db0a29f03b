// Readers' reports of published comments, through a real inbox on SQLite and PostgreSQL: the
// form without JavaScript, the JSON answer, refusals, the rate limit, and what moderators see.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { BACKENDS, inboxOnBackend } from "./backends.ts";
import { approvedComment, Moderator, postJson, runCli, SITE_URL, validFields } from "./helpers.ts";

for (const backend of BACKENDS) describe(`reports of comments: ${backend.name}`, { skip: backend.skip }, () => {
  const on = inboxOnBackend(backend, { INBOX_FLOOD_LIMIT: "3", TRUST_PROXY: "1" });

  // A comment posted and approved, on this backend, each by a reader of its own: the flood limit
  // here is 3 comments per client.
  let writers = 0;
  const approved = (overrides: Record<string, string> = {}): Promise<string> =>
    approvedComment(on.fixture, on.inbox.url, overrides, { env: on.database.env, headers: { "X-Forwarded-For": `203.0.113.${++writers}` } });


  const report = (fields: Record<string, string>, from: string, json = false) =>
    fetch(`${on.inbox.url}/api/reports`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams(fields),
      headers: { "X-Forwarded-For": from, ...(json ? { Accept: "application/json" } : {}) },
    });

  it("takes a report of a published comment, with or without JavaScript, and shows it to moderators grouped by comment", async () => {
    const id = await approved({ body: "Arrêtez vos médicaments, le jeûne suffit." });
    const form = await fetch(`${on.inbox.url}/api/reports?comment=${id}`);
    assert.equal(form.status, 200);
    const page = parse(await form.text());
    assert.equal(page.querySelectorAll('input[type="radio"][name="reason"]').length, 5);
    assert.ok(page.querySelector(`input[name="comment"][value="${id}"]`));

    const plain = await report({ comment: id, reason: "danger", text: "Conseil dangereux." }, "198.51.100.1");
    assert.equal(plain.status, 303);
    assert.equal(plain.headers.get("location"), `${SITE_URL}/articles/immunotherapie-sein/#signalement-recu`);
    const withJs = await report({ comment: id, reason: "autre", text: "" }, "198.51.100.2", true);
    assert.equal(withJs.status, 201);
    assert.deepEqual(await withJs.json(), { ok: true });

    const listed = JSON.parse((await runCli(on.fixture, ["reports", "--json"], on.database.env)).stdout) as { comment: string; reports: { reason: string; text: string }[] }[];
    assert.deepEqual(listed.map((g) => [g.comment, g.reports.map((r) => [r.reason, r.text])]), [[id, [["danger", "Conseil dangereux."], ["autre", ""]]]]);
    const moderator = new Moderator(on.inbox.url);
    await moderator.login();
    const { html } = await moderator.page("/moderation/?statut=approved");
    assert.match(parse(html).getElementById(`c-${id}`)!.text, /Signalé 2 fois par des lecteurs[\s\S]*Conseil dangereux pour la santé[\s\S]*« Conseil dangereux\. »/u);
    assert.match(html, /Approuvés \(\d+, dont 1 signalé\)/u);
  });

  it("refuses a report of a comment that is not published, or without a reason, keeping what was typed", async () => {
    const { body } = await postJson(on.inbox.url, validFields({ body: "Pas encore publié." }), { "X-Forwarded-For": "203.0.113.200" });
    assert.equal((await report({ comment: String(body.id), reason: "spam" }, "198.51.100.3")).status, 404);
    assert.equal((await fetch(`${on.inbox.url}/api/reports?comment=${String(body.id)}`)).status, 404);
    assert.equal((await report({ comment: "inconnu12", reason: "spam" }, "198.51.100.3")).status, 404);
    const id = await approved();
    const noReason = await report({ comment: id, reason: "", text: "Mon explication." }, "198.51.100.3");
    assert.equal(noReason.status, 422);
    const again = await noReason.text();
    assert.match(again, /Choisissez la raison du signalement/u);
    assert.match(again, /Mon explication\./u);
    const json = await report({ comment: id, reason: "nimporte" }, "198.51.100.3", true);
    assert.equal(json.status, 422);
    assert.equal(((await json.json()) as { error: string }).error, "invalid");
  });

  it("limits reports per client per hour, like comments", async () => {
    const id = await approved();
    for (let i = 0; i < 3; i++) assert.equal((await report({ comment: id, reason: "spam" }, "198.51.100.9", true)).status, 201);
    const flooded = await report({ comment: id, reason: "spam" }, "198.51.100.9", true);
    assert.equal(flooded.status, 429);
    assert.ok(Number(flooded.headers.get("retry-after")) > 0);
    assert.equal((await report({ comment: id, reason: "spam" }, "198.51.100.10", true)).status, 201);
  });
});
