// JSON-LD of every article, the sitemap and the feeds, checked against what the pages show.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { articlePages, assertBuilt, dist, htmlPages, origin, readPage } from "../helpers/dist.ts";
import { text } from "../helpers/html.ts";

const xml = new XMLParser();

function newsArticle(page: string) {
  const doc = parse(readPage(page));
  const [ld] = doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
  const graph: any[] = ld["@graph"];
  return { doc, graph, article: graph.find((n) => n["@type"] === "NewsArticle") };
}

describe("structured data", () => {
  it("every article has a NewsArticle with Google's recommended properties, matching the page", () => {
    assertBuilt();
    const problems: string[] = [];
    for (const page of articlePages()) {
      const { doc, graph, article } = newsArticle(page);
      const need = (cond: unknown, what: string) => cond || problems.push(`${page}: ${what}`);
      need(article, "no NewsArticle");
      if (!article) continue;
      need(article.headline === text(doc.querySelector("h1")), "headline differs from h1");
      need(article.headline.length <= 110, "headline longer than 110 characters");
      need(article.datePublished === doc.querySelector(".byline time")?.getAttribute("datetime"), "datePublished differs from the byline");
      need(/^\d{4}-\d{2}-\d{2}/.test(article.dateModified) && article.dateModified >= article.datePublished, "dateModified");
      const byline = text(doc.querySelector(".byline"));
      for (const ref of article.author) {
        const person = graph.find((n) => n["@id"] === ref["@id"]);
        need(person?.name && person.url && byline.includes(person.name), `author ${ref["@id"]} missing or not in byline`);
      }
      const cover = doc.querySelector(".cover img");
      need(Boolean(cover) === Boolean(article.image?.[0]), "image present on page and in JSON-LD, or in neither");
      need(graph.some((n) => n["@type"] === "BreadcrumbList"), "no BreadcrumbList");
      need(graph.some((n) => n["@type"] === "NewsMediaOrganization" && n.logo?.url), "no publisher with logo");
    }
    assert.ok(articlePages().length > 0);
    assert.deepEqual(problems, []);
  });

  it("sitemap and feeds are well-formed XML with the articles' dates", () => {
    const xmlFiles = [
      ...readdirSync(dist).filter((f) => f.endsWith(".xml")),
      ...readdirSync(join(dist, "rubriques"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".xml")).map((f) => `rubriques/${f}`),
    ];
    for (const f of xmlFiles) assert.equal(XMLValidator.validate(readFileSync(join(dist, f), "utf8")), true, f);
    const urls = [xml.parse(readFileSync(join(dist, "sitemap-0.xml"), "utf8")).urlset.url].flat().map((u: any) => u.loc);
    for (const page of articlePages()) assert.ok(urls.includes(origin + page), `${page} in the sitemap`);
    const items = [xml.parse(readFileSync(join(dist, "rss.xml"), "utf8")).rss.channel.item].flat();
    assert.ok(items.length > 0);
    for (const item of items) {
      const { article } = newsArticle(new URL(item.link).pathname);
      assert.equal(new Date(item.pubDate).toISOString().slice(0, 10), article.datePublished, item.link);
    }
  });
});
