import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  computeRelated,
  createRelatedIndex,
  DEFAULT_RELATED_OPTIONS,
  stemFrench,
  tokenize,
  type RelatedArticle,
  type RelatedOptions,
} from "../../src/lib/related/index.ts";

const article = (slug: string, fields: Partial<RelatedArticle> = {}): RelatedArticle => ({
  slug,
  title: "",
  lead: "",
  body: "",
  tags: [],
  categoryPath: ["divers"],
  date: new Date("2024-01-01"),
  pins: [],
  suggest: true,
  ...fields,
});

const GRIPPE = {
  title: "Vaccin contre la grippe : qui doit se faire vacciner cet automne ?",
  lead: "La campagne de vaccination contre la grippe saisonnière commence en octobre.",
  body: "Le vaccin antigrippal protège les personnes fragiles. La vaccination est recommandée après 65 ans.",
};

// Three topics (flu vaccination, sleep, cancer screening) over several sections. The flu
// articles share vocabulary but no tag; sommeil-ecrans shares a tag with vaccin-grippe, not its topic.
const corpus = (): RelatedArticle[] => [
  article("vaccin-grippe", { ...GRIPPE, tags: ["prévention"], categoryPath: ["infections", "vaccination"] }),
  article("grippe-seniors", {
    title: "Grippe : les seniors appelés à se faire vacciner",
    lead: "Les personnes âgées restent les plus exposées aux formes graves de la grippe.",
    body: "Le vaccin contre la grippe est gratuit après 65 ans. Une **vaccination** chaque automne réduit les hospitalisations.",
    categoryPath: ["bien-vieillir", "autonomie"],
    date: new Date("2023-10-01"),
  }),
  article("epidemie-grippe", {
    title: "L'épidémie de grippe s'installe dans toutes les régions",
    lead: "Le virus de la grippe circule activement ; la vaccination reste possible.",
    body: "Les urgences voient arriver de nombreux cas de grippe. Il n'est pas trop tard pour le vaccin.",
    categoryPath: ["infections", "epidemies"],
    date: new Date("2024-01-15"),
  }),
  article("sommeil-ecrans", {
    title: "Les écrans perturbent le sommeil des adolescents",
    lead: "La lumière bleue retarde l'endormissement.",
    body: "Couper les écrans une heure avant le coucher améliore le sommeil. Les adolescents dorment moins.",
    tags: ["prévention", "sommeil"],
    categoryPath: ["sante-mentale", "sommeil"],
    date: new Date("2024-03-01"),
  }),
  article("sommeil-insomnie", {
    title: "Insomnie : retrouver le sommeil sans médicament",
    lead: "La thérapie comportementale soigne l'insomnie chronique.",
    body: "Se lever à heure fixe et limiter les écrans le soir aident à retrouver le sommeil.",
    tags: ["sommeil"],
    categoryPath: ["sante-mentale", "sommeil"],
  }),
  article("depistage-sein", {
    title: "Cancer du sein : le dépistage par mammographie dès 50 ans",
    lead: "Une mammographie tous les deux ans est proposée aux femmes de 50 à 74 ans.",
    body: "Le dépistage organisé du cancer du sein réduit la mortalité. La mammographie est prise en charge.",
    tags: ["cancer", "dépistage"],
    categoryPath: ["cancer", "cancers-feminins"],
  }),
  article("mammographie-questions", {
    title: "Mammographie : cinq questions sur le dépistage du cancer du sein",
    lead: "Douleur, rayons, fréquence : les réponses sur la mammographie.",
    body: "La mammographie de dépistage du cancer du sein dure quelques minutes.",
    tags: ["cancer"],
    categoryPath: ["cancer", "cancers-feminins"],
  }),
  article("depistage-colon", {
    title: "Cancer colorectal : le test de dépistage à faire chez soi",
    lead: "Le test immunologique détecte le sang dans les selles.",
    body: "Le dépistage du cancer colorectal concerne les 50-74 ans. Une coloscopie suit un test positif.",
    tags: ["cancer", "dépistage"],
    categoryPath: ["cancer", "cancers-digestifs"],
  }),
];

const related = (articles: RelatedArticle[], slug: string, options?: RelatedOptions) =>
  computeRelated(articles, options).get(slug)!;

describe("related articles: scoring", () => {
  it("ranks same-topic articles first by text alone, above an article sharing a tag", () => {
    const result = related(corpus(), "vaccin-grippe");
    assert.deepEqual(result.slice(0, 2).sort(), ["epidemie-grippe", "grippe-seniors"]);
    // sommeil-ecrans shares the "prévention" tag with vaccin-grippe; grippe-seniors shares no tag and no section.
    const shared = result.indexOf("sommeil-ecrans");
    assert.ok(shared === -1 || shared > result.indexOf("grippe-seniors"));
  });

  it("counts a rare shared tag above a common shared tag", () => {
    const same = { title: "Marcher chaque jour", body: "La marche rapide entretient le souffle et les articulations." };
    const fillers = Array.from({ length: 6 }, (_, i) =>
      article(`filler-${i}`, { title: `Sujet ${i} sans rapport`, body: `Texte ${i} différent.`, tags: ["courant"] }),
    );
    const articles = [
      ...fillers,
      article("target", { title: "Le souffle", tags: ["rare", "courant"] }),
      article("shares-rare", { ...same, tags: ["rare"], date: new Date("2020-01-01") }),
      // More recent, so the recency tie-break alone would put it first.
      article("shares-common", { ...same, tags: ["courant"], date: new Date("2024-06-01") }),
    ];
    const result = related(articles, "target");
    assert.ok(result.indexOf("shares-rare") < result.indexOf("shares-common"), result.join(", "));
  });

  it("matches tags whatever their case, accents or spacing", () => {
    const articles = [
      article("a", { tags: ["Santé  mentale"] }),
      article("b", { tags: ["sante mentale"] }),
      article("c", { tags: ["nutrition"] }),
      article("d", { tags: ["sommeil"] }),
    ];
    const index = createRelatedIndex(articles);
    assert.ok(index.explain("a", "b").tags > 0);
    assert.equal(index.explain("a", "c").tags, 0);
  });

  it("ranks the same sub-section above the same top-level section, above elsewhere", () => {
    const same = { title: "Un autre sujet", body: "Texte neutre." };
    const articles = [
      article("target", { title: "Sujet principal", categoryPath: ["cancer", "cancers-feminins"] }),
      // Older than the others, so recency cannot explain their order.
      article("same-leaf", { ...same, categoryPath: ["cancer", "cancers-feminins"], date: new Date("2020-01-01") }),
      article("same-top", { ...same, categoryPath: ["cancer", "cancers-digestifs"], date: new Date("2021-01-01") }),
      article("elsewhere", { ...same, categoryPath: ["nutrition", "alimentation"], date: new Date("2022-01-01") }),
      article("elsewhere-too", { ...same, categoryPath: ["nutrition", "obesite"], date: new Date("2022-01-01") }),
    ];
    assert.deepEqual(related(articles, "target", { k: 3 }), ["same-leaf", "same-top", "elsewhere"]);
  });

  it("gives no weight to a section level every article shares", () => {
    const articles = [
      article("target", { categoryPath: ["cancer", "cancers-feminins"] }),
      article("same-leaf", { categoryPath: ["cancer", "cancers-feminins"] }),
      article("same-top", { categoryPath: ["cancer", "cancers-digestifs"] }),
      article("elsewhere", { categoryPath: ["nutrition", "alimentation"] }),
      article("top-only", { categoryPath: ["nutrition"] }),
    ];
    const rooted = articles.map((a) => ({ ...a, categoryPath: ["sante", ...a.categoryPath] }));
    const plain = createRelatedIndex(articles);
    const withRoot = createRelatedIndex(rooted);
    for (const other of ["same-leaf", "same-top", "elsewhere", "top-only"]) {
      assert.equal(withRoot.explain("target", other).section, plain.explain("target", other).section, other);
    }
    assert.equal(withRoot.explain("target", "elsewhere").section, 0);
    assert.equal(withRoot.explain("target", "top-only").section, 0);
    assert.ok(plain.explain("target", "same-top").section > 0);
  });

  it("counts words in the title more than the same words in the body", () => {
    const articles = [
      article("target", { title: "Sommeil" }),
      article("in-title", { title: "Sommeil", body: "Jardin.", date: new Date("2020-01-01") }),
      // Same words, the other way round, and more recent: without the boost it would come first.
      article("in-body", { title: "Jardin", body: "Sommeil.", date: new Date("2024-01-01") }),
      article("autre", { title: "Vélo" }),
      article("encore", { title: "Piscine" }),
    ];
    assert.deepEqual(related(articles, "target", { k: 2 }), ["in-title", "in-body"]);
  });

  it("breaks ties towards the more recent article, then by slug", () => {
    const same = { title: "Le même texte sur le vaccin", tags: ["vaccins"] };
    const articles = [
      article("target", { title: "Le vaccin", tags: ["vaccins"] }),
      article("b-old", { ...same, date: new Date("2021-01-01") }),
      article("c-new", { ...same, date: new Date("2024-01-01") }),
      article("a-new", { ...same, date: new Date("2024-01-01") }),
    ];
    assert.deepEqual(related(articles, "target", { k: 3 }), ["a-new", "c-new", "b-old"]);
  });
});

describe("related articles: what may appear", () => {
  it("puts pins first, in the editor's order, and never repeats them", () => {
    const articles = corpus().map((a) =>
      a.slug === "vaccin-grippe"
        ? { ...a, pins: ["depistage-colon", "grippe-seniors", "depistage-colon", "vaccin-grippe"] }
        : a,
    );
    const result = related(articles, "vaccin-grippe");
    assert.deepEqual(result.slice(0, 2), ["depistage-colon", "grippe-seniors"]);
    assert.equal(result.length, 4);
    assert.equal(new Set(result).size, 4);
    // The computed part still found the other grippe article.
    assert.equal(result[2], "epidemie-grippe");
  });

  it("keeps more pins than k when the editor asked for them", () => {
    const pins = ["depistage-sein", "depistage-colon", "sommeil-ecrans"];
    const articles = corpus().map((a) => (a.slug === "vaccin-grippe" ? { ...a, pins } : a));
    assert.deepEqual(related(articles, "vaccin-grippe", { k: 2 }), pins);
  });

  it("never suggests the article itself, nor suggest:false ones unless pinned", () => {
    const hidden = article("grippe-cachee", { ...GRIPPE, suggest: false, categoryPath: ["infections", "vaccination"] });
    const articles = [...corpus(), hidden];
    const all = computeRelated(articles);
    for (const [slug, list] of all) {
      assert.ok(!list.includes(slug), `${slug} suggests itself`);
      assert.ok(!list.includes("grippe-cachee"), `${slug} suggests a suggest:false article`);
      assert.equal(list.length, 4);
    }
    // Its own suggestions are still computed, and a pin overrides suggest:false.
    assert.equal(all.get("grippe-cachee")![0], "vaccin-grippe");
    const pinned = articles.map((a) => (a.slug === "depistage-sein" ? { ...a, pins: ["grippe-cachee"] } : a));
    assert.equal(related(pinned, "depistage-sein")[0], "grippe-cachee");
  });

  it("only ever returns slugs from its input, even for unknown pins", () => {
    const articles = corpus().map((a) => (a.slug === "vaccin-grippe" ? { ...a, pins: ["brouillon-supprime"] } : a));
    const slugs = new Set(articles.map((a) => a.slug));
    for (const list of computeRelated(articles).values()) {
      for (const slug of list) assert.ok(slugs.has(slug), slug);
    }
  });

  it("fills up to k from the section, then the site, when nothing is textually close", () => {
    const articles = [
      article("seul", { title: "Xylophone", categoryPath: ["a", "a1"] }),
      article("voisin", { title: "Zèbre", categoryPath: ["a", "a1"], date: new Date("2020-01-01") }),
      article("cousin", { title: "Kayak", categoryPath: ["a", "a2"], date: new Date("2021-01-01") }),
      article("loin", { title: "Quartz", categoryPath: ["b", "b1"], date: new Date("2022-01-01") }),
    ];
    assert.deepEqual(related(articles, "seul", { k: 5 }), ["voisin", "cousin", "loin"]);
    // The sub-section comes first even though the wider section has a more recent article.
    assert.deepEqual(related(articles, "seul", { k: 1 }), ["voisin"]);
  });

  it("gives the same output whatever the input order", () => {
    const articles = [
      ...corpus(),
      // Exact twins: only the slug tie-break separates them.
      article("jumeau-a", { ...GRIPPE, categoryPath: ["infections", "vaccination"] }),
      article("jumeau-b", { ...GRIPPE, categoryPath: ["infections", "vaccination"] }),
    ];
    const expected = [...computeRelated(articles)];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 5; round++) {
      const shuffled = articles
        .map((a) => ({ a, key: random() }))
        .sort((x, y) => x.key - y.key)
        .map(({ a }) => a);
      assert.deepEqual([...computeRelated(shuffled)], expected);
    }
    assert.deepEqual([...computeRelated([...articles].reverse())], expected);
  });

  it("answers for one article as for the whole corpus, and rejects duplicate slugs", () => {
    const articles = corpus();
    const index = createRelatedIndex(articles, { k: 3 });
    const list = index.relatedTo("depistage-sein");
    assert.deepEqual(list, related(articles, "depistage-sein", { k: 3 }));
    // explain() gives the scores the ranking used.
    const [first, second] = list.map((other) => index.explain("depistage-sein", other));
    const { text, tags, section } = DEFAULT_RELATED_OPTIONS.weights;
    assert.equal(first!.score, text * first!.text + tags * first!.tags + section * first!.section);
    assert.ok(first!.score >= second!.score && first!.text > 0);
    assert.throws(() => index.relatedTo("inconnu"), /inconnu/);
    assert.throws(() => computeRelated([...articles, article("vaccin-grippe")]), /vaccin-grippe/);
  });
});

describe("related articles: French text", () => {
  it("gives plurals and derived forms one stem", () => {
    assert.equal(stemFrench("vaccins"), stemFrench("vaccin"));
    assert.equal(stemFrench("vaccination"), stemFrench("vaccin"));
    assert.equal(stemFrench("dangereuse"), stemFrench("dangereux"));
    assert.equal(stemFrench("hopitaux"), stemFrench("hopital"));
    assert.equal(stemFrench("traitements"), stemFrench("traitement"));
  });

  it("folds case and accents", () => {
    assert.deepEqual(tokenize("Vaccins"), tokenize("vaccin"));
    assert.deepEqual(tokenize("immunothérapie"), tokenize("immunotherapie"));
    assert.deepEqual(tokenize("CŒUR"), tokenize("coeur"));
    assert.deepEqual(tokenize("ÉPIDÉMIE À l'HÔPITAL"), tokenize("epidemie a l'hopital"));
    // Decomposed accents (e + U+0301), as some editors paste them.
    assert.deepEqual(tokenize("immunothe\u0301rapie"), tokenize("immunotherapie"));
  });

  it("drops stop words, elisions and bare numbers", () => {
    assert.deepEqual(tokenize("Les vaccins de l'enfant en 2024"), ["vaccin", "enfant"]);
  });

  it("reads the prose of Markdown/MDX, not its syntax, code or URLs", () => {
    const body = [
      'import Encadre from "../components/Encadre.astro";',
      "",
      "## Le [vaccin](https://exemple.fr/grippe-saisonniere) et <Encadre type=\"note\">la fièvre</Encadre>",
      "",
      "```js",
      "const dose = rappel();",
      "```",
      "Voir `seringue` sur www.exemple.org/page ou ![une affiche](/img/campagne.png).",
    ].join("\n");
    assert.deepEqual(tokenize(body), ["vaccin", "fievr", "voir", "affich"]);
  });
});
