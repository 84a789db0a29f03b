// The last build's output kept in place for the next build (src/integrations/kept-output.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { FINISHED, deleteStale, emptyOutput, keptOutput } from "../../src/integrations/kept-output.ts";
import { tempDir } from "../helpers/temp.ts";

function write(dir: string, path: string, at?: Date): string {
  const file = join(dir, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, path);
  if (at) utimesSync(file, at, at);
  return file;
}

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe("the last build's output kept in place", () => {
  it("empties the folder as Astro does, but for .git", () => {
    const out = tempDir("pouls-out-");
    write(out, "articles/a/index.html");
    write(out, ".git/HEAD");
    emptyOutput(out);
    assert.deepEqual(readdirSync(out), [".git"]);
  });

  it("deletes what the build neither listed nor wrote, and the folders left empty; leaves the search bundle and .git", () => {
    const out = tempDir("pouls-out-");
    const before = new Date(Date.now() - 60_000);
    const kept = write(out, "articles/garde/index.html", before);
    write(out, "articles/retire/index.html", before);
    write(out, "rubriques/ancienne/2/index.html", before);
    write(out, "_astro/Base.ancien.css", before);
    write(out, "pagefind/parts/1/index.pf", before);
    write(out, ".git/HEAD", before);
    write(out, "_astro/Base.nouveau.css");
    const deleted = deleteStale(out, new Set([kept]), Date.now() - 30_000, new Set(["pagefind"]));
    assert.deepEqual(deleted.map((f) => f.slice(out.length + 1)).sort(), ["_astro/Base.ancien.css", "articles/retire/index.html", "rubriques/ancienne/2/index.html"]);
    assert.deepEqual(files(out), [".git/HEAD", "_astro/Base.nouveau.css", "articles/garde/index.html", "pagefind/parts/1/index.pf"]);
    assert.ok(!existsSync(join(out, "rubriques")), "folders left empty are deleted");
  });

  it("keeps the output of a build that finished; after a failed one, empties the folder, as Astro would", async () => {
    const out = tempDir("pouls-out-");
    const cache = tempDir("pouls-cache-");
    const integration = keptOutput();
    const hook = <K extends keyof AstroIntegration["hooks"]>(name: K) => integration.hooks[name] as unknown as (options: object) => unknown;
    await hook("astro:config:done")({ config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cache}/`) } });
    const page = (path: string) => write(out, path, new Date(Date.now() - 60_000));
    const done = (pages: string[]) => hook("astro:build:done")({ assets: new Map([["/[...path]", pages.map((p) => pathToFileURL(join(out, p)))]]) });

    page("index.html");
    await hook("astro:build:start")({});
    assert.deepEqual(readdirSync(out), [], "no build has finished yet: the folder is emptied");
    page("index.html");
    await done(["index.html"]);
    assert.ok(existsSync(join(cache, FINISHED)));

    page("ancienne/index.html");
    await hook("astro:build:start")({});
    assert.ok(!existsSync(join(cache, FINISHED)), "a build under way has not finished");
    await done(["index.html"]);
    assert.deepEqual(files(out), ["index.html"], "the last build finished: its pages are kept, what this build did not list is gone");

    // This build fails: no astro:build:done. The next one does not keep what it left.
    await hook("astro:build:start")({});
    page("a-moitie/index.html");
    await hook("astro:build:start")({});
    assert.deepEqual(readdirSync(out), []);
  });
});
