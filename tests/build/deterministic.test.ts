// Two builds from scratch of the same content give the same dist/, byte for byte: the ground an
// incremental build stands on (it must give what a full build gives).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { build, fixtureCopy } from "../helpers/build.ts";
import { differingFiles, filesUnder } from "../helpers/same-build.ts";

describe("builds from scratch", () => {
  it("give the same dist/, byte for byte, search index included", async () => {
    const content = fixtureCopy(() => undefined);
    const first = await build(content);
    const second = await build(content);
    assert.equal(first.code, 0, first.output);
    assert.equal(second.code, 0, second.output);
    assert.ok(filesUnder(first.outDir, "pagefind") > 0, "the search index is compared too");
    const differ = differingFiles(first.outDir, second.outDir);
    assert.deepEqual(differ, [], `files that differ between two builds: ${differ.join(", ")}`);
  });
});
