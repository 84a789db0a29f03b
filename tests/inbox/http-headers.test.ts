import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { makeFixture, postComment, SITE_URL, startInbox, validFields, type RunningInbox } from "./helpers.ts";

describe("API response headers", () => {
  let inbox: RunningInbox;
  before(async () => {
    inbox = await startInbox(makeFixture());
  });
  after(() => inbox.stop());

  it("answers the site's CORS preflight, and only the site's", async () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${inbox.url}/api/comments`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
      });
    const own = await preflight(SITE_URL);
    assert.equal(own.status, 204);
    assert.equal(own.headers.get("access-control-allow-origin"), SITE_URL);
    assert.equal(own.headers.get("access-control-allow-methods"), "GET,POST");
    assert.equal(own.headers.get("access-control-allow-headers"), "Content-Type,Accept");
    assert.equal(own.headers.get("access-control-max-age"), "600");
    const foreign = await preflight("https://ailleurs.example");
    assert.equal(foreign.headers.get("access-control-allow-origin"), null);
  });

  it("sends the security headers and Vary: Origin with an accepted comment, a refusal and an error", async () => {
    const accepted = await postComment(inbox.url, validFields({ body: "Les en-têtes de sécurité." }), { json: true, headers: { Origin: SITE_URL } });
    const refused = await postComment(inbox.url, validFields({ email: "pas-une-adresse" }), { json: true });
    const tooLarge = await fetch(`${inbox.url}/api/comments`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(validFields({ body: "x".repeat(20_000) })),
    });
    for (const [response, status] of [[accepted, 201], [refused, 422], [tooLarge, 413]] as const) {
      assert.equal(response.status, status);
      assert.match(response.headers.get("content-security-policy") ?? "", /^default-src 'none'; /u);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      assert.equal(response.headers.get("vary"), "Origin");
      await response.body?.cancel();
    }
    assert.equal(accepted.headers.get("access-control-allow-origin"), SITE_URL);
  });
});
