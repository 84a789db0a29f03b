import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { moveAside } from "../../src/integrations/previous-output.ts";
import { tempDir } from "../helpers/temp.ts";

describe("the last build's output moved aside before a build", () => {
  it("moves every entry but .git, which Astro keeps in the output folder too, and drops what an earlier build left there", () => {
    const out = tempDir("pouls-out-");
    const previous = join(tempDir("pouls-cache-"), "pouls-previous-output");
    mkdirSync(join(out, "articles", "a"), { recursive: true });
    writeFileSync(join(out, "articles", "a", "index.html"), "<p>a</p>");
    writeFileSync(join(out, "index.html"), "<p>accueil</p>");
    mkdirSync(join(out, ".git"));
    mkdirSync(join(previous, "ancien"), { recursive: true });
    assert.equal(moveAside(out, previous), true);
    assert.deepEqual(readdirSync(out), [".git"]);
    assert.deepEqual(readdirSync(previous).sort(), ["articles", "index.html"]);
    assert.equal(readFileSync(join(previous, "articles", "a", "index.html"), "utf8"), "<p>a</p>");
  });

  it("has nothing to move before the first build", () => {
    const previous = join(tempDir("pouls-cache-"), "pouls-previous-output");
    assert.equal(moveAside(join(tempDir("pouls-none-"), "dist"), previous), true);
    assert.ok(!existsSync(previous));
  });
});
