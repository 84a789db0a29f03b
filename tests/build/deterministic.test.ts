// Two builds from scratch of the same content give the same dist/, byte for byte: the ground an
// incremental build stands on (it must give what a full build gives).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build, fixtureCopy } from "../helpers/build.ts";

function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return [path.slice(dir.length + 1), createHash("sha256").update(readFileSync(path)).digest("hex")];
  }));
}

describe("builds from scratch", () => {
  it("give the same dist/, byte for byte, search index included", async () => {
    const content = fixtureCopy(() => undefined);
    const first = await build(content);
    const second = await build(content);
    assert.equal(first.code, 0, first.output);
    assert.equal(second.code, 0, second.output);
    const a = hashes(first.outDir);
    const b = hashes(second.outDir);
    assert.ok([...a.keys()].some((path) => path.startsWith("pagefind/")), "the search index is compared too");
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
    assert.deepEqual(differ, [], `files that differ between two builds: ${differ.join(", ")}`);
  });
});
