// The heap npm run build gives Astro (src/lib/heap-size.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { buildHeapMb } from "../../src/lib/heap-size.ts";

const GB = 1024 ** 3;

describe("the build's heap", () => {
  it("is half the machine's memory, or of the container's limit when lower", () => {
    assert.equal(buildHeapMb(24 * GB, 2 ** 64), 12 * 1024);
    assert.equal(buildHeapMb(24 * GB, 12 * GB), 6 * 1024);
    assert.equal(buildHeapMb(24 * GB, undefined), 12 * 1024);
  });

  it("is never below Node's default, and left alone when NODE_OPTIONS sets it", () => {
    assert.equal(buildHeapMb(2 * GB, undefined), 4096);
    assert.equal(buildHeapMb(24 * GB, undefined, "--enable-source-maps --max-old-space-size=2048"), undefined);
  });
});
