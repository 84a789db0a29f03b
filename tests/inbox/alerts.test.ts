// Moderator alerts through a real SMTP server (smtp-server) started by the test.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SMTPServer } from "smtp-server";
import { freePort, makeFixture, postJson, runCli, startInbox, validFields, waitFor } from "./helpers.ts";

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/gu, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/giu, (_, encoding: string, data: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/gu, " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/gu, "").replace(/=([0-9A-F]{2})/giu, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/giu, "%25"));
}

// Just enough of RFC 5322 and MIME for the single-part text messages the inbox sends.
function parse(raw: string, envelope: { from: string; to: string[] }): Received {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/gu, " ");
  const header = (name: string): string => new RegExp(`^${name}: (.*)$`, "imu").exec(headers)?.[1]?.trim() ?? "";
  const body = raw.slice(split + 4);
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  assert.match(header("Content-Type"), /^text\/plain; charset=utf-8/iu);
  return { ...envelope, subject: decodeWords(header("Subject")), text: text.replace(/\r\n/gu, "\n") };
}

async function startSmtp(port: number): Promise<{ received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make up for the test.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = {
          from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        received.push(parse(Buffer.concat(chunks).toString("utf8"), envelope));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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
