import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { markdownToHtml, mdxToJs } from "satteri";
import type { CompileOptions, HastPluginList } from "satteri";
import { loadArticleIndex } from "../../src/markdown/article-index.ts";
import { articleLinks } from "../../src/markdown/article-links.ts";
import { frenchTypographyPlugin } from "../../src/markdown/french-typography.ts";
import { tempDir } from "../helpers/temp.ts";

const NBSP = "\u00A0";
const NNBSP = "\u202F";
const show = (text: string): string => text.replaceAll(NNBSP, "⍽").replaceAll(NBSP, "_");

// Astro's defaults turn straight quotes into English curly ones before hast plugins
// run; Pouls turns quote smartening off so the typography plugin sees them.
const features: CompileOptions["features"] = { smartPunctuation: { quotes: false } };

async function html(markdown: string, hastPlugins: HastPluginList, extra: CompileOptions = {}): Promise<string> {
  const result = await markdownToHtml(markdown, { hastPlugins, features, ...extra });
  return show(result.html.trim());
}

async function mdx(source: string, hastPlugins: HastPluginList, extra: CompileOptions = {}): Promise<string> {
  // The options @astrojs/markdown-satteri passes for .mdx files.
  const result = await mdxToJs(source, { hastPlugins, features, jsxImportSource: "astro", elementAttributeNameCase: "html", ...extra });
  return show(result.code);
}

const typography: HastPluginList = [frenchTypographyPlugin];

test("typography: prose text gets French spacing, quotes and apostrophes", async () => {
  assert.equal(
    await html(`Pourquoi? Voici: "l'été" ; enfin!`, typography),
    "<p>Pourquoi⍽? Voici_: «_l’été_»⍽; enfin⍽!</p>",
  );
});

test("typography: text split by inline markup is handled as one run", async () => {
  assert.equal(await html("Il dit « *mot* » puis *mot*; et **fin**!", typography),
    "<p>Il dit «_<em>mot</em>_» puis <em>mot</em>⍽; et <strong>fin</strong>⍽!</p>");
  assert.equal(await html('Il dit "*oui*" puis *l*\'été.', typography),
    "<p>Il dit «_<em>oui</em>_» puis <em>l</em>’été.</p>");
});

test("typography: text inside inline elements sees the text before them", async () => {
  const raw = { features: { ...features, rawHtml: true } };
  assert.equal(await html("Attention<strong>!</strong> Et l<em>'été</em>.", typography, raw),
    "<p>Attention<strong>⍽!</strong> Et l<em>’été</em>.</p>");
  assert.match(await mdx("Attention<strong>!</strong>", typography), /"⍽!"/);
});

test("typography: headings, list items and table cells are prose too", async () => {
  assert.equal(await html("## Pourquoi?", typography), '<h2>Pourquoi⍽?</h2>');
  assert.equal(await html("- oui!\n- non?", typography), "<ul>\n<li>oui⍽!</li>\n<li>non⍽?</li>\n</ul>");
  assert.match(await html("| a |\n| - |\n| b? |", typography), /<td>b⍽\?<\/td>/);
});

test("typography: inline code, code blocks and raw kbd/samp/script/style are left alone", async () => {
  assert.equal(await html("Tapez `a ; b?` puis!", typography), "<p>Tapez <code>a ; b?</code> puis⍽!</p>");
  assert.equal(await html("```\nx = \"y\" ; z?\n```", typography), '<pre><code>x = "y" ; z?\n</code></pre>');
  const raw = await html(
    "Appuyez sur <kbd>Ctrl ; C</kbd> et <samp>Erreur: 'x'</samp>.\n\n<script>a = 'b';</script>\n\n<style>a:hover{}</style>",
    typography,
    { features: { ...features, rawHtml: true } },
  );
  assert.match(raw, /<kbd>Ctrl ; C<\/kbd>/);
  assert.match(raw, /<samp>Erreur: 'x'<\/samp>/);
  assert.match(raw, /a = 'b';/);
  assert.match(raw, /a:hover\{\}/);
});

test("typography: autolinked URLs and e-mails are left alone", async () => {
  assert.equal(
    await html("Voir <https://x.fr/?a=1> ou www.ameli.fr/assure?x=1 ou contact@pouls.fr !", typography),
    '<p>Voir <a href="https://x.fr/?a=1">https://x.fr/?a=1</a> ou <a href="http://www.ameli.fr/assure?x=1">www.ameli.fr/assure?x=1</a> ou <a href="mailto:contact@pouls.fr">contact@pouls.fr</a>⍽!</p>',
  );
});

test("typography: link text repeating its target is left alone", async () => {
  // Sentence punctuation is not part of a URL in running text, but here the author
  // put it inside the autolink, so it belongs to the address.
  assert.equal(await html("<https://x.fr/wow!>", typography), '<p><a href="https://x.fr/wow!">https://x.fr/wow!</a></p>');
});

test("typography: link text that is prose is handled", async () => {
  assert.equal(await html("[Quoi de neuf?](https://x.fr/a?b=1)", typography), '<p><a href="https://x.fr/a?b=1">Quoi de neuf⍽?</a></p>');
});

test("typography: MDX text and JSX children are handled, JSX code is not", async () => {
  const code = await mdx("Un <Encadre>mot; ici</Encadre> et <code>a ; b</code>!", typography);
  assert.match(code, /"mot⍽; ici"/);
  assert.match(code, /"a ; b"/);
  assert.match(code, /"⍽!"/);
});

// Titles come from a plain object so the plugin is tested without touching the disk.
const titles: Record<string, string> = { "vaccin-grippe": "Vaccin contre la grippe : qui est concerné ?" };
const index = { titleOf: (slug: string): string | undefined => titles[slug] };
const site = "https://pouls.fr";
const file = pathToFileURL(join(process.cwd(), "content/articles/essai.md"));
const links: HastPluginList = [articleLinks(index, { site })];

const cardFor = (text: string, href = "/articles/vaccin-grippe/"): string =>
  `<aside class="lire-aussi" data-pagefind-ignore><p><span class="lire-aussi__label">Lire aussi</span> <a href="${href}">${text}</a></p></aside>`;

test("links: a paragraph holding only an article link becomes a Lire aussi card", async () => {
  assert.equal(await html("[Notre dossier](/articles/vaccin-grippe/)", links), cardFor("Notre dossier"));
  assert.equal(await html("[Notre *dossier*](/articles/vaccin-grippe)", links), cardFor("Notre <em>dossier</em>"));
  assert.equal(await html("[Notre dossier](https://pouls.fr/articles/vaccin-grippe)", links), cardFor("Notre dossier"));
  assert.equal(await html("[Notre dossier](/articles/vaccin-grippe/#effets)", links), cardFor("Notre dossier", "/articles/vaccin-grippe/#effets"));
});

test("links: an empty card link shows the article's title", async () => {
  assert.equal(await html("[](/articles/vaccin-grippe/)", links), cardFor(titles["vaccin-grippe"] ?? ""));
});

test("links: an empty inline link shows the title, a written one is kept", async () => {
  assert.equal(
    await html("Lire [](/articles/vaccin-grippe/) et [ce texte](/articles/vaccin-grippe/).", links),
    '<p>Lire <a href="/articles/vaccin-grippe/">Vaccin contre la grippe : qui est concerné ?</a> et <a href="/articles/vaccin-grippe/">ce texte</a>.</p>',
  );
});

test("links: a paragraph with more than the link stays a paragraph", async () => {
  assert.equal(await html("*[Dossier](/articles/vaccin-grippe/)*", links), '<p><em><a href="/articles/vaccin-grippe/">Dossier</a></em></p>');
});

test("links: other sites and other sections are not article links", async () => {
  assert.equal(await html("[x](https://ailleurs.fr/articles/inconnu/)", links), '<p><a href="https://ailleurs.fr/articles/inconnu/">x</a></p>');
  assert.equal(await html("[x](/articles/)", links), '<p><a href="/articles/">x</a></p>');
  assert.equal(await html("[x](/rubriques/inconnu/)", links), '<p><a href="/rubriques/inconnu/">x</a></p>');
});

test("links: an unknown slug fails the compile, naming the file and the slug", async () => {
  await assert.rejects(
    async () => html("Voir [x](/articles/inconnu/).", links, { fileURL: file }),
    {
      message:
        "Lien interne cassé dans content/articles/essai.md : /articles/inconnu/ ne correspond à aucun article. Attendu : le slug d’un article existant.",
    },
  );
});

test("links: every broken link of the file is listed at once", async () => {
  await assert.rejects(
    async () => html("[a](/articles/un/)\n\n[](https://pouls.fr/articles/deux)", links, { fileURL: file }),
    (error: Error) => {
      assert.match(error.message, /\/articles\/un\/ ne correspond/);
      assert.match(error.message, /\/articles\/deux\/ ne correspond/);
      return true;
    },
  );
});

test("links: MDX gets the card and the error too", async () => {
  const code = await mdx("[](/articles/vaccin-grippe/)", links);
  assert.match(code, /class: "lire-aussi"/);
  assert.match(code, /"data-pagefind-ignore": true/);
  assert.match(code, /children: "Vaccin contre la grippe : qui est concerné \?"/);
  await assert.rejects(async () => mdx("[x](/articles/inconnu/)", links, { fileURL: file }), /content\/articles\/essai\.md : \/articles\/inconnu\//);
});

test("links then typography: the inserted title and label get French spacing", async () => {
  assert.equal(
    await html("[](/articles/vaccin-grippe/)", [articleLinks(index, { site }), frenchTypographyPlugin]),
    cardFor("Vaccin contre la grippe_: qui est concerné⍽?"),
  );
});

function contentFixture(): string {
  const dir = tempDir("pouls-index-");
  const articles = join(dir, "articles");
  mkdirSync(join(articles, "dossier-vitamines"), { recursive: true });
  mkdirSync(join(articles, "brouillon-sans-index"), { recursive: true });
  writeFileSync(join(articles, "vaccin-grippe.md"), '---\ntitle: "Vaccin : qui ?"\ndate: 2024-01-01\n---\nCorps.\n');
  writeFileSync(join(articles, "sommeil.mdx"), "---\ntitle: Bien dormir\n---\n<Encadre />\n");
  writeFileSync(join(articles, "dossier-vitamines", "index.md"), "---\ntitle: Les vitamines\n---\n");
  writeFileSync(join(articles, "ancien-nom.md"), "---\ntitle: Renommé\nslug: nouveau-nom\n---\n");
  writeFileSync(join(articles, "sans-titre.md"), "---\ndate: 2024-01-01\n---\n");
  writeFileSync(join(articles, "casse.md"), "---\ntitle: [non fermé\n---\n");
  writeFileSync(join(articles, "notes.txt"), "pas un article");
  return dir;
}

test("index: scans articles/*.md(x) and */index.md(x), reading titles from front matter", (t) => {
  const dir = contentFixture();
  const articles = loadArticleIndex(dir);
  assert.deepEqual([...articles.slugs].sort(), ["casse", "dossier-vitamines", "nouveau-nom", "sans-titre", "sommeil", "vaccin-grippe"]);
  assert.equal(articles.titleOf("vaccin-grippe"), "Vaccin : qui ?");
  assert.equal(articles.titleOf("sommeil"), "Bien dormir");
  assert.equal(articles.titleOf("dossier-vitamines"), "Les vitamines");
  assert.equal(articles.titleOf("nouveau-nom"), "Renommé");
  assert.equal(articles.has("ancien-nom"), false);
  assert.equal(articles.has("brouillon-sans-index"), false);
  assert.equal(articles.titleOf("inconnu"), undefined);
});

test("index: an article without a usable title still exists, titled by its slug", (t) => {
  const dir = contentFixture();
  const articles = loadArticleIndex(dir);
  assert.equal(articles.titleOf("sans-titre"), "sans-titre");
  assert.equal(articles.titleOf("casse"), "casse");
});

test("index: memoised per content directory, refreshed when an article is added", (t) => {
  const dir = contentFixture();
  const articles = loadArticleIndex(dir);
  assert.equal(loadArticleIndex(dir), articles);
  assert.equal(articles.has("nouveau"), false);
  writeFileSync(join(dir, "articles", "nouveau.md"), "---\ntitle: Tout neuf\n---\n");
  // Guarantees a different folder mtime even on coarse-grained file systems.
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, "articles"), later, later);
  assert.equal(articles.titleOf("nouveau"), "Tout neuf");
});

test("index: kept for the next build, which reads again only the files written since", () => {
  const dir = contentFixture();
  const file = join(dir, "articles", "sommeil.mdx");
  // A time in whole seconds, which utimes sets exactly.
  const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  utimesSync(file, time, time);
  loadArticleIndex(dir);
  // The next build: another process, with the index this one kept in the cache folder.
  const nextBuild = () =>
    execFileSync(process.execPath, ["--input-type=module", "-e", `import { loadArticleIndex } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, "../../src/markdown/article-index.ts")).href)}; console.log(loadArticleIndex(${JSON.stringify(dir)}).titleOf("sommeil"));`], { encoding: "utf8" }).trim();
  assert.equal(nextBuild(), "Bien dormir");
  // The same number of bytes and the file's time put back, which no editor does: to show the
  // file is not read again while its stamp is the one kept.
  writeFileSync(file, readFileSync(file, "utf8").replace("Bien dormir", "Bien manger"));
  utimesSync(file, time, time);
  assert.equal(nextBuild(), "Bien dormir");
  utimesSync(file, time, new Date(time.getTime() + 1000));
  assert.equal(nextBuild(), "Bien manger");
});

test("index: a missing articles folder gives an empty index", (t) => {
  const dir = tempDir("pouls-index-");
  assert.deepEqual(loadArticleIndex(dir).slugs, []);
});

test("index and plugin together: a link to a folder article resolves", async (t) => {
  const dir = contentFixture();
  assert.equal(
    await html("[](/articles/dossier-vitamines/)", [articleLinks(loadArticleIndex(dir), { site })]),
    cardFor("Les vitamines", "/articles/dossier-vitamines/"),
  );
});
