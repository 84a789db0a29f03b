// Trust elements of an article: truthful dates, age notice, evidence, corrections, disclaimer, JSON-LD.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, fixtureCopy, fixtureSite, type BuildResult } from "../helpers/build.ts";
import { jsonLd, page, text } from "../helpers/html.ts";

let site: BuildResult;

describe("trust elements on the fixture site", () => {
  before(async () => {
    site = await build(fixtureSite);
    assert.equal(site.code, 0, site.output);
  });

  it("shows update and review dates only when they are set", () => {
    const full = text(page(site.outDir, "articles/article-principal/").querySelector(".byline"));
    assert.match(full, /Mis à jour le 6 mai 2021/);
    assert.match(full, /Revu médicalement le 8 juillet 2022 par Bruno Relecteur, Médecin cardiologue/);
    const updatedOnly = text(page(site.outDir, "articles/avec-image/").querySelector(".byline"));
    assert.match(updatedOnly, /Mis à jour le 18 juin 2024/);
    assert.doesNotMatch(updatedOnly, /Revu médicalement/);
    const reviewedOnly = text(page(site.outDir, "articles/article-mdx/").querySelector(".byline"));
    assert.match(reviewedOnly, /Revu médicalement le 10 janvier 2026/);
    assert.doesNotMatch(reviewedOnly, /Mis à jour/);
  });

  it("states the article's age, and warns when the last review is too old", () => {
    const old = page(site.outDir, "articles/article-principal/");
    assert.match(text(old.querySelector(".age-notice")), /Article publié en mars 2020, revu médicalement en juillet 2022\./);
    const stale = old.querySelector(".age-notice__stale")!;
    assert.equal(stale.getAttribute("hidden"), undefined, "visible: last review more than 3 years ago");
    assert.equal(stale.querySelector("a")?.getAttribute("href"), "/rubriques/sante/sante-coeur/");
    assert.match(text(stale), /dernière relecture par un professionnel de santé date de juillet 2022, il y a plus de 3 ans/);
    // Updated in 2024 but never reviewed: the notice counts from publication and says so.
    const updatedOnly = text(page(site.outDir, "articles/avec-image/").querySelector(".age-notice__stale"));
    assert.match(updatedOnly, /depuis sa publication en février 2019, il y a plus de 3 ans \(une mise à jour éditoriale n’est pas une relecture médicale\)/);
    const fresh = page(site.outDir, "articles/article-mdx/").querySelector(".age-notice__stale")!;
    assert.notEqual(fresh.getAttribute("hidden"), undefined, "hidden: reviewed in 2026");
    assert.equal(fresh.getAttribute("data-stale-after"), "2029-01-10");
  });

  it("shows the evidence box in plain words, and nothing when absent", () => {
    const box = page(site.outDir, "articles/article-principal/").querySelector(".evidence");
    const words = text(box);
    for (const part of ["Insuffisance cardiaque", "Essai randomisé. Des patients tirés au sort", "1\u202f200", "Revue de test, mars 2020", "Disponible en pharmacie", "L’effet au-delà de deux ans"])
      assert.ok(words.includes(part), `${part} in ${words}`);
    assert.equal(page(site.outDir, "articles/avec-image/").querySelector(".evidence"), null, "a topic (about) without a study: no study box");
  });

  it("tells the primary study from the press article in sources", () => {
    const kinds = page(site.outDir, "articles/article-principal/").querySelectorAll(".sources__kind").map(text);
    assert.deepEqual(kinds, ["Étude originale :", "Article de presse :"]);
  });

  it("lists corrections with their dates", () => {
    const list = page(site.outDir, "articles/article-principal/").querySelector(".corrections");
    assert.match(text(list), /2 janvier 2023 : Le nombre de participants a été corrigé\./);
    assert.equal(list?.querySelector("time")?.getAttribute("datetime"), "2023-01-02");
  });

  it("has a disclaimer with emergency numbers on every article, and section helplines where set", () => {
    for (const slug of ["article-principal", "article-mdx", "avec-image"]) {
      const d = page(site.outDir, `articles/${slug}/`).querySelector(".disclaimer");
      assert.ok(d?.querySelector('a[href="tel:15"]') && d.querySelector('a[href="tel:112"]'), slug);
      assert.notEqual(d!.getAttribute("data-pagefind-ignore"), undefined);
    }
    const withHelpline = text(page(site.outDir, "articles/article-principal/").querySelector(".disclaimer"));
    assert.ok(
      withHelpline.includes("Ligne d’écoute de test\u00A0: 0 800 000 001 (24 h/24, tous les jours de l’année)"),
      `helpline in French typography: ${withHelpline}`,
    );
    assert.doesNotMatch(text(page(site.outDir, "articles/avec-image/").querySelector(".disclaimer")), /Ligne d’écoute/);
  });

  it("keeps a space between each emergency number and the next words", () => {
    const words = text(page(site.outDir, "articles/avec-image/").querySelector(".disclaimer"));
    assert.match(words, /appelez le 15 \(SAMU, urgence médicale\) ou le 112 \(numéro d’urgence européen\)\./);
  });

  it("extends JSON-LD with MedicalWebPage and the organisation's policies, all visible on the page", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    const graph = jsonLd(doc)[0]["@graph"];
    const node = (type: string) => graph.find((n: any) => n["@type"] === type);
    const medical = node("MedicalWebPage");
    assert.equal(medical.lastReviewed, doc.querySelectorAll(".byline time")[2]?.getAttribute("datetime"));
    const reviewer = graph.find((n: any) => n["@id"] === medical.reviewedBy["@id"]);
    assert.equal(reviewer.name, "Bruno Relecteur");
    assert.ok(text(doc.querySelector(".byline")).includes(reviewer.name));
    assert.equal(medical.about.name, text(doc.querySelector(".evidence__about")));
    const org = node("NewsMediaOrganization");
    const footerLinks = doc.querySelectorAll(".site-footer a").map((a) => new URL(a.getAttribute("href")!, "http://localhost:4321").href);
    assert.ok(footerLinks.includes(org.publishingPrinciples), "publishing principles linked from the footer");
    assert.ok(footerLinks.includes(org.correctionsPolicy), "corrections policy linked from the footer");
    assert.ok(existsSync(join(site.outDir, "charte-editoriale/index.html")));
    assert.ok(existsSync(join(site.outDir, "corrections/index.html")));
    const fresh = jsonLd(page(site.outDir, "articles/avec-image/"))[0]["@graph"].find((n: any) => n["@type"] === "MedicalWebPage");
    assert.equal(fresh.lastReviewed, undefined);
    assert.equal(fresh.about, undefined);
  });
});

describe("trust rules that fail the build", () => {
  const cases = [
    {
      name: "an article without any source",
      mutate: (dir: string) => {
        const f = join(dir, "articles/avec-image/index.md");
        writeFileSync(f, readFileSync(f, "utf8").replace(/sources:\n  - \{[^\n]*\n/, ""));
      },
      expect: /avec-image\/index\.md › sources/,
    },
    {
      name: "a review older than the update",
      mutate: (dir: string) => {
        const f = join(dir, "articles/article-principal.md");
        writeFileSync(f, readFileSync(f, "utf8").replace("reviewed: 2022-07-08", "reviewed: 2021-01-01"));
      },
      expect: /article-principal\.md › reviewed : la relecture médicale \(2021-01-01\) est plus ancienne que la mise à jour/,
    },
    {
      name: "an unknown evidence design",
      mutate: (dir: string) => {
        const f = join(dir, "articles/article-principal.md");
        writeFileSync(f, readFileSync(f, "utf8").replace("design: randomized-trial", "design: sondage"));
      },
      expect: /article-principal[\s\S]*evidence\.design/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await build(fixtureCopy(c.mutate));
      assert.notEqual(result.code, 0);
      assert.match(result.output, c.expect);
    });
  }
});
