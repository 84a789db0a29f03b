import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CheckedResults } from "../../src/lib/search/checked-results.ts";

/** Results whose data is their number, recording which were fetched. */
function results(n: number) {
  const fetched: number[] = [];
  const list = Array.from({ length: n }, (_, i) => ({ data: async () => (fetched.push(i), i) }));
  return { list, fetched };
}

describe("search results checked on their data", () => {
  it("fetches exactly what is asked while every result passes", async () => {
    const { list, fetched } = results(30);
    const checked = new CheckedResults(list, () => true, 10);
    assert.deepEqual(await checked.fill(3), [0, 1, 2]);
    assert.deepEqual(fetched, [0, 1, 2]);
    assert.deepEqual((await checked.fill(10)).length, 10);
    assert.deepEqual(fetched.length, 10);
    assert.equal(checked.complete, false);
  });

  it("reads on past failing results, in batches, until enough pass or none is left", async () => {
    const { list, fetched } = results(25);
    const checked = new CheckedResults(list, (i) => i % 7 === 0, 10);
    assert.deepEqual(await checked.fill(2), [0, 7]);
    assert.equal(fetched.length, 12, "2 asked, then a batch of 10");
    assert.deepEqual(await checked.fill(10), [0, 7, 14, 21]);
    assert.equal(checked.complete, true);
    assert.equal(fetched.length, 25, "each result fetched once");
  });

  it("stops at its limit, taking the rest as failing", async () => {
    const { list, fetched } = results(1000);
    const checked = new CheckedResults(list, () => false, 20, 60);
    assert.deepEqual(await checked.fill(10), []);
    assert.equal(checked.complete, true);
    assert.equal(fetched.length, 60);
  });
});
