import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exitOf, makeFixture, startInbox } from "./helpers.ts";

describe("npm run inbox configuration", () => {
  const fixture = makeFixture();
  const refusals: [string, Record<string, string>, RegExp][] = [
    ["no moderation password", { MODERATION_PASSWORD: "" }, /MODERATION_PASSWORD : obligatoire/u],
    ["a short password", { MODERATION_PASSWORD: "court123" }, /trop court/u],
    ["a known default password", { MODERATION_PASSWORD: "changeme1234" }, /trop facile à deviner/u],
    ["no INBOX_SECRET", { INBOX_SECRET: "" }, /INBOX_SECRET est obligatoire/u],
    ["a bad SITE_URL", { SITE_URL: "ftp://pouls" }, /SITE_URL/u],
    ["a bad flood limit", { INBOX_FLOOD_LIMIT: "beaucoup" }, /INBOX_FLOOD_LIMIT/u],
    ["a DATABASE_URL that is not PostgreSQL", { DATABASE_URL: "mysql://pouls:secret@localhost/pouls" }, /DATABASE_URL doit être une adresse PostgreSQL/u],
    ["an unreachable PostgreSQL", { DATABASE_URL: "postgres://pouls@127.0.0.1:1/pouls" }, /ne démarre pas.*ECONNREFUSED/su],
    ["an SMTP_URL that is not SMTP", { SMTP_URL: "http://127.0.0.1:2525" }, /SMTP_URL doit commencer par smtp:\/\//u],
    ["MODERATOR_EMAILS without SMTP_URL", { MODERATOR_EMAILS: "moderation@pouls.test" }, /SMTP_URL/u],
    ["a moderator address that is not one", { SMTP_URL: "smtp://127.0.0.1:2525", MODERATOR_EMAILS: "a@pouls.test, pas-une-adresse" }, /pas-une-adresse/u],
  ];
  for (const [label, env, message] of refusals) {
    it(`refuses to start with ${label}`, async () => {
      const { code, output } = await exitOf(fixture, env);
      assert.equal(code, 1);
      assert.match(output, message);
      assert.doesNotMatch(output, /secret/u);
    });
  }

  it("starts with a strong password and a secret; cookies are Secure when SITE_URL is https", async () => {
    const inbox = await startInbox(fixture, { SITE_URL: "https://pouls.example" });
    try {
      const response = await fetch(`${inbox.url}/moderation/connexion`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get("set-cookie") ?? "", /; Secure/u);
      await response.body?.cancel();
    } finally {
      await inbox.stop();
    }
  });
});
