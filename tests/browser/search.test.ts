// Site search end to end: a real build of the sample site (content/), its Pagefind index, and the
// /recherche/ page driven in Chromium. Expectations are derived from the built article pages
// themselves (what Pagefind may index), so the tests follow the sample content as it grows.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "../helpers/net.ts";
import { join } from "node:path";
import { parse } from "node-html-parser";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axe, describeViolations, launch } from "../helpers/browser.ts";
import { build, root, type BuildResult } from "../helpers/build.ts";
import { tempDir } from "../helpers/temp.ts";
import { articlePages } from "../helpers/dist.ts";
import { serveStatic } from "../helpers/static-server.ts";
import { indexSite } from "../../src/integrations/pagefind.ts";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const words = (s: string): string[] => fold(s).match(/\p{L}+/gu) ?? [];

interface Indexed {
  url: string;
  title: string;
  rubrique: string;
  sousRubriques: string[];
  date: string;
  /** Folded text Pagefind may match: the body minus ignored parts, plus metadata values. */
  text: string;
  /** Folded text of the body alone, as readers see it. */
  body: string;
  /** Folded text of the parts Pagefind must ignore on this page (header, footer, sidebars…). */
  ignored: string;
}

function readArticles(outDir: string): Indexed[] {
  return articlePages(outDir).map((path) => {
    const doc = parse(readFileSync(join(outDir, path, "index.html"), "utf8"));
    const attr = (selector: string, name: string) =>
      doc.querySelectorAll(selector).map((el) => el.getAttribute(name) ?? "");
    const filters = (key: string) =>
      attr("[data-pagefind-filter]", "data-pagefind-filter").filter((v) => v.startsWith(`${key}:`)).map((v) => v.slice(key.length + 1));
    const body = doc.querySelector("[data-pagefind-body]")!;
    const ignoredParts = [
      ...doc.querySelectorAll("[data-pagefind-ignore]"),
      ...doc.querySelectorAll("header.site-header, footer.site-footer"),
    ];
    const ignored = ignoredParts.map((el) => el.textContent).join(" ");
    const meta = doc.querySelectorAll("[data-pagefind-meta]").map((el) => `${el.getAttribute("data-pagefind-meta")} ${el.textContent}`);
    const kept = parse(body.toString());
    for (const el of kept.querySelectorAll("[data-pagefind-ignore]")) el.remove();
    return {
      url: path,
      title: doc.querySelector("h1")!.textContent.trim(),
      rubrique: filters("rubrique")[0] ?? "",
      sousRubriques: filters("sous-rubrique"),
      date: attr("[data-pagefind-sort]", "data-pagefind-sort")[0]?.replace("date:", "") ?? "",
      text: fold(`${kept.textContent} ${meta.join(" ")}`),
      body: fold(kept.textContent),
      ignored: fold(ignored),
    };
  });
}

let site: BuildResult;
let articles: Indexed[];
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const outside: string[] = [];

/** A page that records every request leaving the test server. */
async function open(context?: BrowserContext): Promise<Page> {
  const page = await (context ?? browser).newPage();
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) outside.push(r.url());
  });
  return page;
}

const runs = (page: Page) => page.$eval("[data-search-app]", (el) => Number((el as HTMLElement).dataset.searchRuns ?? 0));

async function afterRun<T>(page: Page, action: () => Promise<T>): Promise<T> {
  const before = await runs(page).catch(() => 0);
  const out = await action();
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>("[data-search-app]")?.dataset.searchRuns ?? 0) > n,
    before,
  );
  return out;
}

/** Loads a search URL and waits until its search has run. */
async function visit(page: Page, path: string, base = server.url): Promise<void> {
  await page.goto(base + path);
  await page.waitForFunction(() => Number(document.querySelector<HTMLElement>("[data-search-app]")?.dataset.searchRuns ?? 0) > 0);
}

/** Every result of the current search, expanding "more" until all are shown. */
async function allResults(page: Page): Promise<{ url: string; date: string }[]> {
  while (await page.isVisible("[data-search-more] button")) {
    const count = await page.locator(".search-result").count();
    await page.click("[data-search-more] button");
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, count);
  }
  return page.$$eval(".search-result", (items) =>
    items.map((li) => ({
      url: li.querySelector("h3 a")!.getAttribute("href")!,
      date: li.querySelector("time")?.getAttribute("datetime") ?? "",
    })),
  );
}

const urls = (rs: { url: string }[]) => rs.map((r) => r.url).sort();
const status = (page: Page) => page.textContent("[role=status]");

async function searchUrls(page: Page, path: string, base = server.url): Promise<string[]> {
  await visit(page, path, base);
  return urls(await allResults(page));
}


async function devServer(outDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(join(root, "node_modules/.bin/astro"), ["dev", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      POULS_CONTENT_DIR: join(root, "content"),
      POULS_OUT_DIR: outDir,
      POULS_CACHE_DIR: tempDir("pouls-dev-cache-"),
      ASTRO_TELEMETRY_DISABLED: "1",
      PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    if (await fetch(url + "/").then((r) => r.ok, () => false)) return { url, child, output: () => output };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`astro dev did not start:\n${output}`);
}

describe("site search", () => {
  before(async () => {
    site = await build(join(root, "content"));
    assert.equal(site.code, 0, site.output);
    articles = readArticles(site.outDir);
    server = await serveStatic(site.outDir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("writes a French index of every article, and only articles, at the end of the build", () => {
    const entry = JSON.parse(readFileSync(join(site.outDir, "pagefind/pagefind-entry.json"), "utf8"));
    assert.deepEqual(Object.keys(entry.languages), ["fr"]);
    assert.equal(entry.languages.fr.page_count, articles.length);
    assert.ok(articles.length > 0);
    for (const a of articles) {
      assert.ok(a.date && a.rubrique, `${a.url} carries its sort key and section filter`);
    }
  });

  it("finds words whatever their accents and case, and announces the count", async () => {
    const page = await open();
    const accented = await searchUrls(page, "/recherche/?q=immunoth%C3%A9rapie");
    assert.match((await status(page)) ?? "", /^\d+ résultats? pour «\simmunothérapie\s»\.$/);
    const plain = await searchUrls(page, "/recherche/?q=immunotherapie");
    const upper = await searchUrls(page, "/recherche/?q=IMMUNOTHERAPIE");
    const expected = articles.filter((a) => a.text.includes("immunotherap")).map((a) => a.url).sort();
    assert.ok(expected.length > 0, "the sample site talks about immunothérapie");
    assert.deepEqual(accented, expected);
    assert.deepEqual(plain, expected);
    assert.deepEqual(upper, expected);
    // The unaccented query highlights the accented word of the text.
    assert.match(await page.innerHTML(".search-result__excerpt"), /<mark>[^<]*immunothérapie/i);

    assert.deepEqual(await searchUrls(page, "/recherche/?q=Cancer"), await searchUrls(page, "/recherche/?q=cancer"));
    await page.close();
  });

  it("stems French words: vaccins finds vaccin and the other way round", async () => {
    const page = await open();
    const plural = await searchUrls(page, "/recherche/?q=vaccins");
    const singular = await searchUrls(page, "/recherche/?q=vaccin");
    assert.deepEqual(plural, singular);
    const only = (w: string, not: string) =>
      articles.filter((a) => new RegExp(`\\b${w}\\b`).test(a.text) && !new RegExp(`\\b${not}\\b`).test(a.text)).map((a) => a.url);
    const onlySingular = only("vaccin", "vaccins");
    const onlyPlural = only("vaccins", "vaccin");
    assert.ok(onlySingular.length + onlyPlural.length > 0, "some article uses only one of the two forms");
    for (const url of [...onlySingular, ...onlyPlural]) assert.ok(plural.includes(url), url);
    await page.close();
  });

  it("ranks the exact accented form first, and finds words after an elided article", async () => {
    // A two-page index, built with the site's own indexing function, isolates the ranking rule.
    // Both pages write "l’…" with the typographic apostrophe, as the site's typography does.
    const dir = tempDir("pouls-diacritics-");
    const write = (slug: string, text: string) => {
      mkdirSync(join(dir, slug));
      writeFileSync(
        join(dir, slug, "index.html"),
        `<!doctype html><html lang="fr"><body><main data-pagefind-body><h1>Page ${slug}</h1><p>${text}</p></main></body></html>`,
      );
    };
    write("accent", "Un point sur l’immunothérapie des cancers.");
    write("sans", "Un point sur l’immunotherapie des cancers.");
    for (const file of ["index.html", "404.html"]) writeFileSync(join(dir, file), "<!doctype html><html lang='fr'><body></body></html>");
    await indexSite(dir);
    const local = await serveStatic(dir);
    const page = await open();
    await page.goto(local.url + "/");
    const order = await page.evaluate(async () => {
      const pagefind = await import("/pagefind/pagefind.js" as string);
      const top = async (q: string) => (await Promise.all((await pagefind.search(q)).results.map((r: any) => r.data()))).map((d: any) => d.url);
      return { accent: await top("immunothérapie"), sans: await top("immunotherapie") };
    });
    await local.close();
    assert.deepEqual(order, { accent: ["/accent/", "/sans/"], sans: ["/sans/", "/accent/"] });
    await page.close();
  });

  it("never finds a page by its header, footer or sidebars", async () => {
    // Words shown on article pages only in ignored parts (header, footer, byline, sources, tags,
    // "Lire aussi"…). Pagefind matches extensions of a word's stem and, for a word it does not
    // know, falls back to the longest indexed word that begins it ("mentale" finds "mené"), so a
    // candidate must share its first three letters with no indexed word.
    const indexed = new Set(articles.flatMap((a) => words(a.text)));
    const starts = new Set([...indexed].map((w) => w.slice(0, 3)));
    const candidates = [...new Set(articles.flatMap((a) => words(a.ignored)))].filter(
      (w) => w.length >= 5 && !starts.has(w.slice(0, 3)) && ![...indexed].some((i) => i.length < 3 && w.startsWith(i)),
    );
    assert.ok(candidates.length >= 3, `words only in sidebars: ${candidates.join(", ")}`);
    const page = await open();
    for (const word of candidates.slice(0, 6)) {
      assert.deepEqual(await searchUrls(page, `/recherche/?q=${encodeURIComponent(word)}`), [], word);
      assert.match((await status(page)) ?? "", new RegExp(`^Aucun article ne contient «\\s${word}\\s»`));
    }
    // Control: a word of an article's body is found, so the empty answers above mean something.
    const sample = articles[0]!;
    const bodyWord = words(sample.text).find((w) => w.length >= 8)!;
    assert.ok((await searchUrls(page, `/recherche/?q=${bodyWord}`)).includes(sample.url), bodyWord);
    await page.close();
  });

  it("filters by section and sub-section, keeping the filters in the URL", async () => {
    const page = await open();
    const all = await searchUrls(page, "/recherche/?q=cancer");
    const byRoot = new Map<string, string[]>();
    for (const url of all) {
      const a = articles.find((x) => x.url === url)!;
      byRoot.set(a.rubrique, [...(byRoot.get(a.rubrique) ?? []), url]);
    }
    const [rubrique, expected] = [...byRoot].sort((a, b) => b[1].length - a[1].length)[0]!;
    assert.ok(expected.length < all.length, "the query spans several sections");

    await afterRun(page, () => page.selectOption("#filtre-rubrique", rubrique));
    assert.equal(new URL(page.url()).searchParams.get("rubrique"), rubrique);
    assert.deepEqual(urls(await allResults(page)), expected.sort());
    const label = await page.$eval(`#filtre-rubrique option[value="${rubrique}"]`, (o) => o.textContent);
    assert.match(label ?? "", new RegExp(`\\(${expected.length}\\)$`));

    const sub = articles.find((a) => expected.includes(a.url) && a.sousRubriques.length > 0)?.sousRubriques[0];
    if (sub) {
      await afterRun(page, () => page.selectOption("#filtre-sous-rubrique", sub));
      const subUrls = urls(await allResults(page));
      assert.ok(subUrls.length > 0);
      for (const url of subUrls) assert.ok(articles.find((a) => a.url === url)!.sousRubriques.includes(sub), url);
      assert.equal(new URL(page.url()).searchParams.get("sous-rubrique"), sub);
    }
    await page.close();
  });

  it("sorts by date, newest first, without losing any result", async () => {
    const page = await open();
    const relevance = await searchUrls(page, "/recherche/?q=cancer");
    await afterRun(page, () => page.selectOption("#tri", "date"));
    assert.equal(new URL(page.url()).searchParams.get("tri"), "date");
    const sorted = await allResults(page);
    assert.deepEqual(urls(sorted), relevance);
    const dates = sorted.map((r) => r.date);
    assert.ok(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
    assert.deepEqual(dates, [...dates].sort().reverse());
    // Every indexed page has the sort key: sorting the whole index keeps every article.
    const count = await page.evaluate(async () => {
      const pagefind = await import("/pagefind/pagefind.js" as string);
      return (await pagefind.search(null, { sort: { date: "desc" } })).results.length;
    });
    assert.equal(count, articles.length);
    await page.close();
  });

  it("restores query, filters and sort from a shared URL, and steps back with Back", async () => {
    const page = await open();
    const target = articles.find((a) => a.text.includes("vaccin"))!;
    const shared = `/recherche/?q=vaccin&rubrique=${target.rubrique}&tri=date`;
    await visit(page, shared);
    assert.equal(await page.inputValue("#recherche-q"), "vaccin");
    assert.equal(await page.inputValue("#filtre-rubrique"), target.rubrique);
    assert.equal(await page.inputValue("#tri"), "date");
    const first = await allResults(page);
    assert.ok(first.some((r) => r.url === target.url));
    for (const r of first) assert.equal(articles.find((a) => a.url === r.url)!.rubrique, target.rubrique);
    assert.match(await page.title(), /«\svaccin\s»/);

    await page.fill("#recherche-q", "grippe");
    await afterRun(page, () => page.press("#recherche-q", "Enter"));
    assert.equal(new URL(page.url()).searchParams.get("q"), "grippe");
    assert.equal(new URL(page.url()).searchParams.get("rubrique"), target.rubrique);

    await afterRun(page, () => page.goBack());
    assert.equal(page.url(), server.url + shared);
    assert.equal(await page.inputValue("#recherche-q"), "vaccin");
    assert.deepEqual(urls(await allResults(page)), urls(first));

    await afterRun(page, () => page.goForward());
    assert.equal(await page.inputValue("#recherche-q"), "grippe");
    await page.close();
  });

  it("is usable with the keyboard alone, from any page", async () => {
    const page = await open();
    const article = articles[0]!;
    await page.goto(server.url + article.url);
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "recherche-entete");
    await page.keyboard.type("vaccin");
    await Promise.all([page.waitForURL("**/recherche/?q=vaccin"), page.keyboard.press("Enter")]);
    await page.waitForSelector(".search-result");

    // "/" typed in a field is text, not the shortcut.
    await page.focus("#recherche-q");
    await page.keyboard.press("End");
    await page.keyboard.type("/");
    assert.equal(await page.inputValue("#recherche-q"), "vaccin/");
    await page.fill("#recherche-q", "vaccin");

    // A filter changed with arrow keys runs the search.
    await page.focus("#tri");
    await afterRun(page, () => page.keyboard.press("ArrowDown"));
    assert.equal(new URL(page.url()).searchParams.get("tri"), "date");

    const firstResult = await page.getAttribute(".search-result h3 a", "href");
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((href) => document.activeElement?.getAttribute("href") === href, firstResult);
    }
    assert.ok(reached, "Tab reaches the first result");
    await Promise.all([page.waitForURL(`**${firstResult}`), page.keyboard.press("Enter")]);
    await page.close();
  });

  it("lets the / shortcut be turned off, remembered across pages (WCAG 2.1.4)", async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await visit(page, "/recherche/");
    const toggle = page.locator("[data-shortcut-toggle]");
    assert.ok(await toggle.isVisible());
    assert.ok(await toggle.isChecked());
    assert.equal(await page.getAttribute("#recherche-entete", "aria-keyshortcuts"), "/");
    await toggle.uncheck();
    assert.equal(await page.getAttribute("#recherche-q", "aria-keyshortcuts"), null);

    await page.goto(server.url + articles[0]!.url);
    await page.keyboard.press("/");
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), "recherche-entete");
    assert.equal(await page.getAttribute("#recherche-entete", "aria-keyshortcuts"), null);

    await visit(page, "/recherche/");
    await page.locator("[data-shortcut-toggle]").check();
    await page.goto(server.url + articles[0]!.url);
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "recherche-entete");
    await context.close();
  });

  it("without JavaScript, the header form lands on /recherche/?q=… which says so and lists the sections", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(context);
    await page.goto(server.url + articles[0]!.url);
    await page.fill("#recherche-entete", "vaccin");
    await Promise.all([page.waitForURL("**/recherche/?q=vaccin"), page.press("#recherche-entete", "Enter")]);
    const notice = page.locator(".search-page__nojs");
    assert.ok(await notice.isVisible());
    assert.match((await notice.textContent()) ?? "", /JavaScript/);
    const sections = await notice.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(sections.length > 0 && sections.every((h) => h?.startsWith("/rubriques/")));
    assert.ok(!(await page.isVisible("[data-search-status]")));
    await context.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.2 AA violation with results shown (${scheme})`, async () => {
      const page = await open(await browser.newContext({ colorScheme: scheme }));
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await visit(page, "/recherche/?q=vaccin");
      assert.ok((await page.locator(".search-result").count()) > 0);
      const violations = await axe(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }

  it("loads Pagefind on the search page only, preloading each file once", async () => {
    const page = await open();
    const requested: string[] = [];
    const warnings: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname + new URL(r.url()).search));
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(server.url + articles[0]!.url, { waitUntil: "networkidle" });
    assert.ok(requested.length > 1);
    assert.deepEqual(requested.filter((p) => p.startsWith("/pagefind/")), []);

    requested.length = 0;
    await visit(page, "/recherche/?q=vaccin");
    await page.waitForLoadState("networkidle");
    const entry = JSON.parse(readFileSync(join(site.outDir, "pagefind/pagefind-entry.json"), "utf8"));
    const hash = entry.languages.fr.hash;
    assert.equal(await page.getAttribute('meta[name="pouls-search-index"]', "content"), hash);
    const bundle = requested.filter((p) => p.startsWith("/pagefind/"));
    for (const file of ["/pagefind/pagefind.js", `/pagefind/pagefind-entry.json?ts=${hash}`, `/pagefind/pagefind.${hash}.pf_meta`, "/pagefind/wasm.fr.pagefind"]) {
      assert.equal(bundle.filter((p) => p === file).length, 1, `${file} fetched once: ${bundle.join(" ")}`);
    }
    assert.equal(new Set(bundle).size, bundle.length, `no Pagefind file fetched twice: ${bundle.join(" ")}`);
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
    await page.close();
  });

  it("says plainly when a word is in no article, instead of listing pages that hold a letter of it", async () => {
    const page = await open();
    // Pagefind alone answers "doliprane" with the pages holding the "d" of "d’un".
    assert.deepEqual(await searchUrls(page, "/recherche/?q=doliprane"), []);
    assert.match((await status(page)) ?? "", /^Aucun article ne contient «\sdoliprane\s»\. Vérifiez l’orthographe/);
    const help = page.locator("[data-search-empty]");
    assert.equal(await help.isVisible(), true);
    assert.ok((await help.locator('a[href^="/rubriques/"]').count()) >= 4, "the sections are offered");
    assert.ok((await help.locator('a[href^="/tags/"]').count()) >= 4, "the most covered topics are offered");
    const violations = await axe(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    // Real words are still found, short ones included, and the offer goes away.
    assert.ok((await searchUrls(page, "/recherche/?q=vaccination")).length > 0);
    assert.ok((await searchUrls(page, "/recherche/?q=mal")).includes("/articles/bronchiolite-nourrisson-gestes/"), "« du mal à téter »");
    assert.equal(await help.isVisible(), false);

    // A misspelling is not silently matched to a fragment either, and the index's own words
    // suggest what was meant, as a link that runs that search.
    for (const [typed, meant] of [["immunoterapie", "immunothérapie"], ["vacin", "vaccin"]]) {
      assert.deepEqual(await searchUrls(page, `/recherche/?q=${typed}`), [], typed);
      const suggestion = page.locator("[data-search-suggest]");
      assert.equal(await suggestion.innerText(), `Vouliez-vous dire ${meant}\u00a0?`);
      await Promise.all([page.waitForURL((url) => url.searchParams.get("q") === meant), suggestion.locator("a").click()]);
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>("[data-search-app]")?.dataset.searchRuns ?? 0) > 0);
      assert.equal(new URL(page.url()).searchParams.get("q"), meant);
      assert.ok((await page.locator(".search-result").count()) > 0, `« ${meant} » finds articles`);
    }
    assert.equal(await searchUrls(page, "/recherche/?q=zzzzzz").then(() => page.locator("[data-search-suggest]").isVisible()), false, "nothing close: no suggestion");
    await page.close();
  });

  it("takes a short word as a whole word: « mal de dos » finds the articles that say both, not maladie and dose", async () => {
    const page = await open();
    const holds = (text: string, word: string) => words(text).some((w) => w === word || w === `${word}s`);
    const expected = articles.filter((a) => holds(a.text, "mal") && holds(a.text, "dos")).map((a) => a.url).sort();
    assert.ok(expected.length > 0, "the sample has an article saying both");
    assert.ok(articles.filter((a) => holds(a.text, "dose")).length > expected.length, "and more saying dose, which Pagefind matches");
    assert.deepEqual(await searchUrls(page, "/recherche/?q=mal+de+dos"), expected);
    assert.equal(await status(page), `${expected.length === 1 ? "1 résultat" : `${expected.length} résultats`} pour «\u00a0mal de dos\u00a0».`);
    await page.close();
  });

  it("finds articles by the glossary's other words, carers' and everyday, both ways, accents and plurals aside, and says which term", async () => {
    const page = await open();
    const saying = (word: string) => articles.filter((a) => a.body.includes(fold(word))).map((a) => a.url);
    for (const [query, written] of [
      ["céphalée", "migraine"],
      ["cephalees", "migraine"],
      ["analgésique", "antidouleur"],
      ["néoplasie", "cancer"],
      // and the other way: everyday words find the articles written in the doctors' words
      ["mal d’oreille", "otite"],
      ["fragilité des os", "ostéoporose"],
    ] as const) {
      assert.deepEqual(saying(query.replace(/s$/, "")), [], `no article says ${query}: the glossary alone finds them`);
      const found = await searchUrls(page, `/recherche/?q=${encodeURIComponent(query)}`);
      const expected = saying(written);
      assert.ok(expected.length > 0 && expected.every((url) => found.includes(url)), `« ${query} » finds the articles saying ${written}: ${found.join(" ")}`);
      for (const url of expected) {
        const result = page.locator(".search-result").filter({ has: page.locator(`h3 a[href="${url}"]`) });
        const line = await result.locator(".search-result__glossary").innerText();
        assert.match(line, /^Trouvé par le glossaire\s:\s/);
        assert.ok(fold(line).includes(fold(written)) || fold(line).includes(fold(query.replace(/s$/, ""))), `${url}: ${line}`);
      }
    }
    await page.close();
  });

  it("searches the other words when one is in no article, and says which", async () => {
    const page = await open();
    const found = await searchUrls(page, "/recherche/?q=vaccin+doliprane");
    const vaccin = await searchUrls(page, "/recherche/?q=vaccin");
    assert.ok(vaccin.length > 1);
    assert.deepEqual(found, vaccin, "not only the pages that also hold the d of d’un");
    assert.deepEqual(await searchUrls(page, "/recherche/?q=vaccin+immunoterapie"), vaccin);
    assert.equal(await status(page), `Aucun article ne contient «\u00a0immunoterapie\u00a0». ${vaccin.length} résultats pour «\u00a0vaccin\u00a0».`);
    assert.equal(await page.locator("[data-search-suggest]").innerText(), "Vouliez-vous dire vaccin immunothérapie\u00a0?");
    await page.close();
  });

  it("shows the text around the match under each result, never its title again", async () => {
    const page = await open();
    for (const q of ["grippe", "vaccin", "immunothérapie"]) {
      await visit(page, `/recherche/?q=${encodeURIComponent(q)}`);
      const results = await page.$$eval(".search-result", (items) =>
        items.map((li) => ({
          title: li.querySelector("h3")!.textContent!.trim(),
          excerpt: li.querySelector(".search-result__excerpt")?.textContent?.trim() ?? "",
          marked: li.querySelectorAll(".search-result__excerpt mark").length,
        })),
      );
      assert.ok(results.length > 0, q);
      const fold = (s: string) => s.replace(/[’']/g, "'").replace(/\s+/g, " ");
      for (const r of results) {
        const opening = fold(r.title).split(" ").slice(0, 4).join(" ");
        assert.ok(!fold(r.excerpt).replace(/^… /, "").startsWith(opening), `« ${q} »: the excerpt repeats the title « ${r.title} »: ${r.excerpt}`);
      }
      assert.ok(results.some((r) => r.marked > 0), `« ${q} »: matches are marked in the text`);
    }
    await page.close();
  });

  it("shows the site's mark, never an empty box, beside a result without a cover", async () => {
    const page = await open();
    await visit(page, "/recherche/?q=vaccin");
    const frames = await page.$$eval(".search-result__img", (els) =>
      els.map((el) => ({
        cover: el instanceof HTMLImageElement && (el.getAttribute("src") ?? "") !== "",
        drawn: el.querySelector("svg path")?.getBoundingClientRect().width ?? 0,
        colour: el.querySelector("svg") ? getComputedStyle(el).color : "",
      })),
    );
    const placeholders = frames.filter((f) => !f.cover);
    assert.ok(placeholders.length > 0 && frames.some((f) => f.cover), "results with and without a cover for « vaccin »");
    for (const frame of placeholders) assert.ok(frame.drawn > 10 && frame.colour !== "rgba(0, 0, 0, 0)", JSON.stringify(frame));
    await page.close();
  });

  it("puts results first on a phone, the filters folded behind one control that counts them", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open(phone);
    await visit(page, "/recherche/?q=cancer&rubrique=cancer&sous-rubrique=cancers-feminins");
    const summary = page.locator(".search-page__filters-box > summary");
    assert.equal(await summary.isVisible(), true);
    assert.match(await summary.innerText(), /^Filtres et tri \(2\s+actifs\)$/);
    assert.equal(await page.locator("#filtre-rubrique").isVisible(), false, "folded");
    const firstResult = await page.locator(".search-result").first().boundingBox();
    assert.ok(firstResult && firstResult.y < 844 / 2, `the first result starts in the upper half of the screen (at ${firstResult?.y} px)`);
    // What pushed it down: the sections on eight rows, a second search box, a keyboard setting.
    const nav = await page.locator(".site-nav").boundingBox();
    assert.ok(nav && nav.height < 60, `the sections take one row (${nav?.height} px high)`);
    const lastSection = page.locator(".site-nav li:last-child a");
    await lastSection.scrollIntoViewIfNeeded();
    assert.equal(await lastSection.isVisible(), true, "the row scrolls to its last section");
    assert.equal(await page.locator(".site-header .search-form").isVisible(), false, "no second search box");
    assert.equal(await page.locator("[data-shortcut-toggle]").isVisible(), false, "no keyboard shortcut on a touch screen");
    await summary.click();
    assert.equal(await page.locator("#filtre-rubrique").inputValue(), "cancer", "unfolded, the filters show the URL's state");
    await afterRun(page, () => page.selectOption("#filtre-sous-rubrique", ""));
    assert.match(await summary.innerText(), /^Filtres et tri \(1\s+actif\)$/);
    await phone.close();

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wide = await open(desktop);
    await visit(wide, "/recherche/?q=cancer");
    assert.equal(await wide.locator(".search-page__filters-box > summary").isVisible(), false);
    assert.equal(await wide.locator("#filtre-rubrique").isVisible(), true, "on a wide screen the filters stay open");
    assert.equal(await wide.locator(".site-header .search-form").isVisible(), true);
    assert.equal(await wide.locator("[data-shortcut-toggle]").isVisible(), true);
    await desktop.close();
  });

  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 720 }]) {
    it(`shows results without moving what is on screen (${viewport.width}×${viewport.height})`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await open(context);
      await page.addInitScript(() => {
        type Shift = { value: number; hadRecentInput: boolean; sources?: { node?: Element | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
        const w = window as unknown as { shifted: number; moved: string[] };
        w.shifted = 0;
        w.moved = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as Shift[]) {
            if (e.hadRecentInput) continue;
            w.shifted += e.value;
            for (const s of e.sources ?? []) w.moved.push(`${s.node?.nodeName ?? "?"}.${s.node?.className ?? ""} y ${s.previousRect.y}→${s.currentRect.y} h ${s.previousRect.height}→${s.currentRect.height}`);
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await visit(page, "/recherche/?q=vaccin");
      assert.ok((await page.locator(".search-result").count()) > 3, "a full first page of results");
      const { shifted, moved } = await page.evaluate(() => {
        const w = window as unknown as { shifted: number; moved: string[] };
        return { shifted: w.shifted, moved: w.moved };
      });
      // Results pushing the page down score 0.1 and more. Under a loaded CI, Chromium has reported
      // about 0.001 once in a while, which no one can see and no run here reproduced: the sources
      // are named so the next one can be traced.
      assert.ok(shifted < 0.005, `layout shift ${shifted}: ${moved.join("; ")}`);
      await context.close();
    });
  }

  it("works on a host that sends Pagefind's files with Content-Encoding: gzip", async () => {
    // Pagefind's data files are gzip streams; a host may send them as such, and the browser then
    // inflates them before the page sees them. The page inflates the others itself.
    const host = createHttpServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      let file = join(site.outDir, decodeURIComponent(path));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
      if (!existsSync(file)) return void res.writeHead(404).end();
      const packed = /^\/pagefind\/.+\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/.test(path);
      res.writeHead(200, {
        "Content-Type": path.endsWith(".html") || path.endsWith("/") ? "text/html; charset=utf-8" : path.endsWith(".js") ? "text/javascript" : "application/octet-stream",
        ...(packed ? { "Content-Encoding": "gzip" } : {}),
      });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((ok) => host.listen(0, "127.0.0.1", ok));
    const page = await open();
    try {
      const expected = await searchUrls(page, "/recherche/?q=vaccin");
      assert.ok(expected.length > 0);
      const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
      assert.deepEqual(await searchUrls(page, "/recherche/?q=vaccin", base), expected);
    } finally {
      await page.close();
      await new Promise((ok) => host.close(ok));
    }
  });

  it("sends no request outside localhost", async () => {
    const page = await open();
    await visit(page, "/recherche/?q=cancer&tri=date");
    await allResults(page);
    await page.close();
    assert.deepEqual(outside, []);
  });
  describe("on a site with more articles than its recent index, and a whole index in parts", () => {
    // The sample site re-indexed as a large site would be: its three newest articles also in a
    // recent index, which the page answers from first while the whole index loads, and that one
    // written in parts of at most about six pages, which the page merges.
    const RECENT = 3;
    const SHARD_PAGES = 6;
    let dir: string;
    let large: Awaited<ReturnType<typeof serveStatic>>;
    let newest: string[];
    let query: string;

    before(async () => {
      dir = tempDir("pouls-recent-");
      cpSync(site.outDir, dir, { recursive: true });
      const report = await indexSite(dir, undefined, RECENT, SHARD_PAGES);
      assert.equal(report.recent, RECENT);
      assert.ok(report.parts >= 2, `${report.parts} parts besides the first`);
      large = await serveStatic(dir);
      newest = [...articles]
        .sort((a, b) => (a.date === b.date ? (a.url < b.url ? -1 : 1) : a.date < b.date ? 1 : -1))
        .slice(0, RECENT)
        .map((a) => a.url);
      // A word of one of the newest articles that older ones use too.
      const older = articles.filter((a) => !newest.includes(a.url));
      const recentWords = new Set(articles.filter((a) => newest.includes(a.url)).flatMap((a) => words(a.text)));
      query = [...recentWords].find((w) => w.length >= 6 && older.filter((a) => words(a.text).includes(w)).length >= 3)!;
      assert.ok(query, "a word shared by a newest article and older ones");
    });
    after(async () => large?.close());

    it("writes the newest articles' index beside the whole one, and stamps both in the search page", async () => {
      const hashOf = (bundle: string) => JSON.parse(readFileSync(join(dir, bundle, "pagefind-entry.json"), "utf8")).languages.fr;
      const parts = readdirSync(join(dir, "pagefind/parts")).map((n) => `pagefind/parts/${n}`).sort();
      const counts = ["pagefind", ...parts].map((bundle) => hashOf(bundle).page_count);
      assert.equal(counts.reduce((a, b) => a + b, 0), articles.length, `every article in one part: ${counts.join(" + ")}`);
      assert.ok(counts.every((n) => n > 0 && n <= 2 * SHARD_PAGES), counts.join(" "));
      assert.equal(hashOf("pagefind/recents").page_count, RECENT);
      const searchPage = parse(readFileSync(join(dir, "recherche/index.html"), "utf8"));
      assert.equal(searchPage.querySelector('meta[name="pouls-search-index"]')?.getAttribute("content"), hashOf("pagefind").hash);
      assert.equal(searchPage.querySelector('meta[name="pouls-search-recent"]')?.getAttribute("content"), hashOf("pagefind/recents").hash);
      assert.equal(searchPage.querySelector('meta[name="pouls-search-parts"]')?.getAttribute("content"), parts.map((p) => hashOf(p).hash).join(" "));
      // The sample site itself is small enough for one index.
      assert.ok(!existsSync(join(site.outDir, "pagefind/recents")));
      const own = parse(readFileSync(join(site.outDir, "recherche/index.html"), "utf8"));
      assert.equal(own.querySelector('meta[name="pouls-search-recent"]')?.getAttribute("content"), "");
    });

    it("draws the first results from the newest articles, then every result of the whole index once", async () => {
      const page = await open();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const items = document.querySelectorAll(".search-result h3 a");
          if (items.length === 0) return;
          observer.disconnect();
          (window as unknown as { firstDrawn: unknown }).firstDrawn = {
            urls: [...items].map((a) => a.getAttribute("href")),
            files: performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
          };
        }).observe(document, { childList: true, subtree: true });
      });
      const requested: string[] = [];
      page.on("request", (r) => requested.push(new URL(r.url()).pathname));
      for (const sort of ["", "&tri=date"]) {
        const path = `/recherche/?q=${encodeURIComponent(query)}${sort}`;
        const expected = await searchUrls(page, path);
        requested.length = 0;
        await visit(page, path, large.url);
        const found = await allResults(page);
        const { urls: first, files } = await page.evaluate(() => (window as unknown as { firstDrawn: { urls: string[]; files: string[] } }).firstDrawn);
        assert.ok(first.length > 0 && first.every((u) => newest.includes(u)), `first results ${first.join(" ")} are among the newest ${newest.join(" ")}`);
        assert.deepEqual(files.filter((f) => /^\/pagefind\/[^/]+$/.test(f)), [], "the whole index loads after the first results");
        assert.deepEqual(found.slice(0, first.length).map((r) => r.url), first, "what is on screen stays first");
        assert.deepEqual(urls(found), expected, "every result of the whole index, once");
        assert.match((await status(page)) ?? "", new RegExp(`^${expected.length} résultats? pour`));
        if (sort) assert.deepEqual(found.map((r) => r.date), found.map((r) => r.date).sort().reverse());
        const bundle = requested.filter((p) => p.startsWith("/pagefind/"));
        assert.deepEqual(bundle.filter((p) => p.includes("wasm.")), ["/pagefind/recents/wasm.fr.pagefind"], "one wasm download for both indexes");
      }
      await page.close();
    });

    it("still answers from the whole index when the recent one cannot be loaded", async () => {
      const page = await open();
      const expected = await searchUrls(page, `/recherche/?q=${encodeURIComponent(query)}`);
      await page.route("**/pagefind/recents/**", (route) => route.abort());
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      assert.deepEqual(await searchUrls(page, `/recherche/?q=${encodeURIComponent(query)}`, large.url), expected);
      assert.equal(await page.isVisible("[data-search-error]"), false);
      assert.ok(errors.length > 0, "the failure is reported in the console");
      await page.close();
    });

    it("answers later searches from the whole index alone", async () => {
      const page = await open();
      await visit(page, `/recherche/?q=${encodeURIComponent(query)}`, large.url);
      await allResults(page);
      await page.waitForLoadState("networkidle");
      const requested: string[] = [];
      page.on("request", (r) => requested.push(new URL(r.url()).pathname));
      await page.fill("#recherche-q", "cancer");
      await afterRun(page, () => page.press("#recherche-q", "Enter"));
      const found = urls(await allResults(page));
      assert.deepEqual(requested.filter((p) => p.startsWith("/pagefind/recents/")), []);
      assert.deepEqual(found, await searchUrls(page, "/recherche/?q=cancer"));
      await page.close();
    });
  });

  describe("under npm run dev", () => {
    async function devSearch(outDir: string): Promise<{ page: Page; output: () => string; stop: () => void }> {
      const dev = await devServer(outDir);
      const page = await browser.newPage();
      const searched = () =>
        page.waitForFunction(
          () => Number(document.querySelector<HTMLElement>("[data-search-app]")?.dataset.searchRuns ?? 0) > 0,
          null,
          { timeout: 60_000 },
        );
      await page.goto(dev.url + "/recherche/?q=vaccin");
      await searched();
      // Vite reloads the page once it has optimised the dependencies its first requests revealed:
      // the search to look at is the one of the page that stays.
      await page.waitForLoadState("networkidle");
      await searched();
      return { page, output: dev.output, stop: () => dev.child.kill() };
    }

    // The dev server's terminal message may come after its first answer: wait for it a while.
    async function logged(output: () => string, pattern: RegExp): Promise<string> {
      for (let i = 0; i < 40 && !pattern.test(output()); i++) await new Promise((r) => setTimeout(r, 250));
      return output();
    }

    it("searches with the index of the last build", async () => {
      const { page, output, stop } = await devSearch(site.outDir);
      try {
        assert.match(await logged(output, /index du dernier build/), /index du dernier build/);
        assert.ok((await page.locator(".search-result").count()) > 0);
      } finally {
        stop();
        await page.close();
      }
    });

    it("says how to get an index when no build has run", async () => {
      const empty = join(tempDir("pouls-nobuild-"), "dist");
      const { page, output, stop } = await devSearch(empty);
      try {
        assert.match(await logged(output, /npm run build/), /npm run build/);
        assert.ok(!existsSync(join(empty, "pagefind")));
        assert.match((await page.textContent("[data-search-error]")) ?? "", /npm run build/);
      } finally {
        stop();
        await page.close();
      }
    });
  });
});
