import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { closestWord, editDistance, newVocabulary, textOf } from "../../src/lib/search/vocabulary.ts";

describe("search vocabulary and suggestions", () => {
  it("reads the text of a page, not its markup or scripts", () => {
    assert.equal(textOf("<p>Le <b>vaccin</b>&nbsp;&amp; l&#39;ARN</p><script>var x</script>").replace(/\s+/g, " ").trim(), "Le vaccin l ARN");
  });

  it("counts words of four letters or more by first letter, keeping the form most written", () => {
    const vocabulary = newVocabulary();
    vocabulary.add("<h1>Immunothérapie</h1><p>L’immunothérapie et l’IMMUNOTHÉRAPIE, un vaccin, des vaccins, le vaccin</p>");
    assert.deepEqual(Object.fromEntries(vocabulary.shards()), {
      i: [["immunothérapie", 3]],
      v: [["vaccin", 2], ["vaccins", 1]],
    });
  });

  it("gives the same words from counts kept apart as from the pages themselves", () => {
    const pages = ["<p>Le vaccin contre la grippe</p>", "<p>Un vaccin, deux vaccins, la Grippe</p>", "<p>La grippe saisonnière</p>"];
    const whole = newVocabulary();
    for (const page of pages) whole.add(page);
    const first = newVocabulary();
    first.add(pages[0]!);
    const rest = newVocabulary();
    for (const page of pages.slice(1)) rest.add(page);
    const merged = newVocabulary();
    merged.addCounts(JSON.parse(JSON.stringify(first.counts())));
    merged.addCounts(rest.counts());
    assert.deepEqual(merged.shards(), whole.shards());
    assert.deepEqual(Object.fromEntries(merged.shards()).g, [["grippe", 3]]);
  });

  it("measures edits, swaps of neighbours included, and stops past the cap", () => {
    assert.equal(editDistance("vacin", "vaccin", 2), 1);
    assert.equal(editDistance("vacicn", "vaccin", 2), 1);
    assert.equal(editDistance("immunoterapie", "immunotherapie", 2), 1);
    assert.equal(editDistance("doliprane", "dose", 2), 3);
  });

  it("suggests the closest indexed word, the most frequent on a tie, never a far one", () => {
    const shard: [string, number][] = [["vaccin", 12], ["vaccins", 3], ["vacances", 1]];
    assert.equal(closestWord("vacin", shard), "vaccin");
    assert.equal(closestWord("immunoterapie", [["immunothérapie", 5]]), "immunothérapie");
    assert.equal(closestWord("doliprane", [["dose", 4], ["douleur", 9]]), undefined);
    assert.equal(closestWord("vaccin", shard), "vaccins", "the word itself is skipped: only other words are suggestions");
  });
});
