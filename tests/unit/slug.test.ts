import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_SLUG_LENGTH, slugify, tagSlug } from "../../src/lib/slug.ts";

// The rule the content schema applies to every slug reference.
const SLUG_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

test("lowercase, accents removed", () => {
  assert.equal(slugify("Été Caniculaire À Paris"), "ete-caniculaire-a-paris");
});

test("ligatures are spelled out", () => {
  assert.equal(slugify("Œdème et Cæcum"), "oedeme-et-caecum");
  assert.equal(slugify("cœur"), "coeur");
});

test("apostrophes and punctuation become single hyphens, trimmed at the ends", () => {
  assert.equal(slugify("Cancer du col de l'utérus"), "cancer-du-col-de-l-uterus");
  assert.equal(slugify("L’été : « chaud » — vraiment ?!"), "l-ete-chaud-vraiment");
  assert.equal(slugify("  --Covid-19 : 10 % de cas en plus...  "), "covid-19-10-de-cas-en-plus");
});

test("nothing usable gives an empty slug", () => {
  assert.equal(slugify(" ?! … "), "");
});

test("long titles are cut at a word boundary", () => {
  const title = "Le dépistage organisé du cancer du sein est-il vraiment utile après soixante-quinze ans selon les dernières études";
  const slug = slugify(title);
  assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
  assert.match(slug, SLUG_RULE);
  assert.ok(slugify(title, 1000).startsWith(`${slug}-`), "coupé entre deux mots");
  assert.equal(slugify("un deux trois", 7), "un-deux");
  assert.equal(slugify("un deux trois", 6), "un");
});

test("a single word longer than the limit is cut hard", () => {
  assert.equal(slugify("a".repeat(100)).length, MAX_SLUG_LENGTH);
});

test("tag slugs follow the same rules", () => {
  assert.equal(tagSlug("Santé mentale"), "sante-mentale");
  assert.equal(tagSlug("Sœurs & frères"), "soeurs-freres");
});

test("every slug satisfies the content schema", () => {
  for (const title of ["Ça va ?", "COVID-19 : l'OMS alerte", "Vitamine D3 & K2", "Æsthétique"]) {
    assert.match(slugify(title), SLUG_RULE, title);
  }
});
