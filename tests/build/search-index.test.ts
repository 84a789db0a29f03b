// The sample site's search index (dist/pagefind/), as Pagefind wrote it with our settings.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { INDEX_CHUNK_SIZE } from "../../src/integrations/pagefind.ts";
import { assertBuilt, dist } from "../helpers/dist.ts";

/** A page's record in Pagefind's index: a gzip file holding a signature, then JSON. */
function fragment(file: string): { word_count: number } {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{")));
}

describe("search index", () => {
  it(`cuts the word index in chunks of about ${INDEX_CHUNK_SIZE} word locations, so a query downloads little`, () => {
    assertBuilt();
    const bundle = join(dist, "pagefind");
    const fragments = readdirSync(join(bundle, "fragment"));
    const words = fragments.reduce((n, f) => n + fragment(join(bundle, "fragment", f)).word_count, 0);
    const chunks = readdirSync(join(bundle, "index")).filter((f) => f.endsWith(".pf_index")).length;
    // A chunk ends at a word's last location, so chunks hold a little over the setting each;
    // Pagefind's default (20,000) would give one or two chunks for the whole sample site.
    const expected = Math.floor(words / (2 * INDEX_CHUNK_SIZE));
    assert.ok(expected >= 4, `the sample site has ${words} indexed words: too few to tell`);
    assert.ok(
      chunks >= expected,
      `${chunks} word-index chunks for ${words} words: Pagefind no longer honours PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ` +
        "(src/integrations/pagefind.ts); find its new name in Pagefind's changelog, or the first results grow by about 20 KB",
    );
  });
});
