import { test } from "node:test";
import assert from "node:assert/strict";
import { countWords, readingTimeMinutes } from "../../src/lib/reading-time.ts";

const words = (n: number): string => Array.from({ length: n }, (_, i) => `mot${i}`).join(" ");

test("counts prose words, contractions count once", () => {
  assert.equal(countWords("L’été, il fait chaud : buvez de l'eau !"), 7);
});

test("front matter is not read", () => {
  assert.equal(countWords("---\ntitle: Un deux trois quatre\ntags: [a, b]\n---\nUn mot."), 2);
});

test("fenced code is not read, even with a longer or unclosed fence", () => {
  assert.equal(countWords("Avant.\n\n```ts\nconst a = 1;\nconst b = 2;\n```\n\nAprès."), 2);
  assert.equal(countWords("Avant.\n\n````md\n```\nnested\n```\n````\n\nAprès."), 2);
  assert.equal(countWords("Avant.\n\n~~~\ncode sans fin\nencore"), 1);
});

test("MDX imports, exports and JSX tags are not read, their children are", () => {
  const mdx = [
    "import Encadre from '../components/Encadre.astro';",
    "export const meta = { a: 1 };",
    "",
    '<Encadre titre="attention danger">Lisez bien ceci.</Encadre>',
    "",
    "<Figure src={image} />",
  ].join("\n");
  assert.equal(countWords(mdx), 3);
});

test("link URLs, images and bare URLs are not read; link text is", () => {
  assert.equal(countWords("Voir [le rapport de la HAS](https://www.has-sante.fr/jcms/abc-def) ici."), 7);
  assert.equal(countWords("Lire [notre dossier](/articles/vaccin-grippe-hiver/ \"Titre\")."), 3);
  assert.equal(countWords("Texte ![schéma du cœur](./coeur.png) https://example.org/a/b/c fin"), 2);
  assert.equal(countWords("Lien <https://a.fr/b-c> et fin.\n\n[ref]: https://a.fr/x \"Titre long\""), 3);
});

test("minutes round up at the given speed", () => {
  assert.equal(readingTimeMinutes(words(200)), 1);
  assert.equal(readingTimeMinutes(words(201)), 2);
  assert.equal(readingTimeMinutes(words(1000)), 5);
  assert.equal(readingTimeMinutes(words(300), 100), 3);
});

test("at least one minute, even for an empty body", () => {
  assert.equal(readingTimeMinutes(""), 1);
  assert.equal(readingTimeMinutes("```\ncode\n```"), 1);
});

test("a speed that is not positive is refused", () => {
  assert.throws(() => readingTimeMinutes("mot", 0), RangeError);
  assert.throws(() => readingTimeMinutes("mot", Number.NaN), RangeError);
});
