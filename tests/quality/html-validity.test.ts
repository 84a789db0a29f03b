// Every page of the built site is valid HTML according to the W3C Nu HTML Checker.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { assertBuilt, dist } from "../helpers/dist.ts";

const vnuJar: string = createRequire(import.meta.url)("vnu-jar");

describe("HTML validity (vnu)", () => {
  it("finds zero errors on every page", () => {
    assertBuilt();
    let report: string;
    try {
      report = execFileSync("java", ["-jar", vnuJar, "--errors-only", "--skip-non-html", "--format", "json", "--stdout", dist], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error: any) {
      // vnu exits 1 when it reports errors; the report is still on stdout.
      report = error.stdout ?? "";
      if (!report.trim().startsWith("{")) throw error;
    }
    const messages = report.trim() ? JSON.parse(report).messages : [];
    const errors = messages.filter((m: any) => m.type === "error");
    const lines = errors.map((m: any) => `${String(m.url).replace(/.*\/dist\//, "")}:${m.lastLine}: ${m.message}`);
    assert.equal(errors.length, 0, lines.join("\n"));
  });
});
