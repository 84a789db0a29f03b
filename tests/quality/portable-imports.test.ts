// Every tracked source file reaches other modules through relative paths or package names, never
// through an absolute path of the machine it was written on: a clean clone elsewhere must build.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { absoluteModuleReferences } from "../helpers/module-references.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sourceFile = /\.(?:[cm]?[jt]s|astro|mdx)$/;

describe("module references in tracked files", () => {
  it("finds absolute paths in every form a module is imported or resolved", () => {
    // Built at run time so that this file itself holds no absolute reference.
    const machine = "/" + "home/someone/pouls";
    const fileUrl = "file:" + "//" + machine;
    const windows = "C:" + "\\\\pouls";
    const source = [
      `import { launch } from "${machine}/tests/helpers/browser.ts";`,
      `const axe = createRequire("${machine}/package.json").resolve("axe-core/axe.min.js");`,
      `export * from '${machine}/src/lib/slug.ts';`,
      `const m = await import("${fileUrl}/src/lib/dates.ts");`,
      `const r = require("${windows}\\\\feed.js");`,
      `const p = import.meta.resolve("${machine}/x.ts");`,
      `/// <reference path="${machine}/.astro/types.d.ts" />`,
    ].join("\n");
    assert.deepEqual(
      absoluteModuleReferences(source).map((r) => r.line),
      [1, 2, 3, 4, 5, 6, 7],
    );
  });

  it("accepts relative paths, packages, node: built-ins and the site's own URLs", () => {
    const source = [
      `import { launch } from "../helpers/browser.ts";`,
      `import { readFileSync } from "node:fs";`,
      `import { chromium } from "playwright-core";`,
      `const axe = require.resolve("axe-core/axe.min.js");`,
      `const pagefind = await import("/pagefind/pagefind.js");`,
      `import Layout from "../../layouts/Base.astro";`,
    ].join("\n");
    assert.deepEqual(absoluteModuleReferences(source), []);
  });

  it("has none in the repository", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((f) => sourceFile.test(f));
    assert.ok(files.length > 100, `only ${files.length} tracked source files found`);
    const offenders = files.flatMap((file) =>
      absoluteModuleReferences(readFileSync(root + file, "utf8")).map((r) => `${file}:${r.line} ${r.specifier}`),
    );
    assert.deepEqual(offenders, [], "use a relative path or a package name instead");
  });
});
