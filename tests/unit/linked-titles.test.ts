// Which articles are rendered again when another article's title changes (src/lib/linked-titles.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { changedTitles, linkingTo } from "../../src/lib/linked-titles.ts";

describe("titles shown by other articles", () => {
  it("a title changed, an article added or deleted: each slug counts as changed", () => {
    const before = { a: "Le vaccin", b: "La grippe", c: "Le sommeil" };
    const now = { a: "Le vaccin, mis à jour", b: "La grippe", d: "Les écrans" };
    assert.deepEqual([...changedTitles(before, now)].sort(), ["a", "c", "d"]);
    assert.equal(changedTitles(now, { ...now }).size, 0);
  });

  it("only the articles linking to a changed one are rendered again", () => {
    const articles = [
      { slug: "x", links: ["a"] },
      { slug: "y", links: ["b", "c"] },
      { slug: "z", links: [] },
    ];
    assert.deepEqual([...linkingTo(new Set(["a"]), articles)], ["x"]);
    assert.deepEqual([...linkingTo(new Set(["c", "a"]), articles)].sort(), ["x", "y"]);
    assert.equal(linkingTo(new Set(["z"]), articles).size, 0);
  });
});
