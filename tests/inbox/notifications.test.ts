// Reply notifications through a real inbox on SQLite and PostgreSQL and a real SMTP server: the
// double opt-in, one message per approved reply, RFC 8058 one-click unsubscribe, refusals of
// forged, expired and replayed links, the outbox across an SMTP outage and a restart, and the
// address's erasure.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { signedLink } from "../../src/inbox/notification-links.ts";
import { BACKENDS, inboxOnBackend } from "./backends.ts";
import { freePort, makeFixture, postComment, postJson, runCli, SECRET, SITE_URL, startInbox, validFields, waitFor } from "./helpers.ts";
import { startSmtp, type Received } from "./smtp.ts";

const LINK = /https?:\/\/\S+\/api\/notifications\/(?:confirm|unsubscribe)\?\S+/gu;

// The message's links point at the public inbox address (SITE_URL here); the test's inbox listens elsewhere.
const local = (link: string, inboxUrl: string): string => link.replace(SITE_URL, inboxUrl);
const linksOf = (message: Received): { confirm?: string; unsubscribe?: string } => {
  const links = message.text.match(LINK) ?? [];
  return { confirm: links.find((l) => l.includes("/confirm?")), unsubscribe: links.find((l) => l.includes("/unsubscribe?")) };
};

function assertUnsubscribeHeaders(message: Received): void {
  const { unsubscribe } = linksOf(message);
  assert.ok(unsubscribe, "an unsubscribe link in the text");
  assert.equal(message.header("List-Unsubscribe"), `<${unsubscribe}>`);
  assert.equal(message.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
}

for (const backend of BACKENDS) describe(`reply notifications: ${backend.name}`, { skip: backend.skip }, () => {
  const env: Record<string, string> = { INBOX_FLOOD_LIMIT: "50" };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  describe("with SMTP", () => {
    // Registered before the inbox's set-up, so that it runs first and the inbox gets the address.
    before(async () => {
      const port = await freePort();
      env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      smtp = await startSmtp(port);
    });
    after(() => smtp?.close());
    const on = inboxOnBackend(backend, env);
    const to = (address: string) => smtp.received.filter((message) => message.to.includes(address));
    const cli = async (args: string[]): Promise<string> => {
      const result = await runCli(on.fixture, args, on.database.env);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    const staffReply = async (parent: string, text: string): Promise<string> =>
      /Réponse (\S+) enregistrée/u.exec(await cli(["reply", parent, "--as", "redaction", text]))?.[1] ?? assert.fail("no reply id");
    const replyRows = async (comment: string) =>
      on.database.query(`SELECT reply_id FROM reader_mail WHERE kind = 'reply' AND comment_id = '${comment}'`);

    it("asks for confirmation and sends nothing else before it; once confirmed, one message per approved reply, linked to its anchor", async () => {
      const posted = await postJson(on.inbox.url, validFields({ email: "lea@exemple.fr", name: "Léa", body: "Combien de séances faut-il prévoir ?", notify: "1" }));
      assert.equal(posted.status, 201);
      assert.equal(posted.body.notify, "confirm");
      const id = String(posted.body.id);
      const [confirmation] = await waitFor("the confirmation", () => (to("lea@exemple.fr").length > 0 ? to("lea@exemple.fr") : undefined));
      assert.ok(confirmation);
      assert.match(confirmation.subject, /^Confirmez pour être prévenu d’une réponse : « Immunothérapie et cancer du sein »$/u);
      assert.match(confirmation.text, /^Bonjour Léa,/u);
      assertUnsubscribeHeaders(confirmation);
      const confirm = linksOf(confirmation).confirm ?? assert.fail("no confirmation link");
      assert.ok(confirm.startsWith(`${SITE_URL}/api/notifications/confirm?`));

      // A reply approved before the confirmation: nothing queued for an unconfirmed address.
      await cli(["approve", id]);
      await staffReply(id, "Cela dépend du protocole ; votre oncologue vous le dira.");
      assert.deepEqual(await replyRows(id), []);

      // Opening the link changes nothing (a mail scanner may fetch it); its button confirms.
      const page = await fetch(local(confirm, on.inbox.url));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post" action="\/api\/notifications\/confirm\?[^"]+"><p><button type="submit">Confirmer<\/button>/u);
      assert.equal((await on.database.query(`SELECT * FROM reply_subscriptions WHERE comment_id = '${id}'`)).length, 1);
      const done = await fetch(local(confirm, on.inbox.url), { method: "POST" });
      assert.equal(done.status, 200);
      assert.match(await done.text(), /C’est confirmé/u);
      const replayed = await fetch(local(confirm, on.inbox.url), { method: "POST" });
      assert.equal(replayed.status, 410, "a confirmation link serves once");
      assert.match(await replayed.text(), /Ce lien a déjà servi/u);

      const replyId = await staffReply(id, "Comptez en général une séance toutes les trois semaines.");
      await cli(["approve", replyId]);
      const messages = await waitFor("the reply's message", () => (to("lea@exemple.fr").length >= 2 ? to("lea@exemple.fr") : undefined));
      const replyMail = messages[1]!;
      assert.equal(replyMail.subject, "Réponse à votre commentaire : « Immunothérapie et cancer du sein »");
      assert.match(replyMail.text, /Comptez en général une séance toutes les trois semaines\./u);
      assert.ok(replyMail.text.includes(`${SITE_URL}/articles/immunotherapie-sein/#commentaire-${replyId}`), replyMail.text);
      assert.doesNotMatch(replyMail.text, /votre oncologue/u, "the reply approved before confirmation is not sent");
      assertUnsubscribeHeaders(replyMail);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      assert.equal(to("lea@exemple.fr").length, 2, "approved twice, announced once");
    });

    it("refuses forged and expired links, and links to another comment", async () => {
      const posted = await postJson(on.inbox.url, validFields({ email: "sam@exemple.fr", body: "Une question sur les effets secondaires.", notify: "1" }));
      const id = String(posted.body.id);
      const [message] = await waitFor("the confirmation", () => (to("sam@exemple.fr").length > 0 ? to("sam@exemple.fr") : undefined));
      const { confirm, unsubscribe } = linksOf(message!);
      for (const link of [confirm!, unsubscribe!]) {
        const url = new URL(local(link, on.inbox.url));
        const forged = new URL(url);
        forged.searchParams.set("s", `${url.searchParams.get("s")!.slice(0, -2)}AA`);
        assert.equal((await fetch(forged, { method: "POST" })).status, 403, `forged ${url.pathname}`);
        const later = new URL(url);
        later.searchParams.set("x", String(Number(url.searchParams.get("x")) + 86_400));
        assert.equal((await fetch(later, { method: "POST" })).status, 403, `expiry moved ${url.pathname}`);
        const other = new URL(url);
        other.searchParams.set("c", "inconnu00");
        assert.equal((await fetch(other, { method: "POST" })).status, 410);
      }
      // Properly signed, with the request's own nonce, but expired.
      const [row] = await on.database.query(`SELECT nonce FROM reply_subscriptions WHERE comment_id = '${id}'`);
      for (const purpose of ["confirm", "unsubscribe"] as const) {
        const expired = signedLink(on.inbox.url, SECRET, purpose, { commentId: id, nonce: String(row?.nonce) }, new Date(Date.now() - 60_000));
        const refused = await fetch(expired, { method: "POST" });
        assert.equal(refused.status, 410, purpose);
        assert.match(await refused.text(), /Lien expiré/u);
      }
      assert.notEqual((await on.database.query(`SELECT * FROM reply_subscriptions WHERE comment_id = '${id}'`)).length, 0, "the request still stands");
      const [still] = await on.database.query(`SELECT confirmed${backend.name === "SQLite" ? "_ms" : ""} AS confirmed FROM reply_subscriptions WHERE comment_id = '${id}'`);
      assert.equal(still?.confirmed, null, "none of them confirmed anything");
    });

    it("unsubscribes in one click (RFC 8058 POST, no login), erases the address, refuses the link again and sends nothing more", async () => {
      const posted = await postJson(on.inbox.url, validFields({ email: "noe@exemple.fr", body: "Merci, et une précision ?", notify: "1" }));
      const id = String(posted.body.id);
      const [message] = await waitFor("the confirmation", () => (to("noe@exemple.fr").length > 0 ? to("noe@exemple.fr") : undefined));
      const { confirm, unsubscribe } = linksOf(message!);
      assert.equal((await fetch(local(confirm!, on.inbox.url), { method: "POST" })).status, 200);

      const oneClick = await fetch(local(unsubscribe!, on.inbox.url), {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      assert.equal(oneClick.status, 200);
      assert.match(await oneClick.text(), /Vous êtes désabonné/u);
      assert.deepEqual(await on.database.query("SELECT email FROM reply_subscriptions WHERE lower(email) = 'noe@exemple.fr'"), []);
      assert.equal((await fetch(local(unsubscribe!, on.inbox.url), { method: "POST" })).status, 410, "already done");
      assert.equal((await fetch(local(confirm!, on.inbox.url), { method: "POST" })).status, 410, "confirming again does not bring it back");

      await cli(["approve", id]);
      await staffReply(id, "Voici la précision demandée.");
      assert.deepEqual(await replyRows(id), []);
    });

    it("lists the request in export-email and erases it with forget-email", async () => {
      const posted = await postJson(on.inbox.url, validFields({ email: "ines@exemple.fr", body: "Mon commentaire à oublier.", notify: "1" }));
      const exported = JSON.parse(await cli(["export-email", "INES@exemple.fr"])) as { notifications: { comment: string; email: string; confirmed: null }[] };
      assert.deepEqual(exported.notifications.map((n) => [n.comment, n.email, n.confirmed]), [[String(posted.body.id), "ines@exemple.fr", null]]);
      await cli(["forget-email", "ines@exemple.fr"]);
      assert.deepEqual(await on.database.query("SELECT email FROM reply_subscriptions WHERE lower(email) = 'ines@exemple.fr'"), []);
    });

    it("without JavaScript, the ticked box comes back to the confirmation notice; a 422 page keeps it ticked", async () => {
      const response = await postComment(on.inbox.url, validFields({ email: "jo@exemple.fr", body: "Envoyé sans JavaScript.", notify: "1" }));
      assert.equal(response.status, 303);
      assert.equal(response.headers.get("location"), `${SITE_URL}/articles/immunotherapie-sein/#commentaire-en-attente-confirmation`);
      const invalid = await postComment(on.inbox.url, validFields({ email: "pas-une-adresse", body: "Adresse fausse.", notify: "1" }));
      assert.equal(invalid.status, 422);
      assert.match(await invalid.text(), /<input id="comment-notify" name="notify" type="checkbox" value="1" aria-describedby="comment-notify-hint" checked>/u);
    });
  });

  describe("SMTP down, then up, then a restart", () => {
    it("accepts the comment at once, delivers the confirmation once the server is back, and sends nothing twice after a restart", async () => {
      const fixture = makeFixture();
      const database = await backend.prepare(fixture);
      const port = await freePort();
      const inboxEnv = { ...database.env, SMTP_URL: `smtp://127.0.0.1:${port}` };
      let inbox = await startInbox(fixture, inboxEnv);
      let server: Awaited<ReturnType<typeof startSmtp>> | undefined;
      try {
        const posted = await postJson(inbox.url, validFields({ email: "max@exemple.fr", body: "Posté pendant la panne.", notify: "1" }));
        assert.equal(posted.status, 201);
        assert.equal(posted.body.notify, "confirm");
        await waitFor("a failed attempt", () => (/Message au lecteur non envoyé/u.test(inbox.output()) ? true : undefined));
        server = await startSmtp(port);
        await waitFor("the confirmation", () => (server?.received.length ? true : undefined));
        await inbox.stop();
        inbox = await startInbox(fixture, inboxEnv);
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        assert.deepEqual(server.received.map((m) => m.to), [["max@exemple.fr"]]);
      } finally {
        await inbox.stop();
        await server?.close();
        await database.drop();
      }
    });
  });
});

describe("reply notifications without SMTP", () => {
  const on = inboxOnBackend(BACKENDS[0]!);
  it("accepts the comment, says no e-mail will be sent, and keeps no request", async () => {
    const posted = await postJson(on.inbox.url, validFields({ email: "eva@exemple.fr", notify: "1" }));
    assert.equal(posted.status, 201);
    assert.equal(posted.body.notify, "off");
    const plain = await postComment(on.inbox.url, validFields({ email: "eva@exemple.fr", body: "Sans JavaScript, sans SMTP.", notify: "1" }));
    assert.equal(plain.status, 303);
    assert.equal(plain.headers.get("location"), `${SITE_URL}/articles/immunotherapie-sein/#commentaire-en-attente-sans-e-mail`);
    assert.deepEqual(await on.database.query("SELECT * FROM reply_subscriptions"), []);
    assert.deepEqual(await on.database.query("SELECT * FROM reader_mail"), []);
  });
});
