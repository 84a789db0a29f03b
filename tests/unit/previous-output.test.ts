import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { FINISHED, PREVIOUS_OUTPUT, moveAside, previousOutput } from "../../src/integrations/previous-output.ts";
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

  it("moves aside only the output of a build that finished; after a failed one, Astro empties the folder and copies from its cache", async () => {
    const out = tempDir("pouls-out-");
    const cache = tempDir("pouls-cache-");
    const integration = previousOutput();
    const hook = <K extends keyof AstroIntegration["hooks"]>(name: K) => integration.hooks[name] as unknown as (options: object) => unknown;
    const config = { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cache}/`), experimental: { incrementalBuild: true } };
    await hook("astro:config:done")({ config });
    const page = () => writeFileSync(join(out, "index.html"), "<p>accueil</p>");

    page();
    await hook("astro:build:start")({});
    assert.deepEqual(readdirSync(out), ["index.html"], "no build has finished yet: nothing is moved");
    await hook("astro:build:done")({});
    assert.ok(existsSync(join(cache, FINISHED)));

    await hook("astro:build:start")({});
    assert.deepEqual(readdirSync(out), [], "the last build finished: its output is moved aside");
    assert.ok(existsSync(join(cache, PREVIOUS_OUTPUT, "index.html")));
    assert.ok(!existsSync(join(cache, FINISHED)), "a build under way has not finished");

    // This build fails: no astro:build:done. The next one does not move its output.
    page();
    await hook("astro:build:start")({});
    assert.deepEqual(readdirSync(out), ["index.html"]);
    assert.ok(!existsSync(join(cache, PREVIOUS_OUTPUT)), "what the failed build had moved aside is dropped");
  });
});
