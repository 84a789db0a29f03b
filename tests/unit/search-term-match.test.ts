import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { glossaryLinesFound, matchedWords, queryTerms, standsFor, termsInNoPage, termsNotFound, withoutTerms } from "../../src/lib/search/term-match.ts";
import { glossaryMeta, glossaryMetaLines } from "../../src/lib/search/glossary-meta.ts";

describe("search terms against what Pagefind matched", () => {
  it("keeps the words that carry meaning, folded", () => {
    assert.deepEqual(queryTerms("Mal de DOS"), ["mal", "dos"]);
    assert.deepEqual(queryTerms("l’immunothérapie du cancer"), ["immunotherapie", "cancer"]);
  });

  it("takes a word's start of a sensible length, never a fragment", () => {
    assert.equal(standsFor("vaccins", "vaccination"), true);
    assert.equal(standsFor("vacc", "vaccin"), true);
    assert.equal(standsFor("immunotherapie", "immunotherapies"), true);
    assert.equal(standsFor("doliprane", "d"), false);
    assert.equal(standsFor("doliprane", "dose"), false);
    assert.equal(standsFor("immunoterapie", "immunotherapie"), false, "a misspelling is not a match");
    assert.equal(standsFor("immunoterapie", "immunitaire"), false);
    assert.equal(standsFor("arn", "arn"), true);
    assert.equal(standsFor("vacc", "vaccination"), true, "Pagefind's prefix search is a match, not a fallback");
  });

  it("takes a short word as a whole word, or its plural", () => {
    assert.equal(standsFor("mal", "maladie"), false);
    assert.equal(standsFor("dos", "dose"), false, "one French stem, two words");
    assert.equal(standsFor("dos", "dos"), true);
    assert.equal(standsFor("vih", "vih"), true);
    assert.equal(standsFor("mal", "mals"), true);
    assert.equal(standsFor("feu", "feux"), true);
    assert.equal(standsFor("vacin", "vaccin"), false);
  });

  it("reads the matched words out of Pagefind's page text", () => {
    assert.deepEqual(matchedWords("Le vaccin d'un enfant", [1, 2]), ["vaccin", "d", "un"]);
  });

  it("names the terms no matched word stands for", () => {
    assert.deepEqual(termsNotFound("doliprane", ["d"]), ["doliprane"]);
    assert.deepEqual(termsNotFound("vaccin doliprane", ["vaccins", "d"]), ["doliprane"]);
    assert.deepEqual(termsNotFound("vaccins", ["vaccination"]), []);
    assert.deepEqual(termsNotFound("de la", ["d"]), [], "stop words alone are left to Pagefind");
    assert.deepEqual(termsNotFound("mal de dos", ["maladie", "dose"]), ["mal", "dos"]);
  });

  it("leaves short words out of what one result can say about every page", () => {
    assert.deepEqual(termsInNoPage("mal de dos", ["maladie", "dose"]), []);
    assert.deepEqual(termsInNoPage("dos doliprane", ["dose", "d"]), ["doliprane"]);
  });

  it("names the glossary entries a result was found by, and only those", () => {
    const lines = ["angine", "otite (mal d’oreille)", "migraine (mal de tête, céphalée)"];
    assert.deepEqual(glossaryLinesFound("mal d’oreille", ["mal"], lines), ["otite (mal d’oreille)"], "mal is in the text, oreille only in the glossary");
    assert.deepEqual(glossaryLinesFound("Céphalées", [], lines), ["migraine (mal de tête, céphalée)"]);
    assert.deepEqual(glossaryLinesFound("otite", ["otites"], lines), [], "the text holds every word");
    assert.deepEqual(glossaryLinesFound("doliprane", [], lines), []);
    assert.deepEqual(glossaryLinesFound("otite", [], []), []);
  });

  it("keeps an article's glossary lines apart in its one metadata value", () => {
    const lines = ["otite (mal d’oreille)", "migraine (mal de tête, céphalée)"];
    assert.deepEqual(glossaryMetaLines(glossaryMeta(lines)), lines);
    assert.deepEqual(glossaryMetaLines(""), []);
  });

  it("drops the words found nowhere from a query", () => {
    assert.equal(withoutTerms("Vaccin immunoterapie", ["immunoterapie"]), "Vaccin");
    assert.equal(withoutTerms("grippe  Vacin   enfant", ["vacin"]), "grippe enfant");
  });
});
