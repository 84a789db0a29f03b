import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { glossaryByLetter, glossaryFinder, glossaryLine, glossaryMatcher, glossaryProblems } from "../../src/lib/glossary.ts";

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
    assert.deepEqual(mentions("infarctusX, antidouleursX, l’eczémateux").map((e) => e.id), []);
    assert.deepEqual(mentions("Des crises cardiaques ; deux antidouleurs.").map((e) => e.id), ["infarctus-du-myocarde", "antalgique"]);
    assert.deepEqual(glossaryMatcher([])("tout"), []);
  });

  it("says where in the text each mention is, as written, longest words first", () => {
    const text = "L’Eczéma, puis un infarctus du myocarde ; un infarctus encore, et des crises  cardiaques.";
    const found = glossaryFinder(entries)(text).map((m) => [m.entry.id, text.slice(m.start, m.end)]);
    assert.deepEqual(found, [
      ["eczema", "Eczéma"],
      ["infarctus-du-myocarde", "infarctus du myocarde"],
      ["infarctus-du-myocarde", "infarctus"],
      ["infarctus-du-myocarde", "crises  cardiaques"],
    ]);
    const decomposed = "une ecze\u0301ma";
    const [only] = glossaryFinder(entries)(decomposed);
    assert.equal(decomposed.slice(only!.start, only!.end), "ecze\u0301ma");
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
