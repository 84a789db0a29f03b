// Moderator alerts through a real SMTP server (smtp-server) started by the test.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startSmtp } from "./smtp.ts";
import { freePort, makeFixture, postJson, runCli, startInbox, validFields, waitFor } from "./helpers.ts";

const MODERATORS = "moderation@pouls.test, chef@pouls.test";

describe("moderator alerts by e-mail", () => {
  it("mails the moderators a summary and a link to the moderation UI, with no action link", async () => {
    const port = await freePort();
    const smtp = await startSmtp(port);
    const fixture = makeFixture();
    const inbox = await startInbox(fixture, {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MODERATOR_EMAILS: MODERATORS,
      SMTP_FROM: "Pouls <alertes@pouls.test>",
      PUBLIC_INBOX_URL: "https://commentaires.pouls.test",
    });
    try {
      // Put aside by the spam score (honeypot filled): no alert for it.
      const spam = await postJson(inbox.url, validFields({ body: "Achetez maintenant", website: "http://spam.example" }));
      assert.equal(spam.status, 201);
      const body = "Merci pour cet article.\n\nLe traitement est-il remboursé en France ?";
      const posted = await postJson(inbox.url, validFields({ name: "Zoé Martin", email: "zoe@exemple.fr", body }));
      assert.equal(posted.status, 201);

      const [message] = await waitFor("the alert", () => (smtp.received.length > 0 ? smtp.received : undefined));
      assert.ok(message);
      assert.equal(message.from, "alertes@pouls.test");
      assert.deepEqual(message.to, ["moderation@pouls.test", "chef@pouls.test"]);
      assert.equal(message.subject, "[Pouls] Commentaire à modérer : Immunothérapie et cancer du sein");
      assert.match(message.text, /Un nouveau commentaire attend une décision\./u);
      assert.match(message.text, /« Immunothérapie et cancer du sein »/u);
      assert.match(message.text, new RegExp(`Zoé Martin, le .+ \\(n° ${String(posted.body.id)}\\)`, "u"));
      assert.match(message.text, /Merci pour cet article\. Le traitement est-il remboursé en France \?/u);
      assert.deepEqual(message.text.match(/https?:\/\/\S+/gu), ["https://commentaires.pouls.test/moderation/?statut=pending"]);
      assert.doesNotMatch(message.text, /zoe@exemple\.fr|Achetez/u);

      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.equal(smtp.received.length, 1);
    } finally {
      await inbox.stop();
      await smtp.close();
    }
  });

  it("accepts comments while the SMTP server is down, retries with backoff, and delivers after a restart", async () => {
    const port = await freePort();
    const fixture = makeFixture();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MODERATOR_EMAILS: MODERATORS };
    let inbox = await startInbox(fixture, env);
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    try {
      const started = Date.now();
      const first = await postJson(inbox.url, validFields({ body: "Posté pendant la panne du serveur SMTP." }));
      assert.equal(first.status, 201);
      assert.ok(Date.now() - started < 1_000, "the comment does not wait for the e-mail");
      await waitFor("two failed attempts", () =>
        /nouvel essai dans 2 s[\s\S]*nouvel essai dans 4 s/u.test(inbox.output()) ? true : undefined,
      );
      smtp = await startSmtp(port);
      const [delivered] = await waitFor("the retried alert", () => (smtp?.received.length ? smtp.received : undefined));
      assert.match(delivered?.text ?? "", /Posté pendant la panne du serveur SMTP\./u);

      // Down again, and the inbox restarted before the server is back: the alert waits in the store.
      await smtp.close();
      const second = await postJson(inbox.url, validFields({ body: "Posté avant un redémarrage." }));
      assert.equal(second.status, 201);
      const failures = (): number => inbox.output().match(/Alerte aux modérateurs non envoyée/gu)?.length ?? 0;
      const before = failures();
      await waitFor("a failed attempt", () => (failures() > before ? true : undefined));
      await inbox.stop();
      smtp = await startSmtp(port);
      inbox = await startInbox(fixture, env);
      const [afterRestart] = await waitFor("the alert after the restart", () => (smtp?.received.length ? smtp.received : undefined));
      assert.match(afterRestart?.text ?? "", /Posté avant un redémarrage\./u);

      const listed = JSON.parse((await runCli(fixture, ["list", "--json"])).stdout) as { id: string }[];
      assert.deepEqual(listed.map((comment) => comment.id).sort(), [String(first.body.id), String(second.body.id)].sort());
    } finally {
      await inbox.stop();
      await smtp?.close();
    }
  });
});
