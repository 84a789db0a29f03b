import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildCategoryTree } from "../../src/lib/categories.ts";
import { pages } from "../../src/lib/paginate.ts";

describe("category hierarchy", () => {
  const tree = buildCategoryTree([
    { id: "cancer", name: "Cancer", helplines: [{ name: "Ligne cancer", number: "0 800 000 000" }] },
    { id: "cancers-feminins", name: "Cancers féminins", parent: "cancer" },
    { id: "sein", name: "Sein", parent: "cancers-feminins" },
    { id: "nutrition", name: "Nutrition" },
  ]);

  it("derives paths, URLs, trails and subtrees at any depth", () => {
    assert.equal(tree.byId.get("sein")?.url, "/rubriques/cancer/cancers-feminins/sein/");
    assert.deepEqual(tree.trail("sein").map((c) => c.id), ["cancer", "cancers-feminins", "sein"]);
    assert.deepEqual([...tree.subtree("cancer")].sort(), ["cancer", "cancers-feminins", "sein"]);
    assert.deepEqual(tree.roots.map((c) => c.id), ["cancer", "nutrition"]);
  });

  it("inherits helplines from the nearest ancestor that has some", () => {
    assert.deepEqual(tree.helplines("sein").map((h) => h.name), ["Ligne cancer"]);
    assert.deepEqual(tree.helplines("nutrition"), []);
  });

  it("refuses a loop", () => {
    assert.throws(
      () => buildCategoryTree([{ id: "a", name: "A", parent: "b" }, { id: "b", name: "B", parent: "a" }]),
      /Boucle/,
    );
  });
});

describe("pagination", () => {
  it("splits into pages and keeps one page for an empty list", () => {
    assert.deepEqual(pages([1, 2, 3], 2).map((p) => [p.number, p.total, p.items]), [[1, 2, [1, 2]], [2, 2, [3]]]);
    assert.deepEqual(pages([], 10).map((p) => p.items), [[]]);
  });
});
