import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import {
  ARTICLES,
  makeFixture,
  Moderator,
  PASSWORD,
  postJson,
  runCli,
  SITE_URL,
  startInbox,
  validFields,
  type Fixture,
  type RunningInbox,
} from "./helpers.ts";
import { BACKENDS, inboxOnBackend } from "./backends.ts";

// The suite's fixture and inbox, and the environment that points the CLI at the inbox's store.
let fixture: Fixture;
let inbox: RunningInbox;
let storeEnv: Record<string, string> = {};

const cli = (args: string[]) => runCli(fixture, args, storeEnv);

async function newComment(overrides: Record<string, string> = {}): Promise<string> {
  const { status, body } = await postJson(inbox.url, validFields({ body: `Commentaire ${Math.random()}`, ...overrides }));
  assert.equal(status, 201);
  return String(body.id);
}

async function statusOf(id: string): Promise<string> {
  const result = await cli(["show", id, "--json"]);
  return String((JSON.parse(result.stdout) as Record<string, unknown>).status);
}

describe("moderation UI access", () => {
  before(async () => {
    fixture = makeFixture();
    storeEnv = {};
    inbox = await startInbox(fixture);
  });
  after(() => inbox.stop());

  it("shows no page without login: GET redirects to the login page", async () => {
    for (const pathname of ["/moderation/", "/moderation/?statut=spam", "/moderation/inconnu"]) {
      const response = await fetch(`${inbox.url}${pathname}`, { redirect: "manual" });
      assert.ok([303, 404].includes(response.status), pathname);
      if (response.status === 303) assert.equal(response.headers.get("location"), "/moderation/connexion");
      assert.doesNotMatch(await response.text(), /Commentaire /u);
    }
  });

  it("refuses every action without a session, even with a token taken from the login page", async () => {
    const id = await newComment();
    const visitor = new Moderator(inbox.url);
    const { csrf } = await visitor.page("/moderation/connexion");
    const response = await visitor.post(`/moderation/commentaires/${id}/approuver`, { _csrf: csrf, retour: "pending" });
    assert.equal(response.status, 403);
    await response.body?.cancel();
    const bare = await fetch(`${inbox.url}/moderation/commentaires/${id}/approuver`, {
      method: "POST",
      body: new URLSearchParams({ retour: "pending" }),
      redirect: "manual",
    });
    assert.equal(bare.status, 403);
    await bare.body?.cancel();
    assert.equal(await statusOf(id), "pending");
  });

  it("rejects a wrong password and logs in with the right one", async () => {
    const moderator = new Moderator(inbox.url);
    const wrong = await moderator.login("pas le bon mot de passe");
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Mot de passe incorrect/u);
    const right = await moderator.login(PASSWORD);
    assert.equal(right.status, 303);
    assert.equal(right.headers.get("location"), "/moderation/");
    const cookie = right.headers.get("set-cookie") ?? "";
    assert.match(cookie, /HttpOnly/u);
    assert.match(cookie, /SameSite=Strict/u);
    assert.doesNotMatch(cookie, /Secure/u);
    const { status, html } = await moderator.page("/moderation/");
    assert.equal(status, 200);
    assert.match(html, /<h1>Commentaires : en attente<\/h1>/u);
  });

  it("refuses a login without the login form's CSRF token", async () => {
    const moderator = new Moderator(inbox.url);
    await moderator.page("/moderation/connexion");
    const response = await moderator.post("/moderation/connexion", { _csrf: "faux", password: PASSWORD });
    assert.equal(response.status, 403);
    await response.body?.cancel();
  });

  it("sends a strict Content-Security-Policy and no script on every page", async () => {
    const moderator = new Moderator(inbox.url);
    await moderator.login();
    const response = await moderator.request("/moderation/");
    const csp = response.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'none'/u);
    assert.match(csp, /style-src 'self'/u);
    assert.doesNotMatch(csp, /unsafe-inline/u);
    assert.equal(response.headers.get("x-frame-options"), "DENY");
    const html = await response.text();
    assert.doesNotMatch(html, /<script|style="| on\w+=/u);
  });

  it("rate-limits login attempts", async () => {
    const moderator = new Moderator(inbox.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await moderator.login(`mauvais-${i}`);
      statuses.push(response.status);
      await response.body?.cancel();
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const blocked = await moderator.login(PASSWORD);
    assert.equal(blocked.status, 429);
    await blocked.body?.cancel();
  });
});

// Every flow on both stores: what the web UI does goes through the same store calls.
for (const backend of BACKENDS) describe(`moderation UI actions: ${backend.name}`, { skip: backend.skip }, () => {
  let moderator: Moderator;
  const on = inboxOnBackend(backend);
  before(async () => {
    ({ fixture, inbox } = on);
    storeEnv = on.database.env;
    moderator = new Moderator(inbox.url);
    const response = await moderator.login();
    assert.equal(response.status, 303);
  });

  it("refuses an action with a missing or wrong CSRF token", async () => {
    const id = await newComment();
    for (const fields of [{ retour: "pending" }, { _csrf: "x".repeat(43), retour: "pending" }] as Record<string, string>[]) {
      const response = await moderator.post(`/moderation/commentaires/${id}/approuver`, fields);
      assert.equal(response.status, 403);
      await response.body?.cancel();
    }
    const getAttempt = await moderator.request(`/moderation/commentaires/${id}/approuver`);
    assert.notEqual(getAttempt.status, 303);
    await getAttempt.body?.cancel();
    assert.equal(await statusOf(id), "pending");
  });

  it("shows script and markup injected into every field as escaped text", async () => {
    const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const id = await newComment({ name: `${payload}`.slice(0, 80), body: `Corps ${payload}`, website: "" });
    const spamId = await newComment({ name: "Robot", body: `Spam ${Math.random()}`, website: payload });
    const { html } = await moderator.page("/moderation/");
    assert.doesNotMatch(html, /<script>alert|<img src=x/u);
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert.ok(html.includes(`id="c-${id}"`));
    const spamPage = await moderator.page("/moderation/?statut=spam");
    assert.ok(spamPage.html.includes(`id="c-${spamId}"`));
    assert.match(spamPage.html, /Champ piège rempli : « &lt;script&gt;alert\(1\)/u);
    assert.doesNotMatch(spamPage.html, /<script>alert/u);
  });

  it("lists pending comments per article, with their spam signals", async () => {
    await newComment({ article: "vaccins-grippe", body: "Sur les vaccins, avec https://lien.example.fr" });
    const { html } = await moderator.page("/moderation/");
    const root = parse(html);
    const headings = root.querySelectorAll("h2").map((h) => h.text);
    assert.ok(headings.some((text) => text.startsWith("Vaccins contre la grippe")));
    assert.ok(headings.some((text) => text.startsWith("Immunothérapie et cancer du sein")));
    assert.match(html, /Contient 1 lien/u);
    assert.match(html, /Envoyé sans horodatage/u);
  });

  it("approves in one click: the file is written, without the e-mail", async () => {
    const id = await newComment({ email: "secret.lecteur@exemple.fr", body: "À publier depuis l’interface." });
    const { csrf } = await moderator.page("/moderation/");
    const response = await moderator.post(`/moderation/commentaires/${id}/approuver`, { _csrf: csrf, retour: "pending" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), `/moderation/?statut=pending&message=approved&annuler=${id}.pending`);
    const file = path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${id}.md`);
    const text = readFileSync(file, "utf8");
    assert.match(text, /À publier depuis l’interface\./u);
    assert.doesNotMatch(text, /secret\.lecteur|@exemple/u);
    assert.equal(await statusOf(id), "approved");
    // Without INBOX_REBUILD_COMMAND, nothing rebuilds the site: the moderator is told when it will be online.
    const { html } = await moderator.page(String(response.headers.get("location")));
    assert.match(html, /Commentaire approuvé : il sera en ligne à la prochaine construction du site \(npm run build/u);
    assert.doesNotMatch(html, /publié\./u);
  });

  it("flags personal data in a comment, and edits its text before approving: the file has the edited text, the inbox the original", async () => {
    const id = await newComment({ body: "Mon numéro : 06 12 34 56 78, rappelez-moi." });
    const { html, csrf } = await moderator.page("/moderation/");
    const block = parse(html).getElementById(`c-${id}`)!;
    assert.match(block.querySelector(".warning")!.text, /le texte contient peut-être un numéro de téléphone\./u);
    assert.match(block.querySelector(`textarea[name="body"]`)!.text, /06 12 34 56 78/u, "the form starts from the text as it is");

    const response = await moderator.post(`/moderation/commentaires/${id}/modifier`, { _csrf: csrf, retour: "pending", body: "Mon numéro : [retiré par la rédaction], rappelez-moi." });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/moderation/?statut=pending&message=edited");
    const after = await moderator.page(String(response.headers.get("location")));
    assert.match(after.html, /Texte du commentaire modifié ; le texte d’origine est gardé dans la boîte\./u);
    const edited = parse(after.html).getElementById(`c-${id}`)!;
    assert.equal(edited.querySelector(".warning"), null);
    assert.match(edited.text, /Texte modifié le .* par mot de passe commun/u);

    const shown = JSON.parse((await cli(["show", id, "--json"])).stdout) as { actions: { actor: string; before: string }[] };
    assert.deepEqual(shown.actions.map((e) => [e.actor, e.before]), [["mot de passe commun", "Mon numéro : 06 12 34 56 78, rappelez-moi."]]);
    await moderator.post(`/moderation/commentaires/${id}/approuver`, { _csrf: after.csrf, retour: "pending" });
    const file = readFileSync(path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${id}.md`), "utf8");
    assert.match(file, /\[retiré par la rédaction\]/u);
    assert.doesNotMatch(file, /06 12/u);

    const noToken = await moderator.post(`/moderation/commentaires/${id}/modifier`, { retour: "pending", body: "Sans jeton." });
    assert.equal(noToken.status, 403);
    await noToken.body?.cancel();
    const empty = await moderator.post(`/moderation/commentaires/${id}/modifier`, { _csrf: after.csrf, retour: "pending", body: " " });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Écrivez votre commentaire/u);
  });

  it("takes a published comment down from the approved list, with a reason, keeping its reply under a placeholder", async () => {
    const id = await newComment({ body: "Arrêtez votre traitement, ça marche mieux sans." });
    await cli(["approve", id]);
    const replied = await cli(["reply", id, "--as", "redaction", "Ne changez rien sans votre médecin."]);
    const replyId = /Réponse (\S+) enregistrée/u.exec(replied.stdout)![1]!;
    const { html, csrf } = await moderator.page("/moderation/?statut=approved");
    const form = parse(html).querySelector(`form[action="/moderation/commentaires/${id}/retirer"]`)!;
    assert.ok(form.querySelector('input[name="reason"]'));
    assert.ok(form.querySelector('input[name="with-replies"]'), "offered since a reply is published under it");
    const response = await moderator.post(`/moderation/commentaires/${id}/retirer`, { _csrf: csrf, retour: "approved", reason: "conseil dangereux" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/moderation/?statut=approved&message=unpublished");
    const after = await moderator.page("/moderation/?statut=rejected");
    assert.match(parse(after.html).getElementById(`c-${id}`)!.text, /Retiré du site le .* par mot de passe commun : conseil dangereux/u);
    assert.equal(await statusOf(id), "rejected");
    const dir = path.join(fixture.contentDir, "comments", "immunotherapie-sein");
    assert.doesNotMatch(readFileSync(path.join(dir, `${id}.md`), "utf8"), /Arrêtez/u, "a placeholder without the text");
    assert.ok(existsSync(path.join(dir, `${replyId}.md`)), "the reply stays");
    const noToken = await moderator.post(`/moderation/commentaires/${id}/retirer`, { retour: "approved" });
    assert.equal(noToken.status, 403);
    await noToken.body?.cancel();
  });

  it("approves several comments at once, with CSRF, and says how many", async () => {
    const ids = [await newComment(), await newComment(), await newComment()];
    const { html, csrf } = await moderator.page("/moderation/");
    const root = parse(html);
    assert.ok(root.querySelector('form#lot button[name="action"][value="approuver"]'));
    for (const id of ids) assert.equal(root.querySelector(`input[name="c-${id}"]`)?.getAttribute("form"), "lot");
    const response = await moderator.post("/moderation/lot", { _csrf: csrf, retour: "pending", action: "approuver", [`c-${ids[0]}`]: "1", [`c-${ids[1]}`]: "1" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/moderation/?statut=pending&message=lot-approved&nombre=2");
    assert.deepEqual([await statusOf(ids[0]!), await statusOf(ids[1]!), await statusOf(ids[2]!)], ["approved", "approved", "pending"]);
    assert.ok(existsSync(path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${ids[1]}.md`)));
    const { html: after } = await moderator.page(String(response.headers.get("location")));
    assert.match(after, /2 commentaire\(s\) approuvé\(s\)/u);

    const noToken = await moderator.post("/moderation/lot", { retour: "pending", action: "rejeter", [`c-${ids[2]}`]: "1" });
    assert.equal(noToken.status, 403);
    await noToken.body?.cancel();
    const none = await moderator.post("/moderation/lot", { _csrf: csrf, retour: "pending", action: "rejeter" });
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Cochez au moins un commentaire/u);
    assert.equal(await statusOf(ids[2]!), "pending");
  });

  it("links each article of the queue to its page on the site", async () => {
    await newComment({ article: "vaccins-grippe", body: `Lien vers l’article ${Math.random()}` });
    const root = parse((await moderator.page("/moderation/")).html);
    const link = root.querySelectorAll("h2 a").find((a) => a.text.startsWith("Vaccins contre la grippe"));
    assert.equal(link?.getAttribute("href"), `${SITE_URL}${ARTICLES.find((a) => a.slug === "vaccins-grippe")?.url}`);
  });

  it("takes the last action back in one click: « Annuler » after approving withdraws the file and puts the comment back in the queue", async () => {
    const id = await newComment({ body: `Approuvé par erreur ${Math.random()}` });
    let { csrf } = await moderator.page("/moderation/");
    const approved = await moderator.post(`/moderation/commentaires/${id}/approuver`, { _csrf: csrf, retour: "pending" });
    const file = path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${id}.md`);
    assert.ok(existsSync(file));
    const after = await moderator.page(String(approved.headers.get("location")));
    csrf = after.csrf;
    const undo = parse(after.html).querySelector(`.flash form[action="/moderation/commentaires/${id}/annuler"]`);
    assert.ok(undo, "the message offers « Annuler »");
    assert.equal(undo.querySelector("input[name=statut]")?.getAttribute("value"), "pending");
    const undone = await moderator.post(`/moderation/commentaires/${id}/annuler`, { _csrf: csrf, retour: "pending", statut: "pending" });
    assert.equal(undone.status, 303);
    assert.equal(await statusOf(id), "pending");
    assert.ok(!existsSync(file), "the published file is withdrawn");
    assert.match((await moderator.page(String(undone.headers.get("location")))).html, /Commentaire remis en attente\./u);
  });

  it("rejects and marks as spam in one click, withdrawing a published file", async () => {
    const rejected = await newComment();
    const spam = await newComment();
    let { csrf } = await moderator.page("/moderation/");
    assert.equal((await moderator.post(`/moderation/commentaires/${rejected}/rejeter`, { _csrf: csrf, retour: "pending" })).status, 303);
    assert.equal((await moderator.post(`/moderation/commentaires/${spam}/approuver`, { _csrf: csrf, retour: "pending" })).status, 303);
    const file = path.join(fixture.contentDir, "comments", "immunotherapie-sein", `${spam}.md`);
    assert.ok(existsSync(file));
    ({ csrf } = await moderator.page("/moderation/?statut=approved"));
    assert.equal((await moderator.post(`/moderation/commentaires/${spam}/spam`, { _csrf: csrf, retour: "approved" })).status, 303);
    assert.equal(await statusOf(rejected), "rejected");
    assert.equal(await statusOf(spam), "spam");
    assert.ok(!existsSync(file));
  });

  it("publishes a staff reply and approves its pending parent", async () => {
    const parent = await newComment({ body: "Est-ce remboursé ?" });
    const { csrf } = await moderator.page("/moderation/");
    const response = await moderator.post(`/moderation/commentaires/${parent}/repondre`, {
      _csrf: csrf,
      retour: "pending",
      author: "redaction",
      body: "Oui, sur prescription.",
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/moderation/?statut=pending&message=replied-approved");
    assert.equal(await statusOf(parent), "approved");
    const replies = (JSON.parse((await cli(["list", "--status", "approved", "--json"])).stdout) as Record<string, unknown>[]).filter(
      (comment) => comment.parent === parent,
    );
    assert.equal(replies.length, 1);
    assert.equal(replies[0]?.name, "L’équipe Pouls");
    assert.equal(replies[0]?.staff, true);
    const notStaff = await moderator.post(`/moderation/commentaires/${parent}/repondre`, {
      _csrf: csrf,
      retour: "pending",
      author: "invite",
      body: "Je ne suis pas de la rédaction.",
    });
    assert.equal(notStaff.status, 422);
    assert.match(await notStaff.text(), /Je ne suis pas de la rédaction\./u);
  });

  it("logs out: the session no longer opens pages", async () => {
    const { csrf } = await moderator.page("/moderation/");
    const response = await moderator.post("/moderation/deconnexion", { _csrf: csrf });
    assert.equal(response.status, 303);
    const after = await fetch(`${inbox.url}/moderation/`, { redirect: "manual", headers: { Cookie: moderator.cookie } });
    assert.equal(after.status, 303);
    await after.body?.cancel();
  });
});
