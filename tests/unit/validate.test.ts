import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkArticles, formatProblems, linkedSlugs, type ArticleToCheck } from "../../src/lib/validate.ts";

const known = {
  authors: new Set(["alice", "bruno"]),
  categories: new Set(["sante"]),
  articles: new Set(["a", "b"]),
};

const article = (over: Partial<ArticleToCheck> = {}): ArticleToCheck => ({
  slug: "a",
  file: "content/articles/a.md",
  date: new Date("2020-01-10"),
  authors: ["alice"],
  category: "sante",
  related: [],
  sources: 1,
  links: [],
  ...over,
});

describe("validation cross-checks", () => {
  it("accepts a consistent article", () => {
    assert.deepEqual(checkArticles([article({ reviewed: new Date("2021-01-01"), reviewer: "bruno", related: ["b"] })], known), []);
  });

  it("refuses a slug of digits alone, which is a page of the /articles/ list", () => {
    const [problem, ...rest] = checkArticles([article({ slug: "12", file: "content/articles/12.md" })], known);
    assert.deepEqual(rest, []);
    assert.equal(problem?.field, "slug (nom du fichier)");
    assert.match(problem!.message, /réservé à la page 12 de la liste \/articles\/.*12-conseils/);
    assert.deepEqual(checkArticles([article({ slug: "2026-en-sante" })], known), []);
  });

  it("names the file and field of every problem", () => {
    const problems = checkArticles(
      [article({ authors: ["zoe"], category: "x", reviewer: "y", related: ["a", "c"], updated: new Date("2019-01-01") })],
      known,
    );
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.field}`),
      [
        "content/articles/a.md:author",
        "content/articles/a.md:reviewer",
        "content/articles/a.md:category",
        "content/articles/a.md:updated",
        "content/articles/a.md:related",
        "content/articles/a.md:related",
      ],
    );
    assert.match(formatProblems(problems), /content\/articles\/a\.md › category : « x » n’existe pas/);
  });

  it("names the valid ids and the closest one to an unknown author or section", () => {
    const [category] = checkArticles([article({ category: "snte" })], known);
    assert.equal(category?.message, "« snte » n’existe pas. Vouliez-vous dire « sante » ? Attendu : un identifiant de content/categories.yaml (sante).");
    const [author] = checkArticles([article({ authors: ["xyzxyz"] })], known);
    assert.equal(author?.message, "« xyzxyz » n’existe pas. Attendu : un identifiant de content/authors/ (alice, bruno).");
  });

  it("refuses an article without any source", () => {
    assert.deepEqual(checkArticles([article({ sources: 0 })], known).map((p) => p.field), ["sources"]);
  });

  it("refuses a review older than the update, and a review without reviewer", () => {
    const p = checkArticles([article({ updated: new Date("2021-01-01"), reviewed: new Date("2020-06-01") })], known);
    assert.deepEqual(p.map((x) => x.field), ["reviewed", "reviewer"]);
  });

  it("finds internal links in Markdown, HTML, absolute URLs and LireAussi", () => {
    const body = `[x](/articles/one/) <a href="/articles/two/#s">y</a> [z](https://pouls.fr/articles/three/)
<LireAussi slug="four" /> [ext](https://other.org/articles/five/)`;
    assert.deepEqual(linkedSlugs(body, "https://pouls.fr"), ["one", "two", "three", "four"]);
    const p = checkArticles([article({ links: linkedSlugs("[x](/articles/b/) et [y](/articles/absent/)") })], known);
    assert.deepEqual(p.map((x) => x.message.slice(0, 20)), ["/articles/absent/ ne"]);
  });
});
