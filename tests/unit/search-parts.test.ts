import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { shardCount, shardsOf } from "../../src/lib/search/shards.ts";
import { mergeParts } from "../../src/lib/search/merge-parts.ts";

const pages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ url: `/articles/a${String(i).padStart(3, "0")}/`, date: `2020-01-${String((i % 28) + 1).padStart(2, "0")}` }));

describe("whole index in parts", () => {
  it("keeps one part up to the limit, then doubles the parts as the site doubles", () => {
    assert.deepEqual([1, 20_000, 20_001, 40_000, 40_001, 100_000, 200_000].map((n) => shardCount(n, 20_000)), [1, 1, 2, 2, 4, 8, 16]);
  });

  it("splits by date, newest part first, each part in URL order, every page once", () => {
    const all = pages(50);
    const shards = shardsOf(all, 20);
    assert.equal(shards.length, 4);
    assert.deepEqual(shards.flat().sort(), all.map((p) => p.url).sort());
    const dateOf = new Map(all.map((p) => [p.url, p.date]));
    for (let i = 1; i < shards.length; i++) {
      const older = Math.max(...shards[i]!.map((u) => Date.parse(dateOf.get(u)!)));
      const newer = Math.min(...shards[i - 1]!.map((u) => Date.parse(dateOf.get(u)!)));
      assert.ok(older <= newer, `part ${i} is not newer than part ${i - 1}`);
    }
    for (const shard of shards) assert.deepEqual(shard, [...shard].sort());
    assert.deepEqual(shardsOf([...all].reverse(), 20), shards, "the order pages come in does not matter");
  });

  it("merges the parts' answers: by score, or one part after the other when sorted by date", () => {
    const a = { results: [{ id: "a1", score: 3 }, { id: "a2", score: 1 }], filters: { rubrique: { cancer: 2 } } };
    const b = { results: [{ id: "b1", score: 2 }], filters: { rubrique: { cancer: 1, vaccins: 1 }, annee: { "2020": 1 } } };
    assert.deepEqual(mergeParts([a, b], false).results.map((r) => r.id), ["a1", "b1", "a2"]);
    assert.deepEqual(mergeParts([a, b], true).results.map((r) => r.id), ["a1", "a2", "b1"]);
    assert.deepEqual(mergeParts([a, b], false).filters, { rubrique: { cancer: 3, vaccins: 1 }, annee: { "2020": 1 } });
  });
});
