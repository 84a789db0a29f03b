import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { glossaryByLetter, glossaryLine, glossaryMatcher, glossaryProblems } from "../../src/lib/glossary.ts";

const entries = [
  { id: "infarctus-du-myocarde", terme: "infarctus du myocarde", definition: "…", courant: ["crise cardiaque"], medical: ["infarctus", "IDM"] },
  { id: "antalgique", terme: "antalgique", definition: "…", courant: ["antidouleur"] },
  { id: "eczema", terme: "eczéma", definition: "…" },
];

describe("glossary", () => {
  it("finds the entries a text mentions by any of their words, whole words only, accents and case aside", () => {
    const mentions = glossaryMatcher(entries);
    assert.deepEqual(mentions("Une CRISE cardiaque, puis un antidouleur.").map((e) => e.id), ["infarctus-du-myocarde", "antalgique"]);
    assert.deepEqual(mentions("Eczema du nourrisson").map((e) => e.id), ["eczema"]);
    assert.deepEqual(mentions("infarctusX, antidouleurs-like? non: antidouleurs").map((e) => e.id), []);
    assert.deepEqual(glossaryMatcher([])("tout"), []);
  });

  it("writes an entry for the search with its other words", () => {
    assert.equal(glossaryLine(entries[0]!), "infarctus du myocarde (crise cardiaque, infarctus, IDM)");
    assert.equal(glossaryLine(entries[2]!), "eczéma");
  });

  it("names both entries when a word is in two", () => {
    const problems = glossaryProblems([...entries, { id: "cardio", terme: "Crise  cardiaque", definition: "…" }], "content/glossaire.yaml");
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.field, "cardio.terme");
    assert.match(problems[0]!.message, /^« Crise {2}cardiaque » est déjà dans l’entrée infarctus-du-myocarde \(courant\)\./);
  });

  it("lists terms A to Z under their unaccented first letter", () => {
    assert.deepEqual(glossaryByLetter(entries).map(({ letter, entries }) => [letter, entries.map((e) => e.id)]), [
      ["A", ["antalgique"]],
      ["E", ["eczema"]],
      ["I", ["infarctus-du-myocarde"]],
    ]);
  });
});
