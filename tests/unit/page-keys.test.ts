// The fingerprints cache keys are made of (src/lib/digest.ts), and the build's clock they depend on.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { digest } from "../../src/lib/digest.ts";
import { buildTime } from "../../src/lib/build-time.ts";

describe("digest", () => {
  it("is the same for the same data, whatever order the keys were set in", () => {
    const a = { title: "Vaccin", date: new Date("2026-01-02"), tags: ["hiver"], authors: new Map([["alice", 1]]) };
    const b = { authors: new Map([["alice", 1]]), tags: ["hiver"], date: new Date("2026-01-02"), title: "Vaccin" };
    assert.equal(digest(a), digest(b));
  });

  it("changes with any value, however deep, and tells types apart", () => {
    const page = (credentials: string) => ({ article: { authors: [{ id: "alice", credentials }] } });
    assert.notEqual(digest(page("Docteure en pharmacie")), digest(page("Pharmacienne")));
    assert.notEqual(digest({ n: 1 }), digest({ n: "1" }));
    assert.notEqual(digest({ d: new Date("2026-01-02") }), digest({ d: new Date("2026-01-03") }));
    assert.notEqual(digest({ a: undefined }), digest({ a: null }));
    assert.notEqual(digest([["a", 1]]), digest(new Map([["a", 1]])));
    assert.notEqual(digest(["a", "b"]), digest(["b", "a"]), "order in a list is shown, so it counts");
  });

  it("tells long texts and large objects apart by every character, whether written out or hashed", () => {
    const long = "Un texte long. ".repeat(200);
    assert.equal(digest({ body: long }), digest({ body: `${long}` }));
    assert.notEqual(digest({ body: long }), digest({ body: `${long.slice(0, -1)}!` }));
    const many = (last: string) => ({ items: Array.from({ length: 200 }, (_, i) => ({ n: i, title: i === 199 ? last : "Titre" })) });
    assert.equal(digest(many("Titre")), digest(many("Titre")));
    assert.notEqual(digest(many("Titre")), digest(many("Titré")));
    assert.notEqual(digest({ t: "x".repeat(1023) }), digest({ t: "x".repeat(1024) }), "on either side of the length from which texts are hashed");
  });

  it("is the same for data shared between pages as for a copy of it", () => {
    const shared = { slug: "x", title: "Titre" };
    assert.equal(digest([shared, shared]), digest([{ ...shared }, { title: "Titre", slug: "x" }]));
  });

  it("is the same for a large article shared between pages, remembered once computed, as for copies of it", () => {
    const article = { slug: "x", entry: { body: "Un texte long. ".repeat(400), rendered: { html: "<p>Un texte long.</p>".repeat(300) } } };
    const copy = () => ({ slug: "x", entry: { body: article.entry.body, rendered: { html: article.entry.rendered.html } } });
    const first = digest([article, { related: [article] }]);
    assert.equal(digest([article, { related: [article] }]), first);
    assert.equal(digest([copy(), { related: [copy()] }]), first);
    assert.notEqual(digest([copy(), { related: [{ ...copy(), slug: "y" }] }]), first);
  });

  it("refuses what it cannot see into, rather than give a key that misses a change", () => {
    assert.throws(() => digest({ render: () => "x" }), /cannot fingerprint a function; give the data it computes instead/);
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    assert.throws(() => digest(loop), /refers to itself/);
  });
});

describe("buildTime", () => {
  it("is now unless POULS_BUILD_TIME names a day or a time", () => {
    const before = Date.now();
    assert.ok(buildTime({}).getTime() >= before);
    assert.equal(buildTime({ POULS_BUILD_TIME: "2026-12-24" }).toISOString(), "2026-12-24T00:00:00.000Z");
    assert.equal(buildTime({ POULS_BUILD_TIME: "2026-12-24T08:00:00+01:00" }).toISOString(), "2026-12-24T07:00:00.000Z");
  });

  it("names the variable and the expected form when the value is not a date", () => {
    for (const bad of ["demain", "24/12/2026", "2026-13-45"]) {
      assert.throws(() => buildTime({ POULS_BUILD_TIME: bad }), new RegExp(`POULS_BUILD_TIME : « ${bad} » n’est pas une date. Attendu : AAAA-MM-JJ`));
    }
  });
});
