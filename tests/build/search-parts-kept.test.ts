// The whole search index in parts, kept between builds (src/lib/search/shards.ts,
// src/integrations/pagefind.ts): a build indexes again only the parts whose pages changed, and
// writes the same files as indexing everything from nothing. The sample site's pages, indexed as a
// large site's would be, in parts of six pages.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { indexSite } from "../../src/integrations/pagefind.ts";
import { takeBack, type KeptIndex } from "../../src/integrations/kept-indexes.ts";
import { sortDate } from "../../src/lib/search/recent.ts";
import { articlePages, assertBuilt, dist } from "../helpers/dist.ts";
import { tempDir } from "../helpers/temp.ts";

const RECENT = 3;
const SHARD_PAGES = 6;

/** Every file of a folder, by relative path. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name)).toString("base64"));
  }
  return files;
}

const fileOf = (site: string, path: string) => join(site, path, "index.html");

describe("search index parts kept between builds", () => {
  let site: string;
  let keep: KeptIndex;
  const reindex = () => indexSite(site, undefined, RECENT, SHARD_PAGES, keep);

  /** The bundle the same pages give when nothing is kept. */
  async function fromNothing(): Promise<Map<string, string>> {
    const copy = tempDir("pouls-parts-fresh-");
    cpSync(site, copy, { recursive: true });
    await indexSite(copy, undefined, RECENT, SHARD_PAGES);
    return filesOf(join(copy, "pagefind"));
  }

  const byDate = () =>
    articlePages(site)
      .map((path) => ({ path, date: sortDate(readFileSync(fileOf(site, path), "utf8")) }))
      .sort((a, b) => (a.date === b.date ? (a.path < b.path ? -1 : 1) : a.date < b.date ? -1 : 1));

  before(() => {
    assertBuilt();
    site = tempDir("pouls-parts-");
    cpSync(dist, site, { recursive: true });
    keep = { dir: tempDir("pouls-parts-kept-"), pagefindVersion: "test" };
  });

  it("indexes every part the first time, and none when nothing changed, to the same files", async () => {
    const first = await reindex();
    assert.ok(first.parts >= 2, `${first.parts + 1} parts`);
    assert.equal(first.indexes, first.parts + 2, "the parts and the recent index");
    assert.equal(first.indexed, first.indexes);
    const written = filesOf(join(site, "pagefind"));
    const again = await reindex();
    assert.equal(again.indexed, 0);
    assert.deepEqual(filesOf(join(site, "pagefind")), written);
  });

  it("reuses the indexes taken back before the output folder is emptied, as a build does before Astro empties it", async () => {
    const written = filesOf(join(site, "pagefind"));
    takeBack(join(site, "pagefind"), keep);
    rmSync(join(site, "pagefind"), { recursive: true });
    const report = await reindex();
    assert.equal(report.indexed, 0);
    assert.deepEqual(filesOf(join(site, "pagefind")), written);
  });

  it("indexes again what went missing from the output folder, rather than ship an index cut short", async () => {
    const written = filesOf(join(site, "pagefind"));
    rmSync(join(site, "pagefind", "parts", "1", "fragment"), { recursive: true });
    const report = await reindex();
    assert.equal(report.indexed, 1, "the part whose files went missing");
    assert.deepEqual(filesOf(join(site, "pagefind")), written);
  });

  it("counts the words of a reused part again when they were not kept with it, to the same suggestions", async () => {
    const written = filesOf(join(site, "pagefind"));
    const parts = readdirSync(keep.dir).filter((name) => name.startsWith("part-"));
    for (const name of parts) rmSync(join(keep.dir, name, "words.json"));
    const report = await reindex();
    assert.equal(report.indexed, 0);
    assert.deepEqual(filesOf(join(site, "pagefind")), written);
    for (const name of parts) assert.ok(readFileSync(join(keep.dir, name, "words.json"), "utf8").length > 2, `${name}'s words kept again`);
  });

  it("reads every page again after a change of the code that reads them, to the same indexes", async () => {
    const written = filesOf(join(site, "pagefind"));
    const pages = JSON.parse(readFileSync(join(keep.dir, "pages.json"), "utf8")) as { key: string; pages: string[][] };
    assert.ok(pages.pages.some((page) => page[2] !== ""), "indexed pages recorded");
    // A record made by other code, whose digests no longer match what this code gives Pagefind.
    writeFileSync(join(keep.dir, "pages.json"), JSON.stringify({ ...pages, pages: pages.pages.map(([url, html, digest, date]) => [url, html, digest ? "0".repeat(64) : "", date]) }));
    const other = { ...keep, indexerCode: "other" };
    const report = await indexSite(site, undefined, RECENT, SHARD_PAGES, other);
    assert.equal(report.indexed, 0, "the pages read again give the indexes kept, the record aside");
    assert.deepEqual(filesOf(join(site, "pagefind")), written);
    assert.equal((await indexSite(site, undefined, RECENT, SHARD_PAGES, keep)).indexed, 0);
  });

  it("indexes only the part of a corrected old article, to the files of an index made from nothing", async () => {
    const oldest = byDate()[0]!.path;
    const file = fileOf(site, oldest);
    const html = readFileSync(file, "utf8");
    const corrected = html.replace(/(data-pagefind-body[^>]*>)/u, "$1<p>Correction apportée par la rédaction.</p>");
    assert.notEqual(corrected, html, `${oldest} has a data-pagefind-body`);
    writeFileSync(file, corrected);
    const report = await reindex();
    assert.equal(report.indexed, 1, "its part alone");
    assert.deepEqual(filesOf(join(site, "pagefind")), await fromNothing());
  });

  it("indexes only the newest part and the recent index for a new article", async () => {
    const newest = byDate().at(-1)!;
    const html = readFileSync(fileOf(site, newest.path), "utf8");
    mkdirSync(join(site, "articles", "un-nouvel-article"), { recursive: true });
    writeFileSync(fileOf(site, "/articles/un-nouvel-article/"), html.replaceAll(`date:${newest.date}`, "date:2099-01-01"));
    const report = await reindex();
    assert.equal(report.indexed, 2, "the newest part and the recent index");
    assert.deepEqual(filesOf(join(site, "pagefind")), await fromNothing());
  });

  it("does not read a page whose file is as the last build left it (same inode, size and time), and reads it once touched", async () => {
    const oldest = byDate()[0]!.path;
    const file = fileOf(site, oldest);
    const html = readFileSync(file, "utf8");
    // A time in whole seconds, which utimes sets exactly, recorded by a first indexing.
    const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, time, time);
    assert.equal((await reindex()).indexed, 0, "the same page, stamped");
    // The same number of bytes, written in place, the file's time put back: what no build or
    // editor does, to show that such a file is taken from the record without being read.
    const edited = html.replace(/(data-pagefind-body[^>]*>[^<]*<[^>]*>)([^<]{9})/u, (_, start: string) => `${start}Zzzzzzzzz`);
    assert.notEqual(edited, html, `${oldest} has text to change`);
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(html));
    writeFileSync(file, edited);
    utimesSync(file, time, time);
    assert.equal((await reindex()).indexed, 0, "taken from the record");
    utimesSync(file, time, new Date());
    assert.equal((await reindex()).indexed, 1, "read again: its part is indexed again");
    assert.deepEqual(filesOf(join(site, "pagefind")), await fromNothing());
  });
});
