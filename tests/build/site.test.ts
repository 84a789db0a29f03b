import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { HTMLElement } from "node-html-parser";
import { build, fixtureSite, type BuildResult } from "../helpers/build.ts";
import { jsonLd, page, text } from "../helpers/html.ts";

let site: BuildResult;
const xml = new XMLParser({ ignoreAttributes: false });

describe("build of the fixture site", () => {
  before(async () => {
    site = await build(fixtureSite);
    assert.equal(site.code, 0, site.output);
  });

  it("builds published articles only: no draft, no future article", () => {
    const out = site.outDir;
    assert.ok(existsSync(join(out, "articles/article-principal/index.html")));
    assert.ok(existsSync(join(out, "articles/article-mdx/index.html")));
    assert.ok(existsSync(join(out, "articles/avec-image/index.html")));
    assert.ok(!existsSync(join(out, "articles/brouillon")));
    assert.ok(!existsSync(join(out, "articles/article-futur")));
    const all = readFileSync(join(out, "rss.xml"), "utf8") + readFileSync(join(out, "sitemap-0.xml"), "utf8");
    assert.doesNotMatch(all, /brouillon|article-futur/);
  });

  it("renders every part of the article anatomy", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    assert.equal(doc.querySelectorAll("h1").length, 1);
    const crumbs = doc.querySelectorAll(".breadcrumbs a").map((a) => a.getAttribute("href"));
    assert.deepEqual(crumbs, ["/", "/rubriques/", "/rubriques/sante/", "/rubriques/sante/sante-coeur/"]);
    const author = doc.querySelector('.byline a[rel="author"]');
    assert.equal(author?.getAttribute("href"), "/auteurs/alice/");
    assert.match(text(doc.querySelector(".byline")), /Docteure en pharmacie/);
    const times = doc.querySelectorAll(".byline time").map((t) => t.getAttribute("datetime"));
    assert.deepEqual(times, ["2020-03-04", "2021-05-06", "2022-07-08"]);
    assert.match(text(doc.querySelector(".byline")), /Publié le 4 mars 2020/);
    assert.match(text(doc.querySelector(".byline")), /Revu médicalement le 8 juillet 2022 par Bruno Relecteur/);
    assert.match(text(doc.querySelector(".byline")), /\d+ min de lecture/);
    assert.match(text(doc.querySelector(".lead")), /Un chapô/);
    assert.equal(doc.querySelectorAll(".toc li").length, 4);
    const sources = doc.querySelectorAll(".sources li");
    assert.equal(sources.length, 2);
    assert.ok(sources[0]!.querySelector('a[href="https://doi.org/10.1000/xyz123"]'));
    assert.ok(sources[1]!.querySelector('a[href="https://example.org/article"]'));
    assert.deepEqual(doc.querySelectorAll('.tags a').map((a) => a.getAttribute("href")), ["/tags/coeur/", "/tags/prevention/"]);
  });

  it("shows a tag by the name editors gave it in tags.yaml, everywhere, and as typed otherwise", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    assert.deepEqual(doc.querySelectorAll(".tags a").map(text), ["Cœur et vaisseaux", "prévention"]);
    assert.deepEqual(doc.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute("content")), ["Cœur et vaisseaux", "prévention"]);
    const article = jsonLd(doc)[0]["@graph"].find((n: any) => n["@type"] === "NewsArticle");
    assert.deepEqual(article.keywords, ["Cœur et vaisseaux", "prévention"]);
    assert.match(text(page(site.outDir, "tags/coeur/").querySelector("h1")), /Cœur et vaisseaux/);
    const feed = xml.parse(readFileSync(join(site.outDir, "rubriques/sante/sante-coeur/rss.xml"), "utf8"));
    assert.ok([feed.rss.channel.item.category].flat().includes("Cœur et vaisseaux"), JSON.stringify(feed.rss.channel.item.category));
  });

  it("has canonical, Open Graph and a JSON-LD graph matching what the page shows", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), "http://localhost:4321/articles/article-principal/");
    assert.equal(meta("og:locale"), "fr_FR");
    assert.equal(meta("og:type"), "article");
    assert.equal(meta("article:published_time"), "2020-03-04");
    const [ld] = jsonLd(doc);
    const byType = (t: string) => ld["@graph"].find((n: any) => n["@type"] === t);
    const article = byType("NewsArticle");
    assert.equal(article.headline, text(doc.querySelector("h1")));
    assert.equal(article.description, text(doc.querySelector(".lead")));
    assert.equal(article.datePublished, doc.querySelector(".byline time")?.getAttribute("datetime"));
    assert.equal(article.dateModified, "2023-01-02", "the latest correction counts as a modification");
    assert.equal(meta("article:modified_time"), "2023-01-02");
    const person = byType("Person");
    assert.equal(person.name, text(doc.querySelector('.byline a[rel="author"]')));
    assert.equal(byType("NewsMediaOrganization").name, "Pouls");
    const crumbNames = byType("BreadcrumbList").itemListElement.map((i: any) => i.name);
    assert.deepEqual(crumbNames.slice(0, 4), doc.querySelectorAll(".breadcrumbs a").map(text));
  });

  it("applies French typography outside code and URLs", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    const prose = doc.querySelector(".prose")!;
    const body = prose.textContent;
    assert.ok(body.includes("«\u00a0guillemets\u00a0»"), "no-break spaces inside « »");
    assert.ok(body.includes("question\u202f?"), "narrow no-break space before ?");
    assert.ok(body.includes("liste\u00a0:"), "no-break space before :");
    assert.ok(body.includes("L’apostrophe"), "curly apostrophe");
    assert.equal(prose.querySelector("p code")?.textContent, "a ? b : c");
    assert.ok(prose.querySelector("pre")!.textContent.includes('"a : b ; c ?"'));
    assert.ok(body.includes("https://example.org/?q=1"));
  });

  it("renders inline Lire aussi cards with the target's title", () => {
    const main = page(site.outDir, "articles/article-principal/");
    const card = main.querySelector(".prose .lire-aussi a");
    assert.equal(card?.getAttribute("href"), "/articles/avec-image/");
    assert.equal(text(card), "Un article avec une image");
    const mdx = page(site.outDir, "articles/article-mdx/");
    assert.equal(text(mdx.querySelector(".prose .lire-aussi a")), "L’article principal\u00a0: un test complet");
  });

  it("serves a responsive cover image with dimensions", () => {
    const doc = page(site.outDir, "articles/avec-image/");
    const types = doc.querySelectorAll(".cover picture source").map((s) => s.getAttribute("type"));
    assert.deepEqual(types, ["image/avif", "image/webp"]);
    const img = doc.querySelector(".cover img")!;
    assert.equal(img.getAttribute("alt"), "Un carré vert sur fond blanc");
    assert.ok(Number(img.getAttribute("width")) > 0 && Number(img.getAttribute("height")) > 0);
    assert.equal(text(doc.querySelector(".cover figcaption")), "Illustration de test", "the credit names its kind: no label repeats it");
  });

  it("builds section pages for every level, tag pages and author pages", () => {
    const top = page(site.outDir, "rubriques/sante/");
    const listed = top.querySelectorAll(".card__title a").map((a) => a.getAttribute("href"));
    assert.deepEqual(listed, ["/articles/article-mdx/", "/articles/article-principal/"]);
    assert.ok(top.querySelector('a[href="/rubriques/sante/sante-coeur/"]'));
    const sub = page(site.outDir, "rubriques/sante/sante-coeur/");
    assert.equal(sub.querySelectorAll(".card").length, 1);
    const tag = page(site.outDir, "tags/prevention/");
    assert.equal(tag.querySelectorAll(".card").length, 2);
    const author = page(site.outDir, "auteurs/bruno/");
    assert.match(text(author), /Médecin cardiologue/);
    assert.match(text(author), /Relecteur médical des articles de fixture/);
    assert.ok(existsSync(join(site.outDir, "404.html")));
  });

  it("answers every index a reader looks for: sections, tags, the team, all articles, a site map", () => {
    const sections = page(site.outDir, "rubriques/");
    assert.equal(text(sections.querySelector("h1")), "Rubriques");
    const top = sections.querySelector('.section-tree > li:has(> a[href="/rubriques/sante/"])')!;
    const entry = (li: HTMLElement | null | undefined) => [...(li?.childNodes ?? [])].filter((n): n is HTMLElement => n instanceof HTMLElement && n.tagName !== "UL").map(text);
    assert.deepEqual(entry(top), ["Santé", "(2 articles)", "Rubrique de test de premier niveau."]);
    assert.deepEqual(entry(top.querySelector('.section-tree a[href="/rubriques/sante/sante-coeur/"]')?.parentNode), ["Cœur", "(1 article)", "Sous-rubrique de test."]);
    assert.ok(sections.querySelector('.section-tree > li > a[href="/rubriques/societe/"]'));

    const tags = page(site.outDir, "tags/").querySelectorAll(".index-columns li").map(text);
    assert.deepEqual(tags, ["Cœur et vaisseaux (1 article)", "prévention (2 articles)", "société (1 article)"]);

    const team = page(site.outDir, "auteurs/");
    assert.equal(text(team.querySelector("h1")), "Nos experts");
    assert.deepEqual(
      team.querySelectorAll(".team__member").map((m) => [text(m.querySelector("h2")), text(m.querySelector(".author__cred"))]),
      [["Alice Testeuse", "Docteure en pharmacie"], ["Bruno Relecteur", "Médecin cardiologue"], ["La rédaction de test", "Équipe éditoriale"]],
    );

    const all = page(site.outDir, "articles/").querySelectorAll(".card__title a").map((a) => a.getAttribute("href"));
    assert.deepEqual(all, ["/articles/article-mdx/", "/articles/article-principal/", "/articles/avec-image/"]);

    const map = page(site.outDir, "plan-du-site/");
    for (const href of ["/rubriques/", "/rubriques/sante/sante-coeur/", "/tags/", "/auteurs/", "/articles/", "/rss.xml", "/sitemap-index.xml", "/charte-editoriale/"])
      assert.ok(map.querySelector(`main a[href="${href}"]`), `site map links ${href}`);
    const footer = page(site.outDir, "articles/article-principal/").querySelector(".site-footer")!;
    assert.ok(footer.querySelector('a[href="/plan-du-site/"]') && !footer.querySelector('a[href$=".xml"]:not([href$="rss.xml"])'), "the footer's site map is the page for people");
    assert.ok(page(site.outDir, "tags/coeur/").querySelector('.site-header a[href="/rubriques/"]'), "the header links every section");
  });

  it("leads breadcrumbs through the index pages", () => {
    const crumbs = (path: string) => page(site.outDir, path).querySelectorAll(".breadcrumbs a").map((a) => a.getAttribute("href"));
    assert.deepEqual(crumbs("rubriques/sante/sante-coeur/"), ["/", "/rubriques/", "/rubriques/sante/"]);
    assert.deepEqual(crumbs("tags/coeur/"), ["/", "/tags/"]);
    assert.deepEqual(crumbs("auteurs/alice/"), ["/", "/auteurs/"]);
  });

  it("gives feeds their own address and last change, and the sitemap each article's last change", () => {
    const raw = readFileSync(join(site.outDir, "rss.xml"), "utf8");
    assert.match(raw, /<atom:link href="http:\/\/localhost:4321\/rss.xml" rel="self" type="application\/rss\+xml"\/>/);
    assert.match(raw, /xmlns:atom="http:\/\/www.w3.org\/2005\/Atom"/);
    // The latest change among the items: article-mdx reviewed on 2026-01-10.
    assert.match(raw, /<lastBuildDate>Sat, 10 Jan 2026 00:00:00 GMT<\/lastBuildDate>/);
    const section = readFileSync(join(site.outDir, "rubriques/sante/sante-coeur/rss.xml"), "utf8");
    assert.match(section, /<atom:link href="http:\/\/localhost:4321\/rubriques\/sante\/sante-coeur\/rss.xml" rel="self"/);
    // article-principal: a correction on 2023-01-02, after its review of 2022-07-08.
    assert.match(section, /<lastBuildDate>Mon, 02 Jan 2023 00:00:00 GMT<\/lastBuildDate>/);

    const urls = [xml.parse(readFileSync(join(site.outDir, "sitemap-0.xml"), "utf8")).urlset.url].flat();
    const lastmod = (path: string) => urls.find((u: any) => u.loc === `http://localhost:4321${path}`)?.lastmod;
    assert.match(String(lastmod("/articles/article-principal/")), /^2023-01-02/);
    assert.match(String(lastmod("/articles/avec-image/")), /^2024-06-18/);
    assert.equal(lastmod("/articles/"), undefined, "a listing changes with every article: no lastmod");
  });

  it("writes feeds, sitemap, robots.txt and the inbox manifest", () => {
    const feed = xml.parse(readFileSync(join(site.outDir, "rss.xml"), "utf8"));
    const titles = feed.rss.channel.item.map((i: any) => i.title);
    assert.deepEqual(titles, ["Un article en MDX", "L’article principal\u00a0: un test complet", "Un article avec une image"]);
    const section = xml.parse(readFileSync(join(site.outDir, "rubriques/sante/sante-coeur/rss.xml"), "utf8"));
    assert.equal(section.rss.channel.item.link, "http://localhost:4321/articles/article-principal/");
    assert.ok(existsSync(join(site.outDir, "sitemap-index.xml")));
    assert.match(readFileSync(join(site.outDir, "robots.txt"), "utf8"), /Sitemap: http:\/\/localhost:4321\/sitemap-index.xml/);
    const manifest = JSON.parse(readFileSync(join(site.outDir, "_pouls/articles.json"), "utf8"));
    const open = Object.fromEntries(manifest.articles.map((a: any) => [a.slug, a.comments]));
    assert.deepEqual(open, { "article-mdx": "closed", "article-principal": "open", "avec-image": "open" });
  });
});

describe("comments on the fixture site", () => {
  before(async () => {
    site ??= await build(fixtureSite);
  });

  it("renders approved comments threaded, staff replies marked, everything escaped", () => {
    const doc = page(site.outDir, "articles/article-principal/");
    const section = doc.querySelector("#commentaires")!;
    assert.notEqual(section.getAttribute("data-pagefind-ignore"), undefined);
    const c1 = section.querySelector("#commentaire-c1")!;
    assert.ok(c1, "anchor per comment");
    const reply = c1.parentNode!.querySelector(".comment-list--replies #commentaire-c2");
    assert.ok(reply, "the reply is nested under its parent");
    assert.match(text(reply), /Réponse de la rédaction/);
    assert.match(text(reply), /La rédaction de test/);
    const hostile = section.querySelector("#commentaire-c3")!;
    assert.equal(hostile.querySelectorAll("script, b, img").length, 0, "no markup from readers");
    assert.match(text(hostile), /<script>alert\(1\)<\/script> Pirate/);
    assert.match(text(hostile), /!\[x\]\(\.\/absente\.png\) et <b>du gras<\/b>/);
    const link = hostile.querySelector('a[href="https://example.org/page"]');
    assert.equal(link?.getAttribute("rel"), "nofollow ugc noopener");
  });

  it("shows each article's comment count on its cards in the listing pages, linked to the comments, and not on related articles", () => {
    const card = page(site.outDir, "articles/").querySelector('.card:has(a[href="/articles/article-principal/"])');
    const count = card?.querySelector(".card__comments a");
    assert.equal(text(count), "3 commentaires");
    assert.equal(count?.getAttribute("href"), "/articles/article-principal/#commentaires-titre");
    assert.equal(page(site.outDir, "articles/").querySelector('.card:has(a[href="/articles/article-mdx/"]) .card__comments'), null, "none without comments");
    for (const related of page(site.outDir, "articles/article-mdx/").querySelectorAll(".related .card")) {
      assert.equal(related.querySelector(".card__comments"), null);
    }
  });

  it("has the comment form where comments are open, a notice where closed", () => {
    const open = page(site.outDir, "articles/article-principal/").querySelector("#commentaires form");
    assert.equal(open?.getAttribute("method"), "post");
    assert.equal(open?.getAttribute("action"), "/api/comments");
    for (const name of ["article", "parent", "name", "email", "body"]) assert.ok(open?.querySelector(`[name="${name}"]`), name);
    assert.match(text(page(site.outDir, "articles/article-principal/").querySelector("#commentaires")), /ne sera pas publiée/);
    const closed = page(site.outDir, "articles/article-mdx/").querySelector("#commentaires");
    assert.equal(closed?.querySelector("form"), null);
  });
});
