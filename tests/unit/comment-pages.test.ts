// Publishing comments without a build (src/lib/comments/patch-pages.ts): the files read through the
// site's schema, the thread written as the build writes it, and only the pages that need it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishedComments } from "../../src/lib/comments/comment-files.ts";
import { changedArticles, commentDigests, patchCommentPages, withThread } from "../../src/lib/comments/patch-pages.ts";
import { COUNT_END, COUNT_START, commentThreadHtml, THREAD_END, THREAD_START } from "../../src/lib/comments/thread-html.ts";
import { tempDir } from "../helpers/temp.ts";
import { CARD_PAGES, cardCountPlace, fillBuiltCardCounts, fillCardCounts, fillChangedCardCounts, readCardList } from "../../src/lib/comments/card-counts.ts";

const fields = (id: string, more = "") => `---\nid: ${id}\narticle: vaccin\nparent: null\nauthor: Une lectrice\ndate: 2026-05-30T09:00:00Z\n${more}---\n\n`;

function comments(files: Record<string, string>): string {
  const dir = tempDir("pouls-comments-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("approved comment files", () => {
  it("are read per article, with the schema's defaults", () => {
    const byArticle = publishedComments(comments({ "vaccin/c1.md": `${fields("c1")}Merci.\n`, "vaccin/c2.md": `${fields("c2", "staff: true\n")}Réponse.` }));
    const list = byArticle.get("vaccin")!;
    assert.deepEqual(list.map((c) => [c.id, c.staff, c.body]), [["c1", false, "Merci."], ["c2", true, "Réponse."]]);
    assert.ok(list[0]!.date instanceof Date);
  });

  it("with a mistake, name the file and the field", () => {
    const dir = comments({ "vaccin/c1.md": "---\nid: c1\narticle: vaccin\ndate: 2026-05-30\n---\n\nSans auteur." });
    assert.throws(() => publishedComments(dir), /vaccin\/c1\.md : author/);
    assert.throws(() => publishedComments(comments({ "vaccin/c2.md": "Pas d'en-tête." })), /vaccin\/c2\.md : en-tête YAML/);
  });
});

describe("a comment thread in a page", () => {
  const options = { article: "vaccin", action: "https://c.example/api/comments", open: true };

  it("escapes what readers wrote, in text and attributes", () => {
    const html = commentThreadHtml([{ id: "c1", parent: null, author: `"Jean" <b>&`, date: new Date("2026-05-30T09:00:00Z"), staff: false, removed: false, body: "<script>x</script>" }], options);
    assert.ok(!html.includes("<b>") && !html.includes("<script>"), html);
    assert.match(html, /data-reply-author="&quot;Jean&quot; &lt;b&gt;&amp;"/);
    assert.match(html, /^<!--pouls:commentaires--><h2 id="commentaires-titre">1 commentaire<\/h2><ol class="comment-list">/);
  });

  it("keeps a removed comment's place, without its author or text, for the replies under it", () => {
    const dir = comments({
      "vaccin/c1.md": `${fields("c1", "removed: true\n").replace("author: Une lectrice\n", "")}`,
      "vaccin/c2.md": `${fields("c2", "staff: true\n").replace("parent: null", "parent: c1")}Nous avons retiré ce commentaire.`,
    });
    const html = commentThreadHtml(publishedComments(dir).get("vaccin")!, options);
    assert.match(html, /<h2 id="commentaires-titre">1 commentaire<\/h2>/, "the placeholder is not counted");
    assert.match(html, /<article id="commentaire-c1" class="comment comment--removed"[^>]*>.*Commentaire retiré<\/p>.*Ce commentaire a été retiré par la rédaction\.<\/p>/s);
    assert.doesNotMatch(html.slice(0, html.indexOf('id="commentaire-c2"')), /comment-reply/, "no reply link on the placeholder");
    assert.match(html, /<ol class="comment-list comment-list--replies"><li><article id="commentaire-c2"/, "the reply stays under it");
    assert.throws(() => publishedComments(comments({ "vaccin/c3.md": fields("c3").replace("author: Une lectrice\n", "") })), /vaccin\/c3\.md : author/);
  });

  it("offers a « Signaler » link to the inbox's report form under each comment, even when comments are closed", () => {
    const one = [{ id: "c1", parent: null, author: "Léa", date: new Date("2026-05-30T09:00:00Z"), staff: false, removed: false, body: "Texte." }];
    assert.match(commentThreadHtml(one, options), /<a class="comment-report" rel="nofollow" href="https:\/\/c\.example\/api\/reports\?comment=c1">Signaler<span class="visually-hidden"> le commentaire de Léa<\/span><\/a>/);
    assert.match(commentThreadHtml(one, { ...options, action: "/api/comments", open: false }), /href="\/api\/reports\?comment=c1"/);
  });

  it("says there is none yet only when readers may comment", () => {
    assert.match(commentThreadHtml([], options), /Aucun commentaire pour le moment/);
    assert.doesNotMatch(commentThreadHtml([], { ...options, open: false }), /Aucun commentaire/);
  });

  it("is replaced between its markers, and only when they are there once", () => {
    const page = `<main>${THREAD_START}<h2>ancien</h2>${THREAD_END}<form></form></main>`;
    assert.equal(withThread(page, "NOUVEAU"), "<main>NOUVEAU<form></form></main>");
    assert.equal(withThread("<main></main>", "NOUVEAU"), undefined);
    assert.equal(withThread(page + page, "NOUVEAU"), undefined);
  });

  it("is written again only in the pages of articles whose comments changed, all or none", () => {
    const before = commentDigests(new Map([["a", []], ["b", [{ id: "c1", parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "y" }]]]));
    const after = commentDigests(new Map([["b", [{ id: "c1", parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "z" }]], ["c", []]]));
    assert.deepEqual(changedArticles(before, after), ["a", "b", "c"], "gone, changed, new");
    assert.deepEqual(changedArticles(before, { ...before }), []);

    const out = tempDir("pouls-dist-");
    mkdirSync(join(out, "_pouls"));
    mkdirSync(join(out, "articles/a"), { recursive: true });
    writeFileSync(join(out, "_pouls/articles.json"), JSON.stringify({ articles: [{ slug: "a", url: "/articles/a/", comments: "open" }] }));
    const page = `<h1>a</h1>${COUNT_START}${COUNT_END}<p>avant</p>${THREAD_START}${THREAD_END}<p>après</p>`;
    writeFileSync(join(out, "articles/a/index.html"), page);
    assert.equal(patchCommentPages(out, new Map(), ["a", "absent"], options.action), undefined, "an article without a page");
    assert.equal(readFileSync(join(out, "articles/a/index.html"), "utf8"), page, "nothing written");
    assert.deepEqual(patchCommentPages(out, new Map(), ["a"], options.action), { pages: ["/articles/a/"], listings: [] });
    assert.match(readFileSync(join(out, "articles/a/index.html"), "utf8"), /^<h1>a<\/h1><!--pouls:nombre--><!--\/pouls:nombre--><p>avant<\/p><!--pouls:commentaires--><h2 id="commentaires-titre">Commentaires<\/h2><p class="comments-empty">.*<p>après<\/p>$/);

    const one = new Map([["a", [{ id: "c1", parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "y" }]]]);
    assert.deepEqual(patchCommentPages(out, one, ["a"], options.action), { pages: ["/articles/a/"], listings: [] });
    assert.match(readFileSync(join(out, "articles/a/index.html"), "utf8"), /<!--pouls:nombre--><p class="comment-count"><a href="#commentaires-titre">1 commentaire<\/a><\/p><!--\/pouls:nombre-->/);
    // Closed by age before this build: the thread offers no reply, as the build's own page would.
    writeFileSync(join(out, "_pouls/articles.json"), JSON.stringify({ articles: [{ slug: "a", url: "/articles/a/", comments: "open", closes: "2000-01-01" }] }));
    patchCommentPages(out, one, ["a"], options.action);
    assert.doesNotMatch(readFileSync(join(out, "articles/a/index.html"), "utf8"), /comment-reply/);
  });

  it("fill the count on each article's cards in the listing pages, and nothing else, after a build or with the threads", () => {
    const out = tempDir("pouls-dist-");
    mkdirSync(join(out, "_pouls"));
    mkdirSync(join(out, "articles/a"), { recursive: true });
    mkdirSync(join(out, "rubriques/sante"), { recursive: true });
    const articles = [{ slug: "a", url: "/articles/a/", comments: "open" }, { slug: "b", url: "/articles/b/", comments: "open" }];
    writeFileSync(join(out, "_pouls/articles.json"), JSON.stringify({ articles }));
    const articlePage = `<h1>a</h1>${COUNT_START}${COUNT_END}${THREAD_START}${THREAD_END}<li>${cardCountPlace("b")}</li>`;
    writeFileSync(join(out, "articles/a/index.html"), articlePage);
    const listing = `<ol><li>${cardCountPlace("a")}</li><li>${cardCountPlace("b")}</li></ol>`;
    writeFileSync(join(out, "rubriques/sante/index.html"), listing);
    writeFileSync(join(out, "index.html"), "<p>Sans carte</p>");

    const two = new Map([["a", [1, 2].map((n) => ({ id: `c${n}`, parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "y" }))]]);
    assert.deepEqual(fillCardCounts(out, articles, two), [join(out, "rubriques/sante/index.html")], "only the pages whose counts change");
    assert.equal(
      readFileSync(join(out, "rubriques/sante/index.html"), "utf8"),
      '<ol><li><!--pouls:carte:a--><p class="card__comments"><a href="/articles/a/#commentaires-titre">2 commentaires</a></p><!--/pouls:carte--></li><li><!--pouls:carte:b--><!--/pouls:carte--></li></ol>',
    );
    assert.deepEqual(fillCardCounts(out, articles, two), [], "filled already: nothing written");
    assert.equal(readFileSync(join(out, "articles/a/index.html"), "utf8"), articlePage, "an article's own page is left to its thread");

    // A publication of comments alone brings the listing pages along.
    const three = new Map([["a", [1, 2, 3].map((n) => ({ id: `c${n}`, parent: null, author: "X", date: new Date(0), staff: false, removed: n === 3, body: "y" }))], ["b", two.get("a")!.slice(0, 1)]]);
    assert.equal(patchCommentPages(out, three, ["b"], options.action), undefined, "b has no page here: left to a build");
    mkdirSync(join(out, "articles/b"));
    writeFileSync(join(out, "articles/b/index.html"), `${COUNT_START}${COUNT_END}${THREAD_START}${THREAD_END}`);
    assert.deepEqual(patchCommentPages(out, three, ["b"], options.action), { pages: ["/articles/b/"], listings: ["/rubriques/sante/"] });
    assert.match(readFileSync(join(out, "rubriques/sante/index.html"), "utf8"), /2 commentaires<\/a><\/p><!--\/pouls:carte--><\/li><li><!--pouls:carte:b--><p class="card__comments"><a href="\/articles\/b\/#commentaires-titre">1 commentaire<\/a>/u, "a removed comment is not counted");
  });

  it("are filled, after a publication of comments alone, in the pages the last build listed for those articles only", () => {
    const out = tempDir("pouls-dist-");
    mkdirSync(join(out, "_pouls"));
    mkdirSync(join(out, "rubriques/sante"), { recursive: true });
    mkdirSync(join(out, "tags/x"), { recursive: true });
    const articles = [{ slug: "a", url: "/articles/a/" }, { slug: "b", url: "/articles/b/" }];
    writeFileSync(join(out, "rubriques/sante/index.html"), `<li>${cardCountPlace("a")}</li><li>${cardCountPlace("b")}</li>`);
    writeFileSync(join(out, "tags/x/index.html"), `<li>${cardCountPlace("a")}</li>`);
    const comment = (id: string) => ({ id, parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "y" });
    assert.deepEqual(fillCardCounts(out, articles, new Map()), []);
    assert.deepEqual(readCardList(out), { a: { count: 0, pages: ["rubriques/sante/index.html", "tags/x/index.html"] }, b: { count: 0, pages: ["rubriques/sante/index.html"] } });

    // b's comments changed: the page without b's card is not read. (Here a's count changed too
    // without its publication, so that a page read anyway would show it.)
    const both = new Map([["a", [comment("c1")]], ["b", [comment("c2")]]]);
    assert.deepEqual(fillChangedCardCounts(out, articles, both, ["b"]), [join(out, "rubriques/sante/index.html")]);
    assert.doesNotMatch(readFileSync(join(out, "tags/x/index.html"), "utf8"), /commentaire/);
    assert.deepEqual(readCardList(out)!.b, { count: 1, pages: ["rubriques/sante/index.html"] }, "the list knows b's count now");
    assert.deepEqual(fillChangedCardCounts(out, articles, both, ["a"]), [join(out, "tags/x/index.html")]);

    // Without the list, or with a page of it gone, every listing page is read, and listed again.
    rmSync(join(out, CARD_PAGES));
    writeFileSync(join(out, "tags/x/index.html"), `<li>${cardCountPlace("a")}</li>`);
    assert.deepEqual(fillChangedCardCounts(out, articles, both, ["b"]), [join(out, "tags/x/index.html")]);
    assert.ok(existsSync(join(out, CARD_PAGES)));
    rmSync(join(out, "tags/x"), { recursive: true });
    writeFileSync(join(out, "rubriques/sante/index.html"), `<li>${cardCountPlace("a")}</li><li>${cardCountPlace("b")}</li>`);
    assert.deepEqual(fillChangedCardCounts(out, articles, both, ["a"]), [join(out, "rubriques/sante/index.html")]);
    assert.deepEqual(readCardList(out), { a: { count: 1, pages: ["rubriques/sante/index.html"] }, b: { count: 1, pages: ["rubriques/sante/index.html"] } });
  });

  it("are filled, after a build that left pages in place, in the pages it wrote and those of articles whose count changed", () => {
    const out = tempDir("pouls-dist-");
    mkdirSync(join(out, "_pouls"));
    for (const dir of ["rubriques/sante", "tags/x", "tags/y", "tags/z"]) mkdirSync(join(out, dir), { recursive: true });
    const articles = ["a", "b", "c"].map((slug) => ({ slug, url: `/articles/${slug}/` }));
    const comment = (id: string) => ({ id, parent: null, author: "X", date: new Date(0), staff: false, removed: false, body: "y" });
    const page = (...slugs: string[]) => slugs.map((slug) => `<li>${cardCountPlace(slug)}</li>`).join("");
    const old = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
    const write = (path: string, html: string, time?: Date) => {
      writeFileSync(join(out, path), html);
      if (time) utimesSync(join(out, path), time, time);
    };
    write("rubriques/sante/index.html", page("a", "b"), old);
    write("tags/x/index.html", page("a"), old);
    write("tags/y/index.html", page("c"), old);
    write("tags/z/index.html", page("a"), old);
    const one = new Map([["a", [comment("c1")]]]);
    fillCardCounts(out, articles, one);
    for (const path of ["rubriques/sante/index.html", "tags/x/index.html", "tags/y/index.html"]) utimesSync(join(out, path), old, old);
    const last = readCardList(out);
    // Its card left empty, to show whether the page is read: a's count does not change.
    write("tags/z/index.html", page("a"), old);

    // This build wrote tags/y again (now with b's card), deleted tags/x, and b got a comment.
    const startedAt = old.getTime() + 60_000;
    rmSync(join(out, "tags/x"), { recursive: true });
    write("tags/y/index.html", page("b", "c"));
    const two = new Map([["a", [comment("c1")]], ["b", [comment("c2")]]]);
    const written = fillBuiltCardCounts(out, articles, two, last, startedAt);
    assert.deepEqual(written, [join(out, "rubriques/sante/index.html"), join(out, "tags/y/index.html")], "b's count changed: the page left in place with b's card, and the page written");
    assert.match(readFileSync(join(out, "tags/y/index.html"), "utf8"), /1 commentaire/);
    assert.equal(readFileSync(join(out, "tags/z/index.html"), "utf8"), page("a"), "a page left in place, of articles whose counts did not change, is not read");
    assert.deepEqual(readCardList(out), {
      a: { count: 1, pages: ["rubriques/sante/index.html", "tags/z/index.html"] },
      b: { count: 1, pages: ["rubriques/sante/index.html", "tags/y/index.html"] },
      c: { count: 0, pages: ["tags/y/index.html"] },
    });
    const fresh = tempDir("pouls-dist-");
    cpSync(out, fresh, { recursive: true });
    // The same pages as Astro renders them, filled all at once, as after a build from scratch.
    writeFileSync(join(fresh, "rubriques/sante/index.html"), page("a", "b"));
    writeFileSync(join(fresh, "tags/y/index.html"), page("b", "c"));
    fillCardCounts(fresh, articles, two);
    for (const path of ["rubriques/sante/index.html", "tags/y/index.html", CARD_PAGES]) {
      assert.equal(readFileSync(join(out, path), "utf8"), readFileSync(join(fresh, path), "utf8"), `${path} as a fill of every page writes it`);
    }

    // Nothing written and no count changed: nothing read; without the last list, every page.
    assert.deepEqual(fillBuiltCardCounts(out, articles, two, readCardList(out), Date.now() + 60_000), []);
    assert.deepEqual(fillBuiltCardCounts(out, articles, new Map(), undefined, Date.now() + 60_000), ["rubriques/sante", "tags/y"].map((dir) => join(out, dir, "index.html")));
  });
});
