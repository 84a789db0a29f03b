// The search page's loader (src/components/search/SearchBoot.astro, search-client.ts) leans on
// the shape of Pagefind's output: the names of the files its start-up fetches, data files that
// are gzip streams around Pagefind's signature, and what pagefind.js exports and reads. After a
// Pagefind upgrade this says what changed, instead of a search page that quietly stops answering.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { assertBuilt, dist } from "../helpers/dist.ts";
import { INDEX_HASH, PAGEFIND_API, PAGEFIND_DATA_EXTENSIONS, PAGEFIND_OPTIONS, PAGEFIND_SIGNATURE, RECENT_DIR, startupFiles } from "../../src/lib/search/bundle.ts";

const CHANGED = "Pagefind's output no longer has the shape the search page's loader relies on (src/lib/search/bundle.ts, src/components/search/SearchBoot.astro)";

function bundles(): string[] {
  const whole = join(dist, "pagefind");
  const recent = join(whole, RECENT_DIR);
  return existsSync(join(recent, "pagefind-entry.json")) ? [whole, recent] : [whole];
}

describe("Pagefind's files, as the search page's loader expects them", () => {
  it("one French index per bundle, whose start-up files are where the page preloads them", () => {
    assertBuilt();
    for (const dir of bundles()) {
      const entry = JSON.parse(readFileSync(join(dir, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { hash?: string }> };
      const languages = Object.keys(entry.languages ?? {});
      assert.deepEqual(languages, ["fr"], `${CHANGED}: pagefind-entry.json's languages are ${JSON.stringify(entry.languages)}`);
      const hash = entry.languages!.fr!.hash ?? "";
      assert.match(hash, INDEX_HASH, `${CHANGED}: the index hash « ${hash} » has another form`);
      for (const file of startupFiles(hash)) {
        assert.ok(existsSync(join(dir, file.replace(/\?.*$/u, ""))), `${CHANGED}: ${file} is not in ${dir}`);
      }
    }
  });

  it("data files are gzip streams around Pagefind's signature, which the page inflates itself", () => {
    const data = new RegExp(`\\.(?:${PAGEFIND_DATA_EXTENSIONS.join("|")})$`, "u");
    const kinds = new Set<string>();
    for (const dir of bundles()) {
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !data.test(entry.name)) continue;
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        assert.deepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b], `${CHANGED}: ${entry.name} is not gzip`);
        assert.equal(gunzipSync(bytes).subarray(0, PAGEFIND_SIGNATURE.length).toString("latin1"), PAGEFIND_SIGNATURE, `${CHANGED}: ${entry.name} lacks Pagefind's signature`);
        kinds.add(entry.name.slice(entry.name.lastIndexOf(".") + 1));
      }
    }
    for (const kind of ["pf_meta", "pf_index", "pf_fragment", "pagefind"]) assert.ok(kinds.has(kind), `${CHANGED}: no .${kind} file`);
  });

  it("pagefind.js exports what the page calls, and reads the options the page gives it", () => {
    for (const dir of bundles()) {
      const script = readFileSync(join(dir, "pagefind.js"), "utf8");
      const exported = /export\s*\{([^}]*)\}/u.exec(script)?.[1]?.split(",").map((name) => name.trim().split(/\s+as\s+/u).at(-1)) ?? [];
      for (const name of PAGEFIND_API) assert.ok(exported.includes(name), `${CHANGED}: pagefind.js no longer exports ${name} (it exports ${exported.join(", ")})`);
      for (const option of PAGEFIND_OPTIONS) assert.ok(script.includes(option), `${CHANGED}: pagefind.js no longer reads the option ${option}`);
      assert.ok(script.includes(PAGEFIND_SIGNATURE), `${CHANGED}: pagefind.js no longer recognises data already inflated`);
    }
  });
});
