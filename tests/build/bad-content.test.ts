// One broken input per case: the build must fail, and its message must name the file and the field.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, fixtureCopy } from "../helpers/build.ts";

const principal = "articles/article-principal.md";

function edit(file: string, from: string | RegExp, to: string) {
  return (dir: string) => {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = before.replace(from, to);
    assert.notEqual(after, before, `the case must change ${file}`);
    writeFileSync(path, after);
  };
}

const cases: { name: string; mutate: (dir: string) => void; file: string; field: RegExp }[] = [
  {
    name: "malformed YAML front matter",
    mutate: edit(principal, "tags: [cœur, prévention]", "tags: [cœur, prévention"),
    file: "article-principal",
    field: /YAML|front ?matter|frontmatter/i,
  },
  { name: "missing title", mutate: edit(principal, /^title: .*$/m, ""), file: "article-principal", field: /title/ },
  { name: "bad date", mutate: edit(principal, "date: 2020-03-04", "date: le 4 mars"), file: "article-principal", field: /date/ },
  { name: "unknown author", mutate: edit(principal, "author: alice", "author: inconnue"), file: "article-principal.md", field: /author/ },
  { name: "unknown reviewer", mutate: edit(principal, "reviewer: bruno", "reviewer: personne"), file: "article-principal.md", field: /reviewer/ },
  { name: "unknown category", mutate: edit(principal, "category: sante-coeur", "category: nulle-part"), file: "article-principal.md", field: /category/ },
  { name: "update before publication", mutate: edit(principal, "updated: 2021-05-06", "updated: 2019-05-06"), file: "article-principal.md", field: /updated/ },
  { name: "review before publication", mutate: edit(principal, "reviewed: 2022-07-08", "reviewed: 2020-01-01"), file: "article-principal.md", field: /reviewed/ },
  { name: "broken internal link", mutate: edit(principal, "(/articles/article-mdx/)", "(/articles/n-existe-pas/)"), file: "article-principal.md", field: /n-existe-pas/ },
  { name: "unknown related pin", mutate: edit(principal, "related: [article-mdx]", "related: [fantome]"), file: "article-principal.md", field: /related.*fantome/ },
  { name: "link to a draft", mutate: edit(principal, "(/articles/article-mdx/)", "(/articles/brouillon/)"), file: "article-principal.md", field: /brouillon/ },
  { name: "unknown LireAussi slug", mutate: edit("articles/article-mdx.mdx", 'slug="article-principal"', 'slug="absent"'), file: "article-mdx.mdx", field: /absent/ },
  { name: "cover without alt text", mutate: edit("articles/avec-image/index.md", /, alt: "[^"]*"/, ""), file: "avec-image", field: /alt/ },
  {
    name: "a published article still holding the scaffold's « À compléter »",
    mutate: edit(principal, "Premier paragraphe avec", "À compléter : l’introduction. Premier paragraphe avec"),
    file: "article-principal.md",
    field: /corps : contient encore « À compléter ».*draft: true/,
  },
  {
    name: "no article at all (a wrong content folder)",
    mutate: (dir) => rmSync(join(dir, "articles"), { recursive: true }),
    file: "articles",
    field: /Aucun article trouvé dans .*articles\/.*POULS_CONTENT_DIR/,
  },
  {
    name: "a redirect to a page the site does not have",
    mutate: (dir) => writeFileSync(join(dir, "redirections.txt"), "# test\n/ancien/ /articles/article-principal/\n/autre/ /articles/n-existe-pas/\n"),
    file: "redirections.txt",
    field: /redirections\.txt, ligne 3 : \/articles\/n-existe-pas\/ n’est pas une page du site construit/,
  },
  {
    name: "a word in two glossary entries",
    mutate: (dir) =>
      writeFileSync(
        join(dir, "glossaire.yaml"),
        [
          "infarctus-du-myocarde:",
          "  terme: infarctus du myocarde",
          '  definition: "Mort d’une partie du muscle du cœur."',
          "  courant: [crise cardiaque]",
          "angine-de-poitrine:",
          "  terme: angine de poitrine",
          '  definition: "Douleur du cœur à l’effort."',
          "  courant: [Crise cardiaque]",
          "",
        ].join("\n"),
      ),
    file: "glossaire.yaml",
    field: /glossaire\.yaml › angine-de-poitrine\.courant : « Crise cardiaque » est déjà dans l’entrée infarctus-du-myocarde \(courant\)/,
  },
  {
    name: "a glossary entry without its definition",
    mutate: (dir) => writeFileSync(join(dir, "glossaire.yaml"), "zona:\n  terme: zona\n"),
    file: "glossaire.yaml",
    field: /glossaire\.yaml › zona\.definition/,
  },
  {
    name: "missing cover image file",
    mutate: (dir) => rmSync(join(dir, "articles/avec-image/cover.jpg")),
    file: "avec-image",
    field: /cover\.jpg/,
  },
];

describe("a mistake in the content fails the build with a clear message", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await build(fixtureCopy(c.mutate));
      assert.notEqual(result.code, 0, `the build should fail:\n${result.output}`);
      assert.ok(result.output.includes(c.file), `the message names the file ${c.file}:\n${result.output}`);
      assert.match(result.output, c.field, `the message names the field:\n${result.output}`);
    });
  }
});

describe("every content mistake of every file in one run", () => {
  it("reports a missing alt, an unknown section, a bad date and a broken link together, each once, without a stack", async () => {
    const result = await build(
      fixtureCopy((dir) => {
        edit("articles/avec-image/index.md", /, alt: "[^"]*"/, "")(dir);
        edit("articles/avec-image/index.md", "category: societe", "category: sociiete")(dir);
        edit("articles/avec-image/index.md", "date: 2019-02-03", "date: le 3 février")(dir);
        edit(principal, "(/articles/article-mdx/)", "(/articles/n-existe-pas/)")(dir);
      }),
    );
    assert.notEqual(result.code, 0, result.output);
    const expected = [
      /avec-image\/index\.md › date : valeur « le 3 février » ; attendu : une date au format AAAA-MM-JJ\./,
      /avec-image\/index\.md › cover\.alt : champ manquant ; attendu : un texte alternatif/,
      /avec-image\/index\.md › category : « sociiete » n’existe pas\. Vouliez-vous dire « societe » \? Attendu : un identifiant de content\/categories\.yaml \(sante, sante-coeur, societe\)\./,
      /article-principal\.md › corps \(lien interne\) : \/articles\/n-existe-pas\//,
    ];
    for (const line of expected) assert.match(result.output, line);
    assert.match(result.output, /Contenu invalide \(4 problèmes\)/);
    assert.equal(result.output.split("/articles/n-existe-pas/").length - 1, 1, `the broken link is named once:\n${result.output}`);
    assert.doesNotMatch(result.output, /node_modules\/[^\s]*:\d+|Stack trace/, `no stack trace after the report:\n${result.output}`);
  });
});

describe("a site too large for the machine", () => {
  it("fails before Astro reads the content, naming the memory it needs and the limit it met", async () => {
    // A heap of 150 MB stands for a machine too small: the sample's articles need about 200 MB.
    const result = await build(fixtureCopy(() => {}), { NODE_OPTIONS: "--max-old-space-size=150" });
    assert.notEqual(result.code, 0, result.output);
    assert.match(result.output, /Mémoire JavaScript insuffisante pour \d+ articles : Astro en demande environ \d+ Mo, sa limite est \d+ Mo\. Attendu : npm run build/);
    assert.doesNotMatch(result.output, /Syncing content|generating static routes|JavaScript heap out of memory/, "stopped before the content was read");
  });
});
