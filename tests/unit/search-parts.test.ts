import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { partSize, shardsOf } from "../../src/lib/search/shards.ts";
import { mergeParts } from "../../src/lib/search/merge-parts.ts";

const pages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ url: `/articles/a${String(i).padStart(3, "0")}/`, date: `2020-01-${String((i % 28) + 1).padStart(2, "0")}` }));

describe("whole index in parts", () => {
  it("holds `shardPages` pages a part, twice as many whenever the site would have more than 16 parts", () => {
    assert.deepEqual([1, 2_500, 40_000, 40_001, 100_000, 200_000].map((n) => partSize(n, 2_500)), [2_500, 2_500, 2_500, 5_000, 10_000, 20_000]);
  });

  it("splits by date, newest part first, each part in URL order, every page once", () => {
    const all = pages(50);
    const shards = shardsOf(all, 20);
    assert.deepEqual(shards.map((s) => [s.id, s.urls.length]), [[2, 10], [1, 20], [0, 20]], "full parts from the oldest, the newest one filling up");
    assert.deepEqual(shards.flatMap((s) => s.urls).sort(), all.map((p) => p.url).sort());
    const dateOf = new Map(all.map((p) => [p.url, p.date]));
    for (let i = 1; i < shards.length; i++) {
      const older = Math.max(...shards[i]!.urls.map((u) => Date.parse(dateOf.get(u)!)));
      const newer = Math.min(...shards[i - 1]!.urls.map((u) => Date.parse(dateOf.get(u)!)));
      assert.ok(older <= newer, `part ${i} is not newer than part ${i - 1}`);
    }
    for (const shard of shards) assert.deepEqual(shard.urls, [...shard.urls].sort());
    assert.deepEqual(shardsOf([...all].reverse(), 20), shards, "the order pages come in does not matter");
  });

  it("keeps the full parts as they were when a newer article comes, and when an article changes anything but its date", () => {
    const all = pages(50);
    const before = shardsOf(all, 20);
    const added = shardsOf([...all, { url: "/articles/nouveau/", date: "2021-01-01" }], 20);
    assert.deepEqual(added.slice(1), before.slice(1), "the full parts are untouched");
    assert.deepEqual(added[0]!.urls, [...before[0]!.urls, "/articles/nouveau/"].sort());
    const filled = shardsOf([...all, ...Array.from({ length: 11 }, (_, i) => ({ url: `/articles/n${i}/`, date: "2021-01-01" }))], 20);
    assert.deepEqual(filled.map((s) => s.id), [3, 2, 1, 0], "a new part opens once the newest is full");
    assert.deepEqual(filled.slice(2), before.slice(1));
  });

  it("merges the parts' answers: by score, or one part after the other when sorted by date", () => {
    const a = { results: [{ id: "a1", score: 3 }, { id: "a2", score: 1 }], filters: { rubrique: { cancer: 2 } } };
    const b = { results: [{ id: "b1", score: 2 }], filters: { rubrique: { cancer: 1, vaccins: 1 }, annee: { "2020": 1 } } };
    assert.deepEqual(mergeParts([a, b], false).results.map((r) => r.id), ["a1", "b1", "a2"]);
    assert.deepEqual(mergeParts([a, b], true).results.map((r) => r.id), ["a1", "a2", "b1"]);
    assert.deepEqual(mergeParts([a, b], false).filters, { rubrique: { cancer: 3, vaccins: 1 }, annee: { "2020": 1 } });
  });
});
