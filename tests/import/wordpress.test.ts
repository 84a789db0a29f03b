// npm run import:wordpress end to end: an export read into a copy of the fixture site, the files
// it writes, its report, a real build of the result, running it again, and bad input.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parseYaml as parse } from "../../src/lib/yaml.ts";
import { build, fixtureCopy, fixtureSite, root, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/temp.ts";

const exports = join(root, "tests/fixtures/wordpress");
const ours = join(exports, "pouls-fr.xml");
const uploads = join(exports, "uploads");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Where it ran: the report file lands there. */
  cwd: string;
}

// The inbox's store (INBOX_DB) the pending comments go to, one per content tree.
const inboxOf = new Map<string, string>();
const inboxEnv = (contentDir: string) => {
  if (!inboxOf.has(contentDir)) inboxOf.set(contentDir, join(tempDir("pouls-import-inbox-"), "inbox.sqlite"));
  return { POULS_CONTENT_DIR: contentDir, INBOX_DB: inboxOf.get(contentDir)!, DATABASE_URL: "" };
};

function importInto(contentDir: string, ...args: string[]): Run {
  const cwd = tempDir("pouls-import-run-");
  const result = spawnSync(process.execPath, [join(root, "src/import/wordpress/main.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...inboxEnv(contentDir) },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

function moderate(contentDir: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [join(root, "src/inbox/cli.ts"), ...args], { encoding: "utf8", env: { ...process.env, ...inboxEnv(contentDir) } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

const siteCopy = (): string => fixtureCopy(() => undefined);

/** Every file of a tree with a hash of its bytes, to see that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha1").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).map((name) => join(dir, name));
}

function frontMatter(file: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, "utf8"));
  assert.ok(match, file);
  return parse(match[1]!) as Record<string, unknown>;
}

describe("npm run import:wordpress, on a small French export", () => {
  let content: string;
  let first: Run;
  let site: BuildResult;
  const article = () => join(content, "articles/immunotherapie-cancer-sein/index.md");

  before(async () => {
    content = siteCopy();
    first = importInto(content, ours, "--uploads", uploads);
    site = await build(content);
  });

  it("prints a summary and where the full report is", () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Importés : \d+ · retenus \(brouillons ou à revoir\) : 6 · ignorés : 6$/m);
    assert.match(first.stdout, /^Rapport complet : import-wordpress-rapport\.md$/m);
    assert.ok(existsSync(join(first.cwd, "import-wordpress-rapport.md")));
  });

  it("writes a post as content/articles/<slug>/index.md: slug folded, entities decoded, dates, author, deepest section, tags, sources", () => {
    assert.deepEqual(frontMatter(article()), {
      title: "L’immunothérapie & le cancer du sein avancé",
      description: "Une patiente atteinte d'un cancer du sein avancé est en rémission après un traitement expérimental, rapportent des chercheurs américains.",
      date: "2018-06-07",
      updated: "2019-01-10",
      author: "claire-m",
      category: "cancer-sein",
      tags: ["immunothérapie"],
      cover: { src: "./une.jpg", alt: "Une chercheuse devant un microscope" },
      sources: [
        { title: "Zacharakis et al., Nature Medicine, 2018", doi: "10.1038/s41591-018-0040-8", kind: "study" },
        { title: "la notice PubMed", publisher: "pubmed.ncbi.nlm.nih.gov", url: "https://pubmed.ncbi.nlm.nih.gov/29867227/", kind: "study" },
        { title: "Le Monde", publisher: "lemonde.fr", url: "https://www.lemonde.fr/sante/article/2018/06/05/x.html", kind: "press" },
      ],
    });
    const body = readFileSync(article(), "utf8").split(/\n---\n/)[1]!;
    assert.match(body, /^## Ce que dit l'étude$/m);
    assert.match(body, /_rapportent_/);
    assert.match(body, /\*\*lymphocytes\*\*/);
    assert.match(body, /^> Ce résultat reste à confirmer\.$/m);
    assert.match(body, /^\| Mesure +\| Valeur +\|$/m);
    assert.match(body, /\[le dossier de l'institut\]\(https:\/\/www\.inca\.example\/sein\)/);
    assert.match(body, /^!\[Des lymphocytes au microscope\]\(\.\/cellules\.jpg "Des lymphocytes modifiés, vus au microscope"\)$/m, "[caption] with a resized copy");
    assert.match(body, /^!\[Première image de la galerie\]\(\.\/galerie-1\.jpg\)\n\n!\[Seconde image de la galerie\]\(\.\/galerie-2\.jpg\)$/m, "[gallery]");
    assert.match(body, /^!\[\]\(\.\/sans-alt\.jpg\)$/m, "no alt text invented");
    assert.match(body, /^\[https:\/\/www\.youtube\.com\/watch\?v=pouls123\]\(https:\/\/www\.youtube\.com\/watch\?v=pouls123\)$/m, "[embed] as a plain link");
    assert.match(body, /\(https:\/\/podcasts\.example\.org\/episode-12\.mp3\)/, "[audio] as a plain link");
    assert.match(body, /\\\[contact-form-7/, "an unknown shortcode stays as text");
    assert.doesNotMatch(body, /ancien-site|manquante/, "no image left on the old host, the missing one dropped");
    assert.deepEqual(readdirSync(join(content, "articles/immunotherapie-cancer-sein")).sort(), ["cellules.jpg", "galerie-1.jpg", "galerie-2.jpg", "index.md", "sans-alt.jpg", "une.jpg"]);
    assert.doesNotMatch(body, /Sources :|Zacharakis/, "the sources paragraph leaves the body");
  });

  it("maps WordPress statuses: drafts, pending, private, password-protected and unsourced posts are drafts; future keeps its date", () => {
    const draft = (slug: string) => frontMatter(join(content, `articles/${slug}/index.md`))["draft"];
    for (const slug of ["sans-source", "un-brouillon", "en-attente", "prive", "protege"]) assert.equal(draft(slug), true, slug);
    assert.equal(draft("vaccins-hiver"), undefined);
    assert.equal(frontMatter(join(content, "articles/programme/index.md"))["date"], "2099-01-01");
    for (const skipped of ["corbeille", "cellules-jpg", "accueil"]) assert.ok(!existsSync(join(content, "articles", skipped)), skipped);
  });

  it("imports pages, merges sections with their parents, creates missing authors and reuses existing ones", () => {
    assert.deepEqual(frontMatter(join(content, "pages/mentions-legales.md")), {
      title: "Mentions légales",
      description: "Le site est édité par une association de patients et de soignants.",
      updated: "2022-02-02",
    });
    const categories = parse(readFileSync(join(content, "categories.yaml"), "utf8")) as Record<string, Record<string, string>>;
    assert.deepEqual(categories["cancer-sein"], { name: "Cancer du sein", parent: "cancerologie" });
    assert.deepEqual(categories["cancerologie"], { name: "Cancérologie", description: "Tout sur les cancers." });
    assert.equal(categories["societe"]?.name, "Société", "an existing section is reused as it is");
    assert.ok(readFileSync(join(content, "categories.yaml"), "utf8").startsWith(readFileSync(join(fixtureSite, "categories.yaml"), "utf8").trimEnd()), "what was there is kept as written");
    assert.deepEqual(parse(readFileSync(join(content, "authors/claire-m.yaml"), "utf8")), {
      name: "Claire Martin",
      credentials: "Qualification non renseignée",
      bio: "Claire Martin écrit pour Santé d'hier.",
    });
    assert.equal(readFileSync(join(content, "authors/alice.yaml"), "utf8"), readFileSync(join(fixtureSite, "authors/alice.yaml"), "utf8"));
  });

  it("never overwrites an existing article of the same name, and says so", () => {
    assert.equal(readFileSync(join(content, "articles/article-principal.md"), "utf8"), readFileSync(join(fixtureSite, "articles/article-principal.md"), "utf8"));
    assert.ok(!existsSync(join(content, "articles/article-principal")));
    const report = readFileSync(join(first.cwd, "import-wordpress-rapport.md"), "utf8");
    assert.match(report, /« Un homonyme » \(article 109\)\n  - un fichier du même nom existait déjà, écrit hors de l’import : pas écrasé/);
  });

  it("reports every post held back or changed, why, and what to do", () => {
    const report = readFileSync(join(first.cwd, "import-wordpress-rapport.md"), "utf8");
    for (const line of [
      /« Un billet sans source » \(article 103\)\n  - aucune source .* ajoutez ses sources puis passez draft à false\./,
      /« Un billet privé » \(article 107\)\n  - privé dans WordPress/,
      /« Un billet protégé » \(article 108\)\n  - protégé par un mot de passe/,
      /codes courts inconnus de Pouls, laissés en texte : \[contact-form-7\]/,
      /image\(s\) introuvable\(s\) dans le dossier --uploads, retirée\(s\) de la page : manquante\.jpg/,
      /image\(s\) sans texte alternatif : sans-alt\.jpg/,
      /plusieurs catégories \(cancerologie, cancer-sein\) : rangé dans la plus précise, « cancer-sein »\./,
      /qualification et biographie à écrire dans content\/authors\/claire-m\.yaml/,
      /« À la corbeille » \(article 110\)\n  - statut WordPress « trash » : non importé\./,
      /- attachment : 4 \(fichiers joints : leurs images sont copiées/,
    ]) {
      assert.match(report, line);
    }
  });

  it("publishes approved comments in the inbox's own files, threads kept, a site author's as the editorial team's; markup as text", () => {
    const dir = join(content, "comments/immunotherapie-cancer-sein");
    assert.deepEqual(readdirSync(dir).sort(), ["wp00000001.md", "wp00000002.md"]);
    assert.deepEqual(frontMatter(join(dir, "wp00000001.md")), {
      id: "wp00000001",
      article: "immunotherapie-cancer-sein",
      parent: null,
      author: "Lectrice",
      date: "2018-06-08T09:00:00.000Z",
      staff: false,
    });
    assert.equal(
      readFileSync(join(dir, "wp00000001.md"), "utf8").split("---\n\n")[1],
      "Merci pour l'article ! Voir cette étude (https://exemple.org/etude).\nEt bravo & courage.\n\nEst-ce remboursé ?\n",
    );
    assert.deepEqual(frontMatter(join(dir, "wp00000002.md")), {
      id: "wp00000002",
      article: "immunotherapie-cancer-sein",
      parent: "wp00000001",
      author: "Claire Martin",
      date: "2018-06-08T10:30:00.000Z",
      staff: true,
    });
    assert.match(first.stdout, /^Commentaires : 2 publiés, 1 nouveau\(x\) dans la file de modération \(sur 1 en attente\) ; non importés : spam : 1, rétrolien \(pingback, trackback\) : 1, corbeille : 1$/m);
  });

  it("puts the comment still pending in WordPress in the inbox's queue, with its e-mail, once", () => {
    // Read before any inbox command runs: the inbox erases e-mails past COMMENT_RETENTION_DAYS.
    const db = new DatabaseSync(inboxOf.get(content)!);
    assert.deepEqual({ ...(db.prepare("SELECT email, status FROM comments WHERE id = 'wp00000003'").get() as object) }, { email: "paul.attente@exemple.fr", status: "pending" });
    db.close();
    const pending = JSON.parse(moderate(content, "list", "--json")) as { id: string; name: string; body: string; article: string }[];
    assert.deepEqual(pending.map((c) => [c.id, c.name, c.article, c.body]), [["wp00000003", "Paul Enattente", "immunotherapie-cancer-sein", "Une question restée sans modération [wp-pending]."]]);
  });

  it("brings no e-mail or IP address from the export into content/", () => {
    for (const [file] of Object.entries(snapshot(content))) {
      const text = readFileSync(join(content, file), "utf8");
      assert.doesNotMatch(text, /secret@|\.secret|@ancien-site|@exemple\.fr|203\.0\.113/, file);
    }
  });

  it("builds, the imported section at its WordPress path and the article with its sources", () => {
    assert.equal(site.code, 0, site.output);
    const page = readFileSync(join(site.outDir, "articles/immunotherapie-cancer-sein/index.html"), "utf8");
    assert.match(page, /Zacharakis et al\., Nature Medicine, 2018/);
    assert.ok(existsSync(join(site.outDir, "rubriques/cancerologie/cancer-sein/index.html")));
    assert.ok(existsSync(join(site.outDir, "mentions-legales/index.html")));
    assert.ok(!existsSync(join(site.outDir, "articles/sans-source")), "a draft is not published");
  });

  it("shows the imported images through the site's own image pipeline, the captioned one as a figure, none from the old host", () => {
    const page = readFileSync(join(site.outDir, "articles/immunotherapie-cancer-sein/index.html"), "utf8");
    assert.match(page, /<figure><img alt="Des lymphocytes au microscope"[^>]* src="\/_astro\/cellules\.[^"]+"><figcaption>Des lymphocytes modifiés, vus au microscope<\/figcaption><\/figure>/);
    assert.match(page, /<figure class="cover"[\s\S]*?alt="Une chercheuse devant un microscope"/);
    for (const name of ["galerie-1", "galerie-2", "sans-alt"]) assert.match(page, new RegExp(`src="/_astro/${name}\\.`), name);
    assert.doesNotMatch(page, /ancien-site\.example\.fr|youtube\.com\/embed|<iframe|<audio|<video/);
    assert.match(page, /Réponse de la rédaction/);
    assert.match(page, /le traitement est pris en charge dans le cadre de l(&#39;|')essai/);
  });

  it("points links to other posts of the export at their new pages, by permalink, by ?p= and percent-encoded; a link to an unpublished one becomes its text", () => {
    const page = readFileSync(join(site.outDir, "articles/vaccins-hiver/index.html"), "utf8");
    for (const text of ["notre article sur l’immunothérapie", "le même par son numéro", "le même encodé"]) {
      assert.match(page, new RegExp(`<a href="/articles/immunotherapie-cancer-sein/"[^>]*>${text}</a>`), text);
    }
    assert.match(page, /et le brouillon à venir\./);
    assert.doesNotMatch(page, /ancien-site\.example\.fr/);
    const report = readFileSync(join(first.cwd, "import-wordpress-rapport.md"), "utf8");
    assert.match(report, /lien vers « Un brouillon », que le site ne publie pas \(encore\) : remplacé par son texte/);
  });

  it("keeps the old addresses working: permalinks, /?p=ID, sections, tags, authors and feeds lead to their new pages", () => {
    const lines = readFileSync(join(content, "redirections.txt"), "utf8");
    for (const line of [
      "/2018/06/immunoth%C3%A9rapie-cancer-sein/ /articles/immunotherapie-cancer-sein/",
      "/?p=101 /articles/immunotherapie-cancer-sein/",
      "/?page_id=113 /mentions-legales/",
      "/category/cancerologie/cancer-sein/ /rubriques/cancerologie/cancer-sein/",
      "/category/cancerologie/cancer-sein/feed/ /rubriques/cancerologie/cancer-sein/rss.xml",
      "/tag/immunotherapie/ /tags/immunotherapie/",
      "/author/claire.m/ /auteurs/claire-m/",
      "/feed/ /rss.xml",
    ]) {
      assert.ok(lines.split("\n").includes(line), line);
    }
    assert.doesNotMatch(lines, /\?p=109|\?p=103 /, "no old address for a post not imported or not published");
    const page = readFileSync(join(site.outDir, "2018/06/immunothérapie-cancer-sein/index.html"), "utf8");
    assert.match(page, /<meta http-equiv="refresh" content="0; url=http:\/\/localhost:4321\/articles\/immunotherapie-cancer-sein\/">/);
    assert.match(page, /<link rel="canonical" href="http:\/\/localhost:4321\/articles\/immunotherapie-cancer-sein\/">/);
    const hosts = readFileSync(join(site.outDir, "_redirects"), "utf8");
    assert.match(hosts, /^\/ p=101 \/articles\/immunotherapie-cancer-sein\/ 301$/m);
    assert.match(hosts, /^\/category\/cancerologie\/cancer-sein\/ \/rubriques\/cancerologie\/cancer-sein\/ 301$/m);
  });

  it("changes nothing when run again, and its dry run writes nothing", () => {
    const before = snapshot(content);
    const again = importInto(content, ours, "--uploads", uploads);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 créé\(s\), 0 mis à jour/);
    assert.match(again.stdout, /0 nouveau\(x\) dans la file de modération/);
    assert.equal((JSON.parse(moderate(content, "list", "--json")) as unknown[]).length, 1, "no pending comment twice");
    assert.deepEqual(snapshot(content), before);
    const dry = importInto(content, ours, "--dry-run", "--uploads", uploads);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /# Import WordPress/);
    assert.match(dry.stdout, /Essai \(--dry-run\) : rien n’a été écrit\./);
    assert.deepEqual(snapshot(content), before);
    assert.ok(!existsSync(join(dry.cwd, "import-wordpress-rapport.md")));
  });

  it("takes a newer export's changes to the same WordPress posts, renamed ones included, but keeps a file an editor changed since and says so", () => {
    const edited = join(content, "articles/vaccins-hiver/index.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("La campagne", "Corrigé par la rédaction : la campagne"));
    const newer = join(tempDir("pouls-export-"), "newer.xml");
    writeFileSync(
      newer,
      readFileSync(ours, "utf8")
        .replace("avancé]]></title>", "avancé, deux ans après]]></title>")
        .replace("immunoth%c3%a9rapie-cancer-sein]]>", "immunotherapie-deux-ans-apres]]>")
        .replace("Qui peut se faire vacciner &amp; quand.", "Nouveau chapô."),
    );
    const run = importInto(content, newer, "--uploads", uploads);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(frontMatter(article())["title"], "L’immunothérapie & le cancer du sein avancé, deux ans après");
    assert.match(readFileSync(edited, "utf8"), /Corrigé par la rédaction/);
    const report = readFileSync(join(run.cwd, "import-wordpress-rapport.md"), "utf8");
    assert.match(report, /« Vaccins : ce qui change cet hiver » \(article 102\)\n(  - .*\n)*  - modifié depuis le dernier import : pas écrasé/);
    assert.ok(!readdirSync(join(content, "articles")).some((name) => name.includes("deux-ans")), "the same WordPress post: updated in place, not duplicated");
    assert.match(report, /son adresse WordPress est devenue « immunotherapie-deux-ans-apres » : il garde celle du premier import, « immunotherapie-cancer-sein »\./);
  });
});

describe("npm run import:wordpress, on bad input: a clear error, nothing written", () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ["a file that is not XML", (file) => writeFileSync(file, "title,date\nBonjour,2020-01-01\n"), /n’est pas un fichier XML lisible/],
    [
      "an RSS feed that is not an export",
      (file) => writeFileSync(file, '<?xml version="1.0"?><rss version="2.0"><channel><title>Flux</title><item><title>A</title></item></channel></rss>'),
      /flux RSS, pas un export WordPress \(Outils → Exporter/,
    ],
    ["a truncated export", (file) => writeFileSync(file, readFileSync(ours, "utf8").slice(0, 6000)), /tronqué|incomplet/],
    ["an unknown WXR version", (file) => writeFileSync(file, readFileSync(ours, "utf8").replace("<wp:wxr_version>1.2", "<wp:wxr_version>1.9")), /version WXR 1\.9 inconnue/],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const content = siteCopy();
      const before = snapshot(content);
      const file = join(tempDir("pouls-export-"), "export.xml");
      make(file);
      const run = importInto(content, file);
      assert.equal(run.code, 1);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Rien n’a été écrit\./);
      assert.deepEqual(snapshot(content), before);
      assert.ok(!existsSync(join(run.cwd, "import-wordpress-rapport.md")));
    });
  }
});

describe("npm run import:wordpress, on real exports of public WordPress projects", () => {
  const files = readdirSync(exports).filter((name) => name.endsWith(".xml") && name !== "pouls-fr.xml");
  for (const name of files) {
    it(`${name} imports, then builds`, async () => {
      const content = siteCopy();
      const run = importInto(content, join(exports, name));
      assert.equal(run.code, 0, run.stderr);
      const result = await build(content);
      assert.equal(result.code, 0, result.output);
      // No shortcode the import handles and no block comment reaches a page; no image is hot-linked.
      for (const page of htmlFiles(result.outDir)) {
        const html = readFileSync(page, "utf8");
        assert.doesNotMatch(html, /\[(caption|gallery|embed|video|audio)\b|<!--\s*\/?wp:/, page);
        assert.doesNotMatch(html, /<img[^>]+src="https?:\/\/[^"]*(wp-content\/uploads|files\.wordpress\.com)/, page);
      }
    });
  }
});
