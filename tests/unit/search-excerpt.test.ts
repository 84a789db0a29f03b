import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { bodyExcerpt } from "../../src/lib/search/excerpt.ts";

const text = (title: string, body: string) => `${title} ${body}`;
const at = (...locations: number[]) => locations.map((location) => ({ location, balanced_score: 1 }));

describe("bodyExcerpt", () => {
  const title = "Vaccin contre la grippe : qui est concerné ?";
  const body = Array.from({ length: 60 }, (_, i) => (i === 40 ? "vaccin" : `mot${i}`)).join(" ");
  const raw = text(title, body);
  const titleLength = title.split(" ").length;

  it("never starts with the title, even when the title holds the match", () => {
    const excerpt = bodyExcerpt({ raw_content: raw, weighted_locations: at(0, titleLength + 40) }, title, 10)!;
    assert.doesNotMatch(excerpt, /grippe/);
    assert.match(excerpt, /<mark>vaccin<\/mark>/);
    assert.ok(excerpt.startsWith("… "), excerpt);
  });

  it("starts with the text after the title when the match is in the title alone", () => {
    const excerpt = bodyExcerpt({ raw_content: raw, weighted_locations: at(0) }, title, 5)!;
    assert.equal(excerpt, "mot0 mot1 mot2 mot3 mot4 …");
  });

  it("gives up when the text does not start with the title", () => {
    assert.equal(bodyExcerpt({ raw_content: raw, weighted_locations: at(0) }, "Un autre titre"), undefined);
  });

  it("reads the title as Pagefind escapes it", () => {
    const excerpt = bodyExcerpt({ raw_content: "A &lt;b&gt; C texte suivant", weighted_locations: at(4) }, "A <b> C", 5);
    assert.equal(excerpt, "texte <mark>suivant</mark>");
  });
});
