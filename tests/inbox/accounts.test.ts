// Named moderator accounts: made and disabled with the CLI, logged in through the web UI, each
// action signed with the account, a disabled account's open session refused at its next request,
// and login attempts limited per account.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { BACKENDS, inboxOnBackend } from "./backends.ts";
import { Moderator, postJson, runCli, validFields } from "./helpers.ts";

for (const backend of BACKENDS) describe(`named moderator accounts: ${backend.name}`, { skip: backend.skip }, () => {
  const on = inboxOnBackend(backend, { TRUST_PROXY: "1" });
  let claire = "";

  const cli = (...args: string[]) => runCli(on.fixture, args, on.database.env);

  it("are made with the CLI, which gives the password once and keeps only its hash", async () => {
    const made = await cli("user", "add", "claire", "--author", "redaction");
    assert.equal(made.code, 0, made.stderr);
    claire = made.stdout.trim().split("\n").at(-1)!;
    assert.match(claire, /^[A-Za-z0-9_-]{20,}$/u);
    assert.equal((await cli("user", "add", "paul")).code, 0);
    const listed = JSON.parse((await cli("user", "list", "--json")).stdout) as { name: string; authorId: string | null; disabled: boolean }[];
    assert.deepEqual(listed.map((a) => [a.name, a.authorId, a.disabled]), [["claire", "redaction", false], ["paul", null, false]]);
    assert.doesNotMatch(JSON.stringify(listed), new RegExp(claire), "the password is never shown again");

    const twice = await cli("user", "add", "claire");
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /existe déjà/u);
    assert.match((await cli("user", "add", "Claire Martin")).stderr, /un identifiant de 2 à 40 caractères/u);
    assert.match((await cli("user", "add", "lea", "--author", "inconnu")).stderr, /n’est pas un membre de la rédaction/u);
    assert.equal((await cli("user", "disable", "personne")).code, 1);
  });

  it("log in through the web UI, sign each action, and sign replies as their author by default", async () => {
    const moderator = new Moderator(on.inbox.url);
    const wrong = await moderator.login("pas le bon mot de passe", "claire");
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Identifiant ou mot de passe incorrect/u);
    assert.equal((await moderator.login(claire, "claire")).status, 303);

    const { body } = await postJson(on.inbox.url, validFields({ body: "Un commentaire que Claire approuve." }));
    const id = String(body.id);
    const { html, csrf } = await moderator.page("/moderation/");
    assert.equal(parse(html).querySelector(`#reponse-${id}-auteur option[selected]`)?.getAttribute("value"), "redaction");
    await moderator.post(`/moderation/commentaires/${id}/approuver`, { _csrf: csrf, retour: "pending" });
    const shown = JSON.parse((await cli("show", id, "--json")).stdout) as { actions: { action: string; actor: string }[] };
    assert.deepEqual(shown.actions.map((a) => [a.action, a.actor]), [["approved", "claire"]]);
    const page = await moderator.page("/moderation/?statut=approved");
    assert.match(parse(page.html).getElementById(`c-${id}`)!.text, /Approuvé le .* par claire/u);
  });

  it("refuse a disabled account's open session at its next request, and its next login", async () => {
    const moderator = new Moderator(on.inbox.url);
    assert.equal((await moderator.login(claire, "claire")).status, 303);
    const { csrf } = await moderator.page("/moderation/");
    const disabled = await cli("user", "disable", "claire");
    assert.match(disabled.stdout, /désactivé/u);
    const next = await moderator.request("/moderation/", { redirect: "manual" });
    assert.equal(next.status, 303);
    assert.equal(next.headers.get("location"), "/moderation/connexion");
    await next.body?.cancel();
    const { body } = await postJson(on.inbox.url, validFields({ body: "Après la désactivation." }));
    const action = await moderator.post(`/moderation/commentaires/${String(body.id)}/approuver`, { _csrf: csrf, retour: "pending" });
    assert.equal(action.status, 403);
    await action.body?.cancel();
    const again = await new Moderator(on.inbox.url).login(claire, "claire");
    assert.equal(again.status, 401);
    await again.body?.cancel();
  });

  it("limit login attempts per account, from any client", async () => {
    const from = (i: number) => new Moderator(on.inbox.url, { "X-Forwarded-For": `198.51.100.${i}` });
    for (let i = 0; i < 5; i++) {
      const response = await from(i).login("mauvais mot de passe", "paul");
      assert.equal(response.status, 401);
      await response.body?.cancel();
    }
    const locked = await from(9).login("mauvais mot de passe", "paul");
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get("retry-after")) > 0);
    await locked.body?.cancel();
    const other = await from(10).login("mauvais mot de passe", "claire");
    assert.equal(other.status, 401, "another account from another client is not held back");
    await other.body?.cancel();
  });
});
