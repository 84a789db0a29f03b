import { describe, it, test } from "node:test";
import assert from "node:assert/strict";
import { frenchTypography, NBSP, NNBSP } from "../../src/lib/typography.ts";

// Visible stand-ins make expectations readable: ⍽ = U+202F, _ = U+00A0.
const show = (text: string): string => text.replaceAll(NNBSP, "⍽").replaceAll(NBSP, "_");
const fr = (text: string, before?: string): string =>
  show(frenchTypography(text, before === undefined ? {} : { before }));

test("narrow no-break space before ; ! ?, replacing a typed space", () => {
  assert.equal(fr("Pourquoi ? Parce que ; enfin !"), "Pourquoi⍽? Parce que⍽; enfin⍽!");
});

test("narrow no-break space inserted after a word", () => {
  assert.equal(fr("Pourquoi? Parce que; enfin!"), "Pourquoi⍽? Parce que⍽; enfin⍽!");
  assert.equal(fr("(vraiment?)"), "(vraiment⍽?)");
});

test("a no-break space before ; becomes a narrow one", () => {
  assert.equal(fr(`Quoi${NBSP}?`), "Quoi⍽?");
});

test("one space before a group such as ?!", () => {
  assert.equal(fr("Quoi?!"), "Quoi⍽?!");
  assert.equal(fr("Quoi ?!"), "Quoi⍽?!");
  assert.equal(fr("Non!!!"), "Non⍽!!!");
});

test("no-break space before a colon", () => {
  assert.equal(fr("Note: voir"), "Note_: voir");
  assert.equal(fr("Note : voir"), "Note_: voir");
  assert.equal(fr(`Note${NNBSP}: voir`), "Note_: voir");
});

test("times, ratios and identifiers keep their marks glued", () => {
  assert.equal(fr("Rendez-vous à 10:30, ratio 1:2."), "Rendez-vous à 10:30, ratio 1:2.");
  assert.equal(fr("index.php?id=3"), "index.php?id=3");
  assert.equal(fr("std::vector"), "std::vector");
});

test("URLs are left untouched, sentence punctuation after them is not", () => {
  assert.equal(fr("Voir https://x.fr/?a=1 !"), "Voir https://x.fr/?a=1⍽!");
  assert.equal(fr("Voir https://x.fr/?a=1&b=2!"), "Voir https://x.fr/?a=1&b=2⍽!");
  assert.equal(fr("Sur www.ameli.fr/assure?x=1 ; ou"), "Sur www.ameli.fr/assure?x=1⍽; ou");
  assert.equal(fr("ameli.fr/assure?x=1"), "ameli.fr/assure?x=1");
  assert.equal(fr("ftp://a.fr/l'x"), "ftp://a.fr/l'x");
  assert.equal(fr("https://fr.wikipedia.org/wiki/Grippe_(maladie)"), "https://fr.wikipedia.org/wiki/Grippe_(maladie)");
});

test("e-mail addresses and schemes are left untouched", () => {
  assert.equal(fr("Écrire à contact@pouls.fr ?"), "Écrire à contact@pouls.fr⍽?");
  assert.equal(fr("mailto:o'neil@pouls.fr"), "mailto:o'neil@pouls.fr");
  assert.equal(fr("tel:+33100000000"), "tel:+33100000000");
});

test("no-break spaces inside « »", () => {
  assert.equal(fr("«mot»"), "«_mot_»");
  assert.equal(fr("« mot »"), "«_mot_»");
  assert.equal(fr("«  mot  »"), "«_mot_»");
});

test("straight double quotes become French quotes", () => {
  assert.equal(fr('Il dit "bonjour" ici.'), "Il dit «_bonjour_» ici.");
  assert.equal(fr('"Vraiment?"'), "«_Vraiment⍽?_»");
  assert.equal(fr('Deux "a" et "b".'), "Deux «_a_» et «_b_».");
  assert.equal(fr('" espacé "'), "«_espacé_»");
  // A quote with a space on both sides closes the one left open.
  assert.equal(fr('Il a dit "oui " puis'), "Il a dit «_oui_» puis");
});

test("an inch mark after a number is not a quotation", () => {
  assert.equal(fr('Un écran 15" suffit.'), 'Un écran 15" suffit.');
});

test("apostrophes after a letter become typographic", () => {
  assert.equal(fr("l'été, d'abord, aujourd'hui, qu'il"), "l’été, d’abord, aujourd’hui, qu’il");
  assert.equal(fr("les '90"), "les '90");
});

test("context: text split by inline markup", () => {
  // « <em>mot</em> » is three text nodes: "« ", "mot", " ».
  assert.equal(fr("« ", "Il dit "), "«_");
  assert.equal(fr(" »", "Il dit « mot"), "_»");
  assert.equal(fr("»", "«mot"), "_»");
  // mot</em> ; and mot</em>;
  assert.equal(fr(" ; ensuite", "le mot"), "⍽; ensuite");
  assert.equal(fr("; ensuite", "le mot"), "⍽; ensuite");
  assert.equal(fr("'été", "l"), "’été");
});

test("context: no space is inserted after a preceding space", () => {
  assert.equal(fr("; ensuite", "le mot "), "; ensuite");
});

test("context: quotes pair across text nodes", () => {
  // "<em>mot</em>" is three text nodes: '"', "mot", '"'.
  assert.equal(fr('"', ""), "«_");
  assert.equal(fr('"', '"mot'), "_»");
  assert.equal(fr('" dit-il', 'Il a dit "oui'), "_» dit-il");
  assert.equal(fr('" dit-il', 'Il a dit "oui '), "» dit-il");
  assert.equal(fr('" dit-il', "Il a dit « oui "), "» dit-il");
});

test("context given as a function: read only when the chunk needs it, same result as the text", () => {
  const cases: Array<[string, string, boolean]> = [
    ['" dit-il', 'Il a dit "oui', true],
    ["; ensuite", "le mot", true],
    ["l'été, pourquoi ? Parce que : voilà", "« Il dit ", false],
    ["Il a dit « oui »", 'Un "mot', false],
  ];
  for (const [text, before, needed] of cases) {
    let reads = 0;
    const lazy = frenchTypography(text, { before: () => (reads++, before) });
    assert.equal(lazy, frenchTypography(text, { before }), `pour ${JSON.stringify(text)}`);
    assert.equal(reads, needed ? 1 : 0, `contexte lu pour ${JSON.stringify(text)}`);
  }
});

test("idempotent: applying twice equals applying once", () => {
  const samples: Array<[string, string?]> = [
    ["Pourquoi? Parce que; enfin! Note: voir « mot » et \"citation\" l'été."],
    ["Quoi?! Voir https://x.fr/?a=1 ! contact@pouls.fr ?"],
    ['"Vraiment?" 15" 10:30'],
    [" »", "« mot"],
    ['"', '"mot'],
    ["; ensuite", "le mot"],
    ["« ", "Il dit "],
  ];
  for (const [text, before] of samples) {
    const context = before === undefined ? {} : { before };
    const once = frenchTypography(text, context);
    assert.equal(frenchTypography(once, context), once, `pour ${JSON.stringify(text)}`);
  }
});

test("text without French punctuation is returned unchanged", () => {
  const text = "Le vaccin protège contre les formes graves, selon l’étude.";
  assert.equal(frenchTypography(text), text);
});

describe("numbers readers see", () => {
  it("group thousands with a narrow no-break space, as French does", async () => {
    const { t } = await import("../../src/i18n/fr.ts");
    const { FORM_TEXT, THREAD_TEXT } = await import("../../src/i18n/comments.fr.ts");
    assert.equal(t.articlesCount(1234), "1\u202f234 articles");
    assert.equal(t.pageN(3, 1250), "Page 3 sur 1\u202f250");
    assert.equal(THREAD_TEXT.count(1001), "1\u202f001 commentaires");
    assert.match(FORM_TEXT.bodyHint, /^Texte simple, 5\u202f000 caractères au plus/u);
  });
});
