// Several inbox processes on one PostgreSQL database: what must hold across them lives in it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { signTimestamp } from "../../src/inbox/timestamp.ts";
import { makeFixture, postJson, SECRET, startInbox, validFields, type RunningInbox } from "./helpers.ts";
import { freshSchema, PG_SKIP, type PgSchema } from "./postgres.ts";

describe("two inbox instances on one PostgreSQL database", { skip: PG_SKIP }, () => {
  let schema: PgSchema;
  let instances: RunningInbox[] = [];

  before(async () => {
    schema = await freshSchema();
    const fixture = makeFixture();
    const env = { DATABASE_URL: schema.url, INBOX_FLOOD_LIMIT: "3", TRUST_PROXY: "1" };
    // Started together: both run the migrations on the empty schema at the same moment.
    instances = await Promise.all([startInbox(fixture, env), startInbox(fixture, env)]);
  });
  after(async () => {
    await Promise.all(instances.map((inbox) => inbox.stop()));
    await schema.drop();
  });

  const from = (address: string): Record<string, string> => ({ "X-Forwarded-For": address });
  const instance = (i: number): string => (instances[i % instances.length] as RunningInbox).url;

  it("share one flood limit: a client spreading its posts over both gets INBOX_FLOOD_LIMIT in all", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postJson(instance(i), validFields({ body: `Inondation ${i}` }), from("198.51.100.20"))),
    );
    assert.equal(results.filter((result) => result.status === 201).length, 3);
    assert.equal(results.filter((result) => result.status === 429).length, 7);
    const elsewhere = await postJson(instance(1), validFields({ body: "Un autre lecteur" }), from("198.51.100.21"));
    assert.equal(elsewhere.status, 201);
  });

  it("give every comment its own id, and one comment for a body a client sent to both at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postJson(instance(i), validFields({ body: `Commentaire simultané ${i}` }), from(`203.0.113.${i % 250}`)),
      ),
    );
    assert.deepEqual(results.filter((result) => result.status !== 201), []);
    const ids = results.map((result) => String(result.body.id));
    assert.equal(new Set(ids).size, 200);
    const stored = await schema.query("SELECT id FROM comments WHERE body LIKE 'Commentaire simultané %'");
    assert.deepEqual(stored.map((row) => String(row.id)).sort(), [...ids].sort());

    const copies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postJson(instance(i), validFields({ body: "Le même texte, deux fois" }), from("192.0.2.1"))),
    );
    assert.equal(copies.filter((copy) => copy.status === 201).length, 1);
    assert.ok(copies.every((copy) => copy.status === 201 || (copy.status === 409 && copy.body.error === "duplicate")));
    assert.equal((await schema.query("SELECT id FROM comments WHERE body = 'Le même texte, deux fois'")).length, 1);
  });

  it("let one signed form time serve one comment, whichever instance each copy reaches", async () => {
    const ts = signTimestamp(SECRET, new Date(Date.now() - 10_000));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postJson(instance(i), validFields({ ts, body: `Même formulaire ${i}` }), from(`192.0.2.${50 + i}`))),
    );
    assert.equal(results.filter((result) => result.status === 201).length, 1);
    assert.ok(results.every((result) => result.status === 201 || (result.status === 422 && result.body.error === "resend")));
    assert.equal((await schema.query("SELECT id FROM comments WHERE body LIKE 'Même formulaire %'")).length, 1);
  });
});
