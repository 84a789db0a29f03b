// What lets npm run build stop at once: the fingerprint of what a build reads
// (src/lib/build-inputs.ts) and the moment its site stops being true (src/lib/output-expiry.ts).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildInputs } from "../../src/lib/build-inputs.ts";
import { outputExpiry } from "../../src/lib/output-expiry.ts";
import { commentsCloseOn, commentsOpen } from "../../src/lib/comments/closing.ts";
import { stillTrue } from "../../src/lib/build-stamp.ts";
import { tempDir } from "../helpers/temp.ts";

function tree(): { project: string; content: string } {
  const project = tempDir("pouls-inputs-");
  mkdirSync(join(project, "src/components"), { recursive: true });
  writeFileSync(join(project, "src/components/Footer.astro"), "<footer />");
  writeFileSync(join(project, "astro.config.mjs"), "export default {};");
  const content = join(project, "content");
  mkdirSync(join(content, "articles"), { recursive: true });
  writeFileSync(join(content, "articles/a.md"), "---\ntitle: A\n---\n");
  return { project, content };
}

describe("the fingerprint of a build's inputs", () => {
  it("is the same for the same files and settings, whatever other variables say", () => {
    const { project, content } = tree();
    const first = buildInputs(project, content, { POULS_BUILD_TIME: "2026-06-01", HOME: "/a" });
    assert.equal(buildInputs(project, content, { HOME: "/b", POULS_BUILD_TIME: "2026-06-01" }), first);
  });

  it("changes with a content file, a new file, a file of the code, a .env file, a link, or a setting", () => {
    const { project, content } = tree();
    const seen = new Set([buildInputs(project, content, {})]);
    const changes: [string, () => NodeJS.ProcessEnv | void][] = [
      ["a comment approved", () => mkdirSync(join(content, "comments/a"), { recursive: true })],
      ["its file", () => writeFileSync(join(content, "comments/a/c1.md"), "Merci")],
      ["an article edited", () => writeFileSync(join(content, "articles/a.md"), "---\ntitle: B\n---\n")],
      ["a component changed", () => writeFileSync(join(project, "src/components/Footer.astro"), "<footer>2026</footer>")],
      ["a .env file", () => writeFileSync(join(project, ".env"), "PUBLIC_INBOX_URL=https://commentaires.example")],
      ["an image linked", () => symlinkSync("/nulle-part/image.jpg", join(content, "articles/image.jpg"))],
      ["the site's address", () => ({ SITE_URL: "https://pouls.example" })],
      ["the inbox's address", () => ({ SITE_URL: "https://pouls.example", PUBLIC_INBOX_URL: "https://c.example" })],
    ];
    for (const [what, change] of changes) {
      const env = change() ?? {};
      const next = buildInputs(project, content, env);
      assert.ok(!seen.has(next), `${what} changes the fingerprint`);
      seen.add(next);
    }
  });
});

describe("the moment a build's site stops being true", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  const years = 3;

  it("is the next new year at the latest, for the footer's year", () => {
    assert.equal(outputExpiry([], now, years).getTime(), new Date(2027, 0, 1).getTime());
  });

  it("is the day a scheduled article comes out, at the start of that day in Paris, summer or winter", () => {
    assert.equal(outputExpiry([{ date: new Date("2026-06-10T15:00:00Z"), draft: false }], now, years).toISOString(), "2026-06-09T22:00:00.000Z");
    assert.equal(outputExpiry([{ date: new Date("2026-11-10"), draft: false }], now, years).toISOString(), "2026-11-09T23:00:00.000Z");
  });

  it("is the day an article's comments close by age, at the start of that day in Paris, when they do", () => {
    const published = new Date("2026-05-20");
    assert.equal(outputExpiry([{ date: published, draft: false }], now, years, 30).toISOString(), "2026-06-18T22:00:00.000Z");
    assert.equal(outputExpiry([{ date: published, draft: false }], now, years).getTime(), new Date(2027, 0, 1).getTime());
  });

  it("is the moment an article's last check becomes too old, its review counting", () => {
    const published = new Date("2023-08-01T00:00:00Z");
    assert.equal(outputExpiry([{ date: published, draft: false }], now, years).toISOString(), "2026-08-01T00:00:00.000Z");
    const reviewed = new Date("2024-02-01T00:00:00Z");
    assert.equal(outputExpiry([{ date: published, reviewed, draft: false }], now, years).getTime(), new Date(2027, 0, 1).getTime());
  });

  it("ignores drafts, which a build does not show, and what is already past", () => {
    const past = new Date("2020-01-01T00:00:00Z");
    assert.equal(outputExpiry([{ date: new Date("2026-06-05"), draft: true }, { date: past, draft: false }], now, years).getTime(), new Date(2027, 0, 1).getTime());
  });

  it("npm run build trusts the last build only with the same inputs and before that moment", () => {
    const stamp = { inputs: "abc", validUntil: "2026-06-10T00:00:00.000Z" };
    assert.ok(stillTrue(stamp, "abc", now));
    assert.ok(!stillTrue(stamp, "abd", now));
    assert.ok(!stillTrue(stamp, "abc", new Date("2026-06-10T00:00:00Z")));
    assert.ok(!stillTrue({ validUntil: stamp.validUntil }, "abc", now), "a build not started by npm run build");
    assert.ok(!stillTrue(undefined, "abc", now));
  });
});

describe("comments closing by age", () => {
  const date = new Date("2026-05-20");
  it("close on the day publication day + N, in France, and never when the setting is off", () => {
    assert.equal(commentsCloseOn(date, 30), "2026-06-19");
    assert.equal(commentsCloseOn(date, undefined), undefined);
    assert.equal(commentsCloseOn(date, 0), undefined);
    // 21:59 UTC on the 18th is 23:59 in Paris: still open; 22:00 UTC is the 19th in Paris.
    assert.equal(commentsOpen({ comments: "open", date }, new Date("2026-06-18T21:59:00Z"), 30), true);
    assert.equal(commentsOpen({ comments: "open", date }, new Date("2026-06-18T22:00:00Z"), 30), false);
    assert.equal(commentsOpen({ comments: "open", date }, new Date("2030-01-01"), undefined), true);
    assert.equal(commentsOpen({ comments: "closed", date }, new Date("2026-05-21"), 30), false);
  });
});
