// The test that decides whether incremental builds can be trusted: after each change an editor,
// a moderator or a developer makes, a build that reuses the last one gives the same dist/, byte
// for byte and search index included, as a build from scratch of the same content and code.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, fixtureCopy, projectCopy, root, type BuildResult } from "../helpers/build.ts";
import { differingFiles } from "../helpers/same-build.ts";
import { tempDir } from "../helpers/temp.ts";

const project = projectCopy();
const work = tempDir("pouls-incremental-");
// The day the site is built as of (POULS_BUILD_TIME): fixed, so that the test does not depend on
// today's date, and moved forward to let time pass.
let today = "2026-06-01";
// Settings from the environment, as a deployment sets them; changed by a test below.
const settings: Record<string, string> = {};
const image = (name: string) => join(root, "tests/fixtures/wordpress/uploads/2018/06", name);

function article(slug: string, fields: Record<string, string>, body: string): string {
  const sources = '[{ title: "Une étude de test", publisher: "Revue de test", url: "https://example.org/etude" }]';
  const front = Object.entries({ author: "alice", category: "sante", sources, ...fields }).map(([k, v]) => `${k}: ${v}`);
  return `---\n${front.join("\n")}\n---\n\n${body}\n`;
}

const content = fixtureCopy((dir) => {
  // An image in an article's body, beside its cover.
  copyFileSync(image("galerie-1.jpg"), join(dir, "articles/avec-image/schema.jpg"));
  appendFileSync(join(dir, "articles/avec-image/index.md"), "\n![Un schéma de test](./schema.jpg)\n");
  // Due the day after the test's first days.
  writeFileSync(
    join(dir, "articles/rappel-vaccinal.md"),
    article("rappel-vaccinal", { title: "Le rappel vaccinal de l'hiver", description: "Qui doit le faire, et quand.", date: "2026-12-01", tags: "[prévention]" }, "Le rappel est ouvert à tous."),
  );
  // Its last check becomes more than three years old between the test's first days and its last.
  writeFileSync(
    join(dir, "articles/sommeil-ecrans.md"),
    article("sommeil-ecrans", { title: "Les écrans et le sommeil", description: "Ce que disent les études.", date: "2023-09-01", tags: "[sommeil]" }, "Les écrans retardent l'endormissement. Sur la tension : [](/articles/avec-image/).\n\n[](/articles/avec-image/)"),
  );
  // "tension" is in the article above, whose own text the glossary's edits leave as it is.
  writeFileSync(join(dir, "glossaire.yaml"), 'tension-arterielle:\n  terme: tension artérielle\n  definition: "La pression du sang dans les artères."\n  courant: [tension]\n');
});

const file = (path: string) => join(content, path);
const edit = (path: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file(path), "utf8");
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `${path} holds ${from}`);
  writeFileSync(file(path), changed);
};

/** The pages Astro copied from the last build instead of rendering them (its log says "restored"). */
function copiedPages(result: BuildResult): Set<string> {
  const lines = result.output.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  return new Set(lines.flatMap((line) => /├─ (\S+) \((?:restored|cached)\)/.exec(line)?.[1] ?? []));
}

// As an editor or the inbox runs it: npm run build, which stops at once when nothing changed.
const incremental = (args: string[] = []) => build(content, { POULS_BUILD_TIME: today, ...settings }, { work, project, verbose: true, args, npm: true });
const astroItself = () => build(content, { POULS_BUILD_TIME: today, ...settings }, { work, project, verbose: true });
const fromScratch = () => build(content, { POULS_BUILD_TIME: today, ...settings }, { project });

interface Incremental {
  /** The pages copied from the last build. */
  copied: Set<string>;
  /** Whether the search index was that of the last build (no indexed text changed). */
  searchKept: boolean;
}

/** Builds incrementally and from scratch, asserts the same bytes, and says what was reused. */
async function sameAsFromScratch(args: string[] = [], run = incremental): Promise<Incremental & { upToDate: boolean }> {
  const [next, reference] = [await run(args), await fromScratch()];
  assert.equal(next.code, 0, next.output);
  assert.equal(reference.code, 0, reference.output);
  const differ = differingFiles(next.outDir, reference.outDir);
  assert.deepEqual(differ, [], `files of the incremental build that differ from a build from scratch: ${differ.join(", ")}`);
  return {
    copied: copiedPages(next),
    searchKept: /index du build précédent repris/.test(next.output),
    upToDate: /Site à jour dans/.test(next.output),
  };
}

const articlePage = (slug: string) => `/articles/${slug}/index.html`;

describe("an incremental build, after each kind of change, gives what a build from scratch gives", () => {
  before(async () => {
    const first = await incremental();
    assert.equal(first.code, 0, first.output);
  });

  it("with nothing changed, npm run build stops at once: dist/ is already what a build would write", async () => {
    const { upToDate } = await sameAsFromScratch();
    assert.ok(upToDate, "npm run build says the site is up to date");
  });

  it("with nothing changed, astro build copies every page that has a cache key, and the search index", async () => {
    const { copied, searchKept, upToDate } = await sameAsFromScratch([], astroItself);
    assert.ok(!upToDate);
    assert.ok(searchKept, "the search index of the last build is kept");
    assert.ok(copied.has(articlePage("article-principal")) && copied.has("/tags/prevention/index.html"), [...copied].join(", "));
  });

  it("leaves the pages it does not render where the last build wrote them instead of copying them from its cache", async () => {
    const page = join(work, "dist", articlePage("article-principal"));
    const { ino, mtimeMs } = statSync(page);
    const { copied } = await sameAsFromScratch([], astroItself);
    assert.ok(copied.has(articlePage("article-principal")));
    assert.deepEqual([statSync(page).ino, statSync(page).mtimeMs], [ino, mtimeMs], "the same file, not written again");
  });

  it("after a build npm run build did not start, npm run build builds again rather than trust it", async () => {
    assert.ok(!(await sameAsFromScratch()).upToDate);
  });

  const comment = (path: string, fields: Record<string, string>, text: string) => {
    mkdirSync(join(file("comments"), path, ".."), { recursive: true });
    writeFileSync(file(`comments/${path}.md`), `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${text}\n`);
  };
  const onlyComments = (output: string) => /Seuls des commentaires ont changé : (\d+) page\(s\) mise\(s\) à jour sans reconstruire le site \([\d,]+ s\) : (.*)/.exec(output);

  it("a moderator approves a comment: npm run build writes it into its article's page alone, without Astro", async () => {
    comment("article-principal/c4", { id: "c4", article: "article-principal", parent: "null", author: "Une lectrice", date: "2026-05-30T09:00:00Z", staff: "false" }, "Faut-il une ordonnance ?");
    const next = await incremental();
    assert.equal(next.code, 0, next.output);
    assert.deepEqual(onlyComments(next.output)?.slice(1), ["1", "/articles/article-principal/"], next.output);
    assert.deepEqual(differingFiles(next.outDir, (await fromScratch()).outDir), []);
  });

  it("the editorial team's reply to it, and a first comment under an article nobody had commented on", async () => {
    comment("article-principal/c5", { id: "c5", article: "article-principal", parent: "c4", author: "La rédaction", date: "2026-05-31T09:00:00Z", staff: "true" }, "Non, elle est en vente libre.\n\nVoir https://example.org/notice, <b>et</b> & « ceci ».");
    comment("article-mdx/c6", { id: "c6", article: "article-mdx", parent: "null", author: '"Jean <Dupont> & fils"', date: "2026-05-31T10:00:00Z" }, "Premier !");
    const { output } = await incremental();
    assert.deepEqual(onlyComments(output)?.slice(1), ["2", "/articles/article-mdx/, /articles/article-principal/"], output);
    assert.deepEqual(differingFiles(join(work, "dist"), (await fromScratch()).outDir), []);
  });

  it("a comment taken down: its article's page is as if it had never been published", async () => {
    rmSync(file("comments/article-mdx/c6.md"));
    const { output } = await incremental();
    assert.deepEqual(onlyComments(output)?.slice(1), ["1", "/articles/article-mdx/"], output);
    assert.deepEqual(differingFiles(join(work, "dist"), (await fromScratch()).outDir), []);
  });

  it("a comment taken down whose reply stays: a placeholder keeps its place, without its author or text", async () => {
    comment("article-principal/c4", { id: "c4", article: "article-principal", parent: "null", date: "2026-05-30T09:00:00Z", removed: "true" }, "");
    const { output } = await incremental();
    assert.deepEqual(onlyComments(output)?.slice(1), ["1", "/articles/article-principal/"], output);
    assert.deepEqual(differingFiles(join(work, "dist"), (await fromScratch()).outDir), []);
    const page = readFileSync(join(work, "dist", articlePage("article-principal")), "utf8");
    assert.match(page, /<article id="commentaire-c4" class="comment comment--removed"/);
    assert.doesNotMatch(page, /Faut-il une ordonnance|Une lectrice/);
    assert.match(page, /Non, elle est en vente libre\./, "the reply stays");
  });

  it("the next astro build renders the article again with its new comments, and keeps the search index", async () => {
    const { copied, searchKept } = await sameAsFromScratch([], astroItself);
    assert.ok(!copied.has(articlePage("article-principal")), "the page in Astro's cache is from before the comments");
    assert.ok(searchKept, "comments are not indexed: the search index is kept");
    assert.ok(copied.has(articlePage("article-mdx")), "its comment came and went: Astro's copy is right again");
  });

  it("a comment file with a mistake: npm run build builds, and the build names the file", async () => {
    comment("article-principal/c7", { id: "c7", article: "article-principal", date: "2026-05-31T11:00:00Z" }, "Sans auteur.");
    const failed = await incremental();
    assert.notEqual(failed.code, 0);
    assert.match(failed.output, /comments\/article-principal\/c7\.md/);
    rmSync(file("comments/article-principal/c7.md"));
    assert.ok(!(await sameAsFromScratch()).upToDate, "after a failed build, a whole build");
  });

  it("an editor corrects an article's body", async () => {
    edit("articles/article-mdx.mdx", "Texte de la partie.", "Texte de la partie, corrigé.");
    const { copied, searchKept } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("article-mdx")));
    assert.ok(!searchKept, "the search index is made again");
  });

  it("a comment approved while an article is corrected: the build counts it on the cards of the pages it leaves in place", async () => {
    comment("sommeil-ecrans/c8", { id: "c8", article: "sommeil-ecrans", parent: "null", author: "Un parent", date: "2026-06-01T09:00:00Z" }, "Merci.");
    edit("articles/article-mdx.mdx", "Texte de la partie, corrigé.", "Texte de la partie, corrigé encore.");
    const { copied } = await sameAsFromScratch();
    const card = "<!--pouls:carte:sommeil-ecrans-->";
    const leftInPlace = [...copied].filter((page) => readFileSync(join(work, "dist", page), "utf8").includes(card));
    assert.ok(leftInPlace.length > 0, "a listing page showing the commented article's card was left in place");
  });

  it("an editor changes an article's title, shown in lists, feeds and other articles' cards and links", async () => {
    edit("articles/avec-image/index.md", "title: Un article avec une image", "title: Une image et son article");
    edit("articles/article-principal.md", `title: "L'article principal : un test complet"`, `title: "L'article principal, revu"`);
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("sommeil-ecrans")), "an unchanged article showing the title in a link and a card is rendered");
  });

  it("an editor changes a glossary definition and adds an entry: the articles that use their words show them", async () => {
    edit("glossaire.yaml", "La pression du sang dans les artères.", "La force du sang contre la paroi des artères.");
    appendFileSync(file("glossaire.yaml"), 'endormissement:\n  terme: endormissement\n  definition: "Le passage de la veille au sommeil."\n');
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("sommeil-ecrans")), "the article whose words are in the glossary is rendered");
    const page = readFileSync(join(work, "dist", articlePage("sommeil-ecrans")), "utf8");
    assert.match(page, /La force du sang contre la paroi des artères\./);
    assert.match(page, /<a href="\/glossaire\/#endormissement" class="glossary-term" aria-describedby="definition-endormissement">endormissement<\/a>/);
  });

  it("an editor replaces an article's images, its cover and one in its body, keeping their names", async () => {
    copyFileSync(image("galerie-2.jpg"), file("articles/avec-image/schema.jpg"));
    copyFileSync(image("une.jpg"), file("articles/avec-image/cover.jpg"));
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("avec-image")));
  });

  it("an article is added", async () => {
    writeFileSync(
      file("articles/tension-hiver.md"),
      article("tension-hiver", { title: "La tension en hiver", description: "Pourquoi elle monte.", date: "2026-05-20", tags: "[prévention, cœur]", category: "sante-coeur" }, "Le froid resserre les vaisseaux."),
    );
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has("/tags/prevention/index.html"), "the tag page listing it is rendered");
  });

  it("an article is deleted", async () => {
    rmSync(file("articles/tension-hiver.md"));
    await sameAsFromScratch();
  });

  it("sections are renamed, one of them shown on every page", async () => {
    edit("categories.yaml", "name: Cœur", "name: Cardiologie");
    edit("categories.yaml", "name: Société", "name: Société et santé publique");
    await sameAsFromScratch();
  });

  it("an author's credentials change", async () => {
    edit("authors/alice.yaml", "credentials: Docteure en pharmacie", "credentials: Pharmacienne hospitalière");
    await sameAsFromScratch();
  });

  it("the site closes comments 30 days after publication, then a recent article's thread closes as days pass", async () => {
    writeFileSync(
      file("articles/grippe-mai.md"),
      article("grippe-mai", { title: "La grippe en mai", description: "Une saison qui s'attarde.", date: "2026-05-20", tags: "[prévention]" }, "Des cas encore en mai."),
    );
    settings.POULS_COMMENTS_CLOSE_AFTER_DAYS = "30";
    await sameAsFromScratch();
    const page = (slug: string) => readFileSync(join(work, "dist", articlePage(slug)), "utf8");
    assert.match(page("article-principal"), /class="comments-closed"/);
    assert.doesNotMatch(page("grippe-mai"), /class="comments-closed"/);
    const manifest = JSON.parse(readFileSync(join(work, "dist/_pouls/articles.json"), "utf8")) as { articles: { slug: string; closes?: string }[] };
    assert.equal(manifest.articles.find((a) => a.slug === "grippe-mai")?.closes, "2026-06-19");
    today = "2026-06-25";
    const { upToDate } = await sameAsFromScratch();
    assert.ok(!upToDate, "npm run build sees that a thread has closed, though no file changed");
    assert.match(page("grippe-mai"), /class="comments-closed"/);
  });

  it("time passes: a scheduled article comes due, an age notice shows, the footer's year turns", async () => {
    today = "2027-01-10";
    assert.ok(!(await sameAsFromScratch()).upToDate, "npm run build sees that dates have come, though no file changed");
  });

  const changeCode = (path: string, from: string, to: string) => {
    const code = readFileSync(join(project, path), "utf8");
    assert.ok(code.includes(from), `${path} holds ${from}`);
    writeFileSync(join(project, path), code.replace(from, to));
  };

  it("a developer changes a Markdown plugin, which Astro's content store does not see", async () => {
    changeCode("src/markdown/article-links.ts", 'className: ["lire-aussi"]', 'className: ["lire-aussi", "lire-aussi--lien"]');
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("article-principal")), "the article with a link card is rendered");
  });

  it("a developer changes a component: the pages that show it are rendered again", async () => {
    changeCode("src/components/Byline.astro", "<span>{t.readingTime(article.readingTime)}</span>", '<span class="reading-time">{t.readingTime(article.readingTime)}</span>');
    const { copied } = await sameAsFromScratch();
    assert.ok(!copied.has(articlePage("article-mdx")), "an article page, which shows bylines, is rendered");
    assert.ok(copied.has("/charte-editoriale/index.html"), "an editorial page, which does not, is copied");
  });

  it("npm run build -- --force renders every page; after it, npm run build is up to date and astro build copies them again", async () => {
    const forced = await sameAsFromScratch(["--force"]);
    assert.equal(forced.copied.size, 0, "no page copied");
    assert.ok(!forced.searchKept, "the search index is made again");
    assert.ok((await sameAsFromScratch()).upToDate);
    assert.ok((await sameAsFromScratch([], astroItself)).copied.has(articlePage("article-mdx")));
  });
});
