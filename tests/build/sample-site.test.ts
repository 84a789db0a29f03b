// The sample site built by `npm test` (dist/): what every article page must carry.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "node-html-parser";
import { site } from "../../src/config/site.ts";
import { articlePages, assertBuilt, htmlPages, readPage } from "../helpers/dist.ts";
import { text } from "../helpers/html.ts";

const articles = () => articlePages();

describe("sample site", () => {
  it("has enough content: 12+ articles, 4+ sections, 3+ authors, 4+ covers", () => {
    assertBuilt();
    assert.ok(articles().length >= 12);
    assert.ok(htmlPages().filter((p) => /^\/rubriques\/[^/]+\/$/.test(p)).length >= 4);
    assert.ok(htmlPages().filter((p) => /^\/rubriques\/[^/]+\/[^/]+\/$/.test(p)).length >= 4, "two levels");
    assert.ok(htmlPages().filter((p) => p.startsWith("/auteurs/")).length >= 3);
    assert.ok(articles().filter((p) => parse(readPage(p)).querySelector(".cover picture")).length >= 4);
  });

  it(`every article lists ${site.relatedCount} related articles, never itself, outside the search index`, () => {
    for (const page of articles()) {
      const doc = parse(readPage(page));
      const related = doc.querySelector(".related");
      assert.ok(related, `${page} has related articles`);
      assert.notEqual(related.getAttribute("data-pagefind-ignore"), undefined);
      const links = related.querySelectorAll(".card__title a").map((a) => a.getAttribute("href"));
      assert.equal(links.length, site.relatedCount, page);
      assert.ok(!links.includes(page), `${page} lists itself`);
      assert.equal(new Set(links).size, links.length, `${page} lists an article twice`);
    }
  });

  it("shows editors' pins first and inline Lire aussi cards with their target's title", () => {
    const page = "/articles/cancer-sein-avance-immunotherapie-cellulaire/";
    const doc = parse(readPage(page));
    const cards = doc.querySelectorAll(".prose .lire-aussi a");
    const related = doc.querySelectorAll(".related .card__title a").map((a) => a.getAttribute("href"));
    assert.deepEqual(related.slice(0, 2), ["/articles/comment-fonctionne-immunotherapie/", "/articles/depistage-organise-cancer-du-sein/"]);
    assert.ok(cards.length >= 2);
    for (const a of cards) {
      const target = parse(readPage(a.getAttribute("href")!));
      assert.equal(text(a), text(target.querySelector("h1")), `card ${a.getAttribute("href")} shows its target's title`);
    }
  });

  it("has a glossary of 40+ terms, A to Z, each with its anchor and definition, linked from every page's footer", () => {
    const doc = parse(readPage("/glossaire/"));
    const entries = doc.querySelectorAll(".glossary-entry");
    assert.ok(entries.length >= 40, `${entries.length} terms`);
    const terms = entries.map((e) => text(e.querySelector("dt")!));
    const folded = terms.map((term) => term.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
    assert.deepEqual(folded, [...folded].sort((a, b) => a.localeCompare(b, "fr")), "A to Z");
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, "one anchor each");
    for (const entry of entries) assert.ok(text(entry.querySelector("dd p")!).length > 10, `${entry.id} has a definition`);
    for (const link of doc.querySelectorAll(".glossary-letters a")) assert.ok(doc.getElementById(link.getAttribute("href")!.slice(1)), link.getAttribute("href"));
    assert.match(text(doc.getElementById("infarctus-du-myocarde")!), /Couramment\s:\scrise cardiaque/);
    assert.ok(parse(readPage("/")).querySelector('footer a[href="/glossaire/"]'));
  });

  it("links each glossary word's first mention in an article to its entry, described by its definition under the text", () => {
    const glossary = parse(readPage("/glossaire/"));
    let linked = 0;
    for (const page of articles()) {
      const doc = parse(readPage(page));
      const terms = doc.querySelectorAll(".prose a.glossary-term");
      const explained = doc.querySelector(".words-explained");
      if (terms.length === 0) {
        assert.equal(explained, null, page);
        continue;
      }
      linked++;
      assert.notEqual(explained!.getAttribute("data-pagefind-ignore"), undefined, `${page}: definitions are not the article's text to search`);
      const hrefs = terms.map((a) => a.getAttribute("href")!);
      assert.equal(new Set(hrefs).size, hrefs.length, `${page}: one link per entry, its first mention`);
      for (const a of terms) {
        const key = a.getAttribute("href")!.replace("/glossaire/#", "");
        assert.ok(glossary.getElementById(key), `${page}: ${key} is on /glossaire/`);
        const definition = doc.getElementById(a.getAttribute("aria-describedby")!);
        assert.equal(definition?.tagName, "DD", `${page}: ${key} is described by its definition`);
        assert.equal(text(definition!), text(glossary.getElementById(key)!.querySelector("dd p")!), `${page}: ${key}'s definition`);
        assert.equal(a.closest("h1, h2, h3, h4, figcaption, .lire-aussi"), null, `${page}: no glossary link in a heading or a card`);
      }
      assert.deepEqual(explained!.querySelectorAll("dt a").map((a) => a.getAttribute("href")), hrefs, `${page}: definitions in order of mention`);
    }
    assert.ok(linked >= 10, `${linked} articles with glossary words`);
    // The article on bronchiolitis says "virus" four times in its text: the first is the link.
    const prose = parse(readPage("/articles/bronchiolite-nourrisson-gestes/")).querySelector(".prose")!;
    const virus = prose.querySelector('a.glossary-term[href="/glossaire/#virus"]')!;
    assert.ok((text(prose).match(/\bvirus\b/gi) ?? []).length >= 4);
    const before = prose.innerHTML.slice(0, prose.innerHTML.indexOf(virus.outerHTML)).replace(/<h[1-6][^]*?<\/h[1-6]>|<[^>]+>/g, " ");
    assert.doesNotMatch(before, /\bvirus\b/i, "no earlier mention in the text is left unlinked");
  });
});
