// The WordPress importer's converters, each alone (src/import/wordpress/).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { autop, htmlToMarkdown, postHtml, shortcodesIn } from "../../src/import/wordpress/html.ts";
import { extractSources } from "../../src/import/wordpress/sources.ts";
import { expandShortcodes } from "../../src/import/wordpress/shortcodes.ts";
import { localImages, uploadCandidates, uploadPath } from "../../src/import/wordpress/images.ts";
import { descriptionFrom, importSlug, plainText, wordpressDate } from "../../src/import/wordpress/text.ts";

describe("WordPress import: text", () => {
  it("folds a percent-encoded post_name to the site's slug form, else the title, else the id", () => {
    assert.equal(importSlug("immunoth%c3%a9rapie-cancer-sein", "", "1"), "immunotherapie-cancer-sein");
    assert.equal(importSlug("", "L’œuf &amp; la poule", "2"), "l-oeuf-la-poule");
    assert.equal(importSlug("%zz-brut", "", "3"), "zz-brut", "a stray % is taken as written");
    assert.equal(importSlug("", "", "4"), "article-4");
  });

  it("decodes entities and drops tags in titles and excerpts", () => {
    assert.equal(plainText("L&#8217;immunoth&eacute;rapie &amp; <b>le</b>\n cancer"), "L’immunothérapie & le cancer");
  });

  it("makes a description from the first paragraph that reads as a sentence when the excerpt is empty", () => {
    const body = "<p><strong>Titre</strong></p><p>Un premier paragraphe assez long pour décrire l’article importé.</p><p>Suite.</p>";
    assert.equal(descriptionFrom("", body), "Un premier paragraphe assez long pour décrire l’article importé.");
    assert.equal(descriptionFrom("Le chapô &amp; plus", body), "Le chapô & plus");
    const long = `<p>${"Une phrase assez longue pour remplir. ".repeat(10)}</p>`;
    assert.ok(descriptionFrom("", long).length <= 220);
    assert.match(descriptionFrom("", long), /remplir\.$/);
  });

  it("reads WordPress dates, UTC or local, and none for a draft's zero date", () => {
    assert.equal(wordpressDate("2018-06-07 08:00:00", true)?.toISOString(), "2018-06-07T08:00:00.000Z");
    assert.equal(wordpressDate("0000-00-00 00:00:00", true), undefined);
    assert.equal(wordpressDate("hier", false), undefined);
  });
});

describe("WordPress import: body", () => {
  it("draws classic-editor paragraphs from blank lines, line breaks from single ones, as WordPress shows them", () => {
    assert.equal(autop("Un.\nDeux.\n\n<h2>Titre</h2>\n\nTrois."), "<p>Un.<br>\nDeux.</p>\n<h2>Titre</h2>\n<p>Trois.</p>");
  });

  it("keeps the blocks' HTML and drops the block editor's comments", () => {
    const html = postHtml("<!-- wp:paragraph -->\n<p>Un.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading {\"level\":3} -->\n<h3>Deux</h3>\n<!-- /wp:heading -->");
    assert.equal(htmlToMarkdown(html), "Un.\n\n### Deux");
  });

  it("turns headings, lists, quotes, tables, links and emphasis into Markdown", () => {
    const md = htmlToMarkdown(
      "<h2>Titre</h2><p>Du <em>texte</em> et du <strong>gras</strong>, <a href=\"https://exemple.fr\">un lien</a>.</p><ul><li>un</li><li>deux</li></ul><ol><li>premier</li></ol><blockquote><p>Cité.</p></blockquote><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    );
    assert.equal(
      md,
      "## Titre\n\nDu _texte_ et du **gras**, [un lien](https://exemple.fr).\n\n-   un\n-   deux\n\n1.  premier\n\n> Cité.\n\n| A   | B   |\n| --- | --- |\n| 1   | 2   |",
    );
  });

  it("names the shortcodes it leaves as text", () => {
    assert.deepEqual(shortcodesIn('[caption id="1"]<img>[/caption] [gallery ids="1,2"] [embed]x[/embed] [1]'), ["caption", "embed", "gallery"]);
  });
});

describe("WordPress import: sources", () => {
  it("takes a « Sources : » paragraph out of the body, DOI and PubMed as studies, the rest by their domain", () => {
    const { html, sources } = extractSources(
      '<p>Texte.</p><p><strong>Sources :</strong> <a href="https://doi.org/10.1038/s41591-018-0040-8">Une étude</a>, <a href="https://pubmed.ncbi.nlm.nih.gov/1/">PubMed</a>, <a href="https://www.has-sante.fr/x">HAS</a>, <a href="https://www.santepubliquefrance.fr/y">SpF</a>, <a href="https://www.lemonde.fr/z">Le Monde</a></p>',
    );
    assert.equal(html, "<p>Texte.</p>");
    assert.deepEqual(sources, [
      { title: "Une étude", doi: "10.1038/s41591-018-0040-8", kind: "study" },
      { title: "PubMed", publisher: "pubmed.ncbi.nlm.nih.gov", url: "https://pubmed.ncbi.nlm.nih.gov/1/", kind: "study" },
      { title: "HAS", publisher: "has-sante.fr", url: "https://www.has-sante.fr/x", kind: "guideline" },
      { title: "SpF", publisher: "santepubliquefrance.fr", url: "https://www.santepubliquefrance.fr/y", kind: "report" },
      { title: "Le Monde", publisher: "lemonde.fr", url: "https://www.lemonde.fr/z", kind: "press" },
    ]);
  });

  it("reads the list under a « Source : » heading, text items included", () => {
    const { html, sources } = extractSources('<p>Source :</p><ul><li><a href="https://www.lemonde.fr/a">Article</a></li><li>Rapport de l’Inserm, 2020</li></ul><p>Fin.</p>');
    assert.equal(html, "<p>Fin.</p>");
    assert.deepEqual(sources.map((s) => [s.title, s.kind]), [["Article", "press"], ["Rapport de l’Inserm, 2020", "other"]]);
  });

  it("leaves a body without such a paragraph as it is", () => {
    assert.deepEqual(extractSources("<p>Les sources du Nil.</p>"), { html: "<p>Les sources du Nil.</p>", sources: [] });
  });
});

describe("WordPress import: shortcodes and images", () => {
  const attachments = new Map([
    ["7", { url: "https://a.fr/wp-content/uploads/2020/01/un.jpg", alt: "Un", parent: "1" }],
    ["8", { url: "https://a.fr/wp-content/uploads/2020/01/deux.jpg", alt: "", parent: "1" }],
    ["9", { url: "https://a.fr/wp-content/uploads/2020/01/autre.jpg", alt: "Autre", parent: "2" }],
  ]);

  it("turns [caption] into a figure, [gallery] into its images, [embed], [video] and [audio] into plain links", () => {
    assert.equal(
      expandShortcodes('[caption id="a" width="300"]<a href="x"><img src="i.jpg" alt="A"></a> La légende[/caption]', "1", attachments),
      '<figure><img src="i.jpg" alt="A"><figcaption>La légende</figcaption></figure>',
    );
    assert.equal(expandShortcodes('[caption caption="Dite"]<img src="i.jpg">[/caption]', "1", attachments), '<figure><img src="i.jpg"><figcaption>Dite</figcaption></figure>');
    assert.equal(expandShortcodes('[gallery ids="9,7"]', "1", attachments), '<p><img src="https://a.fr/wp-content/uploads/2020/01/autre.jpg" alt="Autre"></p>\n<p><img src="https://a.fr/wp-content/uploads/2020/01/un.jpg" alt="Un"></p>');
    assert.equal(expandShortcodes("[gallery]", "1", attachments).split("\n").length, 2, "without ids: the images uploaded to the post");
    assert.equal(expandShortcodes("[embed]https://v.example/1[/embed]", "1", attachments), '<p><a href="https://v.example/1">https://v.example/1</a></p>');
    assert.equal(expandShortcodes('[video mp4="https://v.example/f.mp4"][/video] [audio src="https://s.example/a.mp3"]', "1", attachments), '<p><a href="https://v.example/f.mp4">https://v.example/f.mp4</a></p> <p><a href="https://s.example/a.mp3">https://s.example/a.mp3</a></p>');
    assert.equal(expandShortcodes('[contact-form-7 id="1"]', "1", attachments), '[contact-form-7 id="1"]');
  });

  it("finds an upload from its URL, the original before a resized copy", () => {
    assert.equal(uploadPath("https://a.fr/wp-content/uploads/2018/06/photo-800x450.jpg", "https://a.fr"), "2018/06/photo-800x450.jpg");
    assert.equal(uploadPath("https://site.files.wordpress.com/2008/06/canola2.jpg", "https://site.wordpress.com"), "2008/06/canola2.jpg");
    assert.equal(uploadPath("https://ailleurs.example/image.jpg", "https://a.fr"), undefined);
    assert.deepEqual(uploadCandidates("2018/06/photo-800x450.jpg"), ["2018/06/photo.jpg", "2018/06/photo-800x450.jpg"]);
  });

  it("points images at their copies beside the article, drops the ones that cannot be found, and names those without alt", () => {
    const files = new Map([["2018/06/photo.jpg", "/up/2018/06/photo.jpg"], ["2019/01/photo.jpg", "/up/2019/01/photo.jpg"]]);
    const local = localImages(
      '<a href="https://a.fr/wp-content/uploads/2018/06/photo.jpg"><img src="https://a.fr/wp-content/uploads/2018/06/photo-300x200.jpg" alt="" width="300" srcset="x 2x"></a><img src="https://a.fr/wp-content/uploads/2019/01/photo.jpg" alt="Bis"><img src="https://a.fr/wp-content/uploads/2020/01/absente.jpg" alt="A">',
      "https://a.fr",
      (path) => files.get(path),
    );
    assert.equal(local.html, '<img src="./photo.jpg" alt><img src="./2-photo.jpg" alt="Bis">');
    assert.deepEqual(local.copies, [{ from: "/up/2018/06/photo.jpg", name: "photo.jpg" }, { from: "/up/2019/01/photo.jpg", name: "2-photo.jpg" }]);
    assert.deepEqual(local.missing, ["absente.jpg"]);
    assert.deepEqual(local.withoutAlt, ["photo.jpg"]);
  });
});
