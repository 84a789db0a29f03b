import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { makeFixture, postJson, runCli, startInbox, validFields, type Fixture, type RunningInbox } from "./helpers.ts";

let fixture: Fixture;
let inbox: RunningInbox;

before(async () => {
  fixture = makeFixture();
  inbox = await startInbox(fixture);
});
after(() => inbox.stop());

async function post(overrides: Record<string, string> = {}): Promise<string> {
  const { status, body } = await postJson(inbox.url, validFields({ body: `Texte ${Math.random()}`, ...overrides }));
  assert.equal(status, 201);
  return String(body.id);
}

async function cli(...args: string[]): Promise<string> {
  const result = await runCli(fixture, args);
  assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
  assert.equal(result.stderr, "");
  return result.stdout;
}

const listJson = async (status: string): Promise<Record<string, unknown>[]> =>
  JSON.parse(await cli("list", "--status", status, "--json")) as Record<string, unknown>[];

const published = (article: string, id: string): string => path.join(fixture.contentDir, "comments", article, `${id}.md`);

describe("moderation CLI", () => {
  it("lists pending comments by default, as text or JSON with the documented fields", async () => {
    const id = await post({ name: "Lucie", body: "Une question sur le dépistage." });
    const text = await cli("list");
    assert.match(text, new RegExp(`${id}\\s+pending\\s+immunotherapie-sein`, "u"));
    assert.match(text, /Une question sur le dépistage\./u);
    const json = await listJson("pending");
    const entry = json.find((comment) => comment.id === id);
    assert.ok(entry);
    for (const key of ["id", "article", "parent", "name", "body", "status", "created"]) assert.ok(key in entry, key);
    assert.equal(entry.name, "Lucie");
    assert.equal(entry.parent, null);
    assert.ok(!Number.isNaN(Date.parse(String(entry.created))));
    assert.ok(!("email" in entry));
    assert.equal((await listJson("approved")).length, 0);
  });

  it("shows one comment with everything held, e-mail included", async () => {
    const id = await post({ email: "montrer@exemple.fr" });
    const text = await cli("show", id);
    assert.match(text, /E-mail : montrer@exemple\.fr/u);
    const unknown = await runCli(fixture, ["show", "inconnu12"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /introuvable/u);
  });

  it("approves (publishing the file), rejects and marks as spam", async () => {
    const approved = await post({ email: "jamais.publie@exemple.fr", body: "Premier paragraphe.\n\nSecond paragraphe." });
    const rejected = await post();
    const spam = await post();
    assert.match(await cli("approve", approved), /approved/u);
    await cli("reject", rejected);
    await cli("spam", spam);
    assert.ok((await listJson("approved")).some((comment) => comment.id === approved));
    assert.ok((await listJson("rejected")).some((comment) => comment.id === rejected));
    assert.ok((await listJson("spam")).some((comment) => comment.id === spam));
    const file = readFileSync(published("immunotherapie-sein", approved), "utf8");
    assert.match(file, new RegExp(`^---\\nid: ${approved}\\narticle: immunotherapie-sein\\nparent: null\\nauthor: Marie Dupont\\ndate: \\S+\\nstaff: false\\n---\\n\\nPremier paragraphe\\.\\n\\nSecond paragraphe\\.\\n$`, "u"));
    assert.doesNotMatch(file, /jamais\.publie|@/u);
    assert.ok(!existsSync(published("immunotherapie-sein", rejected)));
    assert.equal((await runCli(fixture, ["approve", "inconnu12"])).code, 1);
  });

  it("publishes a staff reply, approving a pending parent and saying so", async () => {
    const parent = await post({ body: "Où se faire vacciner ?" });
    const result = await cli("reply", parent, "--as", "redaction", "En pharmacie ou chez votre médecin.");
    assert.match(result, new RegExp(`${parent} était en attente : il est maintenant approuvé`, "u"));
    const reply = (await listJson("approved")).find((comment) => comment.parent === parent);
    assert.ok(reply);
    assert.equal(reply.name, "L’équipe Pouls");
    assert.equal(reply.staff, true);
    const file = readFileSync(published("immunotherapie-sein", String(reply.id)), "utf8");
    assert.match(file, new RegExp(`parent: ${parent}\\n`, "u"));
    assert.match(file, /staff: true\n/u);
    assert.match(file, /author: L’équipe Pouls\n/u);
    assert.ok(existsSync(published("immunotherapie-sein", parent)));
  });

  it("refuses a reply signed by a non-staff or unknown author, or to spam", async () => {
    const parent = await post();
    for (const author of ["invite", "personne", "../etc"]) {
      const result = await runCli(fixture, ["reply", parent, "--as", author, "Réponse"]);
      assert.equal(result.code, 1, author);
      assert.match(result.stderr, /membre de la rédaction/u);
    }
    await cli("spam", parent);
    const toSpam = await runCli(fixture, ["reply", parent, "--as", "redaction", "Réponse"]);
    assert.equal(toSpam.code, 1);
    assert.equal((await listJson("all")).filter((comment) => comment.parent === parent).length, 0);
  });

  it("edits a comment's text before approving, flags personal data, keeps the original, and publishes the edited text", async () => {
    const id = await post({ body: "Mon fils a la même chose, appelez-moi au 06 12 34 56 78 ou à marie.d@exemple.fr." });
    assert.match(await cli("list"), new RegExp(`${id} .*⚠ contient peut-être : téléphone, adresse e-mail`, "u"));
    assert.deepEqual((await listJson("pending")).find((c) => c.id === id)?.personalData, ["téléphone", "adresse e-mail"]);
    assert.match(await cli("show", id), /À vérifier avant publication : le texte contient peut-être téléphone et adresse e-mail\./u);

    assert.match(await cli("edit", id, "Mon fils a la même chose. [Coordonnées retirées par la rédaction.]"), /modifié/u);
    const shown = JSON.parse(await cli("show", id, "--json")) as { body: string; personalData: string[]; actions: { action: string; actor: string; before: string; at: string }[] };
    assert.equal(shown.body, "Mon fils a la même chose. [Coordonnées retirées par la rédaction.]");
    assert.deepEqual(shown.personalData, []);
    assert.equal(shown.actions.length, 1);
    assert.equal(shown.actions[0]!.action, "edit");
    assert.match(shown.actions[0]!.actor, /^ligne de commande/u);
    assert.match(shown.actions[0]!.before, /06 12 34 56 78/u);
    assert.match(await cli("show", id), /Texte modifié le .* par ligne de commande/u);

    await cli("approve", id);
    const file = readFileSync(published("immunotherapie-sein", id), "utf8");
    assert.match(file, /Coordonnées retirées par la rédaction/u);
    assert.doesNotMatch(file, /06 12|marie\.d/u);
    // Edited once published: the file follows.
    await cli("edit", id, "Mon fils a la même chose.");
    assert.match(readFileSync(published("immunotherapie-sein", id), "utf8"), /\n\nMon fils a la même chose\.\n$/u);

    const same = await runCli(fixture, ["edit", id, "Mon fils a la même chose."]);
    assert.equal(same.code, 1);
    assert.match(same.stderr, /rien n’est changé/u);
    const empty = await runCli(fixture, ["edit", id, "  "]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /Écrivez votre commentaire/u);
    assert.equal((await runCli(fixture, ["edit", "inconnu12", "Un texte"])).code, 1);
  });

  it("takes a published comment down: its replies stay under a placeholder, or go with it", async () => {
    const question = await post({ body: "Une question publiée puis retirée." });
    await cli("approve", question);
    const reply = await post({ parent: question, body: "Une réponse qui reste." });
    await cli("approve", reply);
    const said = await cli("unpublish", question, "--reason", "conseil dangereux");
    assert.match(said, /retiré du site ; ses réponses restent, sous « Commentaire retiré »/u);
    const placeholder = readFileSync(published("immunotherapie-sein", question), "utf8");
    assert.match(placeholder, /removed: true/u);
    assert.doesNotMatch(placeholder, /Marie|Une question/u, "neither the author nor the text");
    assert.ok(existsSync(published("immunotherapie-sein", reply)));
    const shown = JSON.parse(await cli("show", question, "--json")) as { status: string; removed: boolean; actions: { action: string; reason: string }[] };
    assert.deepEqual([shown.status, shown.removed, shown.actions.at(-1)?.action, shown.actions.at(-1)?.reason], ["rejected", true, "unpublish", "conseil dangereux"]);
    assert.match(await cli("show", question), /Retiré du site le .* par ligne de commande .* : conseil dangereux/u);

    const other = await post({ body: "Un autre commentaire retiré avec sa réponse." });
    await cli("approve", other);
    const answer = await post({ parent: other, body: "Sa réponse, retirée aussi." });
    await cli("approve", answer);
    assert.match(await cli("unpublish", other, "--with-replies"), /retiré du site, avec 1 réponse\(s\)/u);
    assert.ok(!existsSync(published("immunotherapie-sein", other)));
    assert.ok(!existsSync(published("immunotherapie-sein", answer)));
    assert.equal((JSON.parse(await cli("show", answer, "--json")) as { status: string }).status, "rejected");

    const again = await runCli(fixture, ["unpublish", other]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /n’est pas publié/u);
  });

  it("explains its usage on a wrong command", async () => {
    const result = await runCli(fixture, ["publier", "x"]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Usage : npm run moderate/u);
    const badStatus = await runCli(fixture, ["list", "--status", "bizarre"]);
    assert.equal(badStatus.code, 2);
  });

  it("exports then forgets everything held for an e-mail address", async () => {
    const email = "oubliez.moi@exemple.fr";
    const kept = await post({ email, body: "Publié puis oublié." });
    const pending = await post({ email: "Oubliez.Moi@exemple.fr", body: "En attente puis oublié." });
    const other = await post({ email: "quelqu.un@exemple.fr" });
    await cli("approve", kept);
    const exported = JSON.parse(await cli("export-email", email)) as { comments: Record<string, unknown>[] };
    assert.deepEqual(exported.comments.map((comment) => comment.id).sort(), [kept, pending].sort());
    assert.equal(exported.comments[0]?.email?.toString().toLowerCase(), email);
    assert.match(await cli("forget-email", email), /2 commentaire/u);
    const afterwards = JSON.parse(await cli("export-email", email)) as { comments: unknown[] };
    assert.equal(afterwards.comments.length, 0);
    assert.ok(!existsSync(published("immunotherapie-sein", kept)));
    assert.equal((await runCli(fixture, ["show", other])).code, 0);
  });
});
