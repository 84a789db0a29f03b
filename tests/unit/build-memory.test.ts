import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BUILD_MEMORY, buildMemoryProblem } from "../../src/lib/build-memory.ts";

const GB = 1024 ** 3;
const SHARD = 20_000;
// The articles for which the line needs `mb`.
const articlesFor = (mb: number, line: { baseMb: number; perArticleKb: number }) => Math.ceil(((mb - line.baseMb) * 1024) / line.perArticleKb);

describe("build memory", () => {
  it("lets the sample site and 100,000 articles build on a 24 GB machine with npm run build's heap", () => {
    const limits = { heapBytes: 12 * GB, machineBytes: 24 * GB, shardPages: SHARD };
    assert.equal(buildMemoryProblem(20, limits), undefined);
    assert.equal(buildMemoryProblem(100_000, limits), undefined);
    assert.equal(buildMemoryProblem(20, { ...limits, heapBytes: 4 * GB, machineBytes: 2 * GB }), undefined, "a small site on a small machine");
  });

  it("names the machine's memory when the whole build cannot fit in it", () => {
    const articles = articlesFor(40 * 1024, BUILD_MEMORY.astro);
    const problem = buildMemoryProblem(articles, { heapBytes: 100 * GB, machineBytes: 24 * GB, shardPages: SHARD });
    assert.match(problem ?? "", /^Mémoire insuffisante pour \d{1,3}(\u202f\d{3})* articles : la construction en demande environ \d+,\d Go, cette machine en a 24,0 Go\./);
  });

  it("names the JavaScript heap's limit when only it is too small, and how to raise it", () => {
    const articles = articlesFor(8 * 1024, BUILD_MEMORY.astroHeap);
    const problem = buildMemoryProblem(articles, { heapBytes: 4 * GB, machineBytes: 64 * GB, shardPages: SHARD });
    assert.match(problem ?? "", /^Mémoire JavaScript insuffisante pour .* articles : Astro en demande environ 8,0 Go, sa limite est 4,0 Go\./);
    assert.match(problem ?? "", /npm run build.*NODE_OPTIONS=--max-old-space-size=\d+/);
    assert.equal(buildMemoryProblem(articles, { heapBytes: 9 * GB, machineBytes: 64 * GB, shardPages: SHARD }), undefined);
  });
});
