// Pure pieces of the search: filter option counts, the "/" shortcut, French messages, the build
// audit, apostrophes, and the paths the integration reads and serves.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { facetOptions, optionLabel } from "../../src/lib/search/facets.ts";
import { PREF_OFF, isSearchShortcut } from "../../src/lib/search/shortcut.ts";
import { REQUIRED_SEARCH_FIELDS, auditSearchFields, auditVerdict, missingSearchFields } from "../../src/lib/search/check-index.ts";
import { strings } from "../../src/i18n/search.fr.ts";
import { bundleFile, pageUrl } from "../../src/integrations/pagefind.ts";
import { displayApostrophes, indexableApostrophes, queryApostrophes } from "../../src/lib/search/apostrophes.ts";
import { indexableHtml } from "../../src/lib/search/indexable-html.ts";
import { newestFirst, sortDate } from "../../src/lib/search/recent.ts";
import { pagefindTerm, parseSearchParams } from "../../src/lib/search/url-state.ts";
import { frenchDate } from "../../src/lib/search/format.ts";
import { frenchNumber } from "../../src/lib/typography.ts";
import { formatDateFr } from "../../src/lib/dates.ts";
import { root } from "../helpers/build.ts";

describe("filter options", () => {
  it("shows every option without counts before the first search", () => {
    assert.deepEqual(facetOptions(["a", "b"], undefined, undefined), [
      { value: "a", count: null, hidden: false },
      { value: "b", count: null, hidden: false },
    ]);
  });

  it("hides values with no result, except the selected one", () => {
    const view = facetOptions(["a", "b", "c"], { a: 3, b: 0 }, "c");
    assert.deepEqual(view, [
      { value: "a", count: 3, hidden: false },
      { value: "b", count: 0, hidden: true },
      { value: "c", count: 0, hidden: false },
    ]);
  });

  it("labels options with a French-formatted count", () => {
    assert.equal(optionLabel("Cancer", 1234), "Cancer (1\u202f234)");
    assert.equal(optionLabel("Cancer", null), "Cancer");
  });
});

describe("the / shortcut", () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  it("fires on / outside fields, including Shift+: on a French keyboard", () => {
    assert.ok(isSearchShortcut(key("/"), { tagName: "BODY" }, null));
    assert.ok(isSearchShortcut(key("/"), null, null));
  });

  it("never fires while typing in a field", () => {
    for (const tagName of ["INPUT", "textarea", "SELECT"]) assert.ok(!isSearchShortcut(key("/"), { tagName }, null), tagName);
    assert.ok(!isSearchShortcut(key("/"), { tagName: "DIV", isContentEditable: true }, null));
  });

  it("ignores other keys, modified keys and composition", () => {
    assert.ok(!isSearchShortcut(key("s"), null, null));
    assert.ok(!isSearchShortcut(key("/", { ctrlKey: true }), null, null));
    assert.ok(!isSearchShortcut(key("/", { metaKey: true }), null, null));
    assert.ok(!isSearchShortcut(key("/", { altKey: true }), null, null));
    assert.ok(!isSearchShortcut(key("/", { isComposing: true }), null, null));
  });

  it("can be turned off (WCAG 2.1.4)", () => {
    assert.ok(!isSearchShortcut(key("/"), null, PREF_OFF));
  });
});

describe("French messages", () => {
  it("counts results with singular, plural and no result", () => {
    assert.equal(strings.resultCount(0, "xyz"), "Aucun résultat pour «\u00a0xyz\u00a0». Vérifiez l’orthographe, essayez d’autres mots ou retirez un filtre.");
    assert.equal(strings.resultCount(1, "vaccin"), "1 résultat pour «\u00a0vaccin\u00a0».");
    assert.equal(strings.resultCount(12345, "vaccin"), "12\u202f345 résultats pour «\u00a0vaccin\u00a0».");
    assert.equal(strings.resultCount(2, ""), "2 articles correspondent à ces filtres.");
  });

  it("lists authors the French way", () => {
    assert.equal(strings.authorList(["A"]), "A");
    assert.equal(strings.authorList(["A", "B"]), "A et B");
    assert.equal(strings.authorList(["A", "B", "C"]), "A, B et C");
  });
});

describe("build audit of indexed pages", () => {
  const complete = `<article data-pagefind-body><div hidden data-pagefind-ignore>
    <span data-pagefind-meta="rubrique">Cancer</span><span data-pagefind-meta="auteur">A</span>
    <span data-pagefind-meta="date:2020-01-02"></span><span data-pagefind-filter="rubrique:cancer"></span>
    <span data-pagefind-filter="auteur:alice"></span><span data-pagefind-filter="annee:2020"></span>
    <span data-pagefind-sort="date:2020-01-02"></span></div></article>`;
  const noSort = complete.replace(/<span data-pagefind-sort[^>]*><\/span>/, "");
  const bare = "<article data-pagefind-body><h1>T</h1></article>";

  it("ignores pages Pagefind does not index", () => {
    assert.equal(missingSearchFields("<main><h1>Accueil</h1></main>"), null);
  });

  it("names each missing field", () => {
    assert.deepEqual(missingSearchFields(complete), []);
    assert.deepEqual(missingSearchFields(noSort), ['data-pagefind-sort="date:AAAA-MM-JJ"']);
    assert.equal(missingSearchFields(bare)?.length, REQUIRED_SEARCH_FIELDS.length);
  });

  it("fails the build when one indexed page lacks the sort key", () => {
    const audit = auditSearchFields([
      { path: "a/index.html", html: complete },
      { path: "b/index.html", html: noSort },
      { path: "index.html", html: "<main></main>" },
    ]);
    assert.equal(audit.indexed, 2);
    const verdict = auditVerdict(audit);
    assert.equal(verdict.level, "error");
    assert.match(verdict.message, /b\/index\.html : manque data-pagefind-sort/);
  });

  it("fails when a page has none of the fields while others do, warns when none has", () => {
    assert.equal(auditVerdict(auditSearchFields([{ path: "a", html: complete }, { path: "b", html: bare }])).level, "error");
    assert.equal(auditVerdict(auditSearchFields([{ path: "b", html: bare }])).level, "warn");
    assert.equal(auditVerdict(auditSearchFields([{ path: "a", html: complete }])).level, "ok");
  });
});

describe("dev server bundle lookup", () => {
  const bundle = join(root, "node_modules/pagefind");
  it("serves files inside the bundle folder only", () => {
    assert.equal(bundleFile(bundle, "/package.json?x=1"), join(bundle, "package.json"));
    assert.equal(bundleFile(bundle, "/../typescript/package.json"), undefined);
    assert.equal(bundleFile(bundle, "/%2e%2e/typescript/package.json"), undefined);
    assert.equal(bundleFile(bundle, "/nope.js"), undefined);
    assert.equal(bundleFile(bundle, "/lib"), undefined);
  });
});

describe("French apostrophes and Pagefind", () => {
  it("splits elided words for the index, across inline tags too", () => {
    assert.equal(indexableApostrophes("<p>l’immunothérapie et d’<em>asthme</em></p>"), "<p>l'immunothérapie et d'<em>asthme</em></p>");
    assert.equal(indexableApostrophes("l&rsquo;hôpital, aujourd’hui"), "l'hôpital, aujourd'hui");
  });

  it("leaves quotation marks and lone apostrophes alone", () => {
    const text = "<p>« Le mot ’ seul » et ‘citation’</p>";
    assert.equal(indexableApostrophes(text), text);
  });

  it("reads phone-typed apostrophes in queries as ASCII", () => {
    assert.equal(queryApostrophes("l’asthme"), "l'asthme");
    assert.equal(pagefindTerm(parseSearchParams("q=l%E2%80%99asthme")), "l'asthme");
    assert.equal(pagefindTerm(parseSearchParams("annee=2020")), null);
  });

  it("gives results back their typographic apostrophes, marks and entities included", () => {
    assert.equal(displayApostrophes("l&#39;<mark>immunothérapie</mark> d'un"), "l’<mark>immunothérapie</mark> d’un");
    assert.equal(displayApostrophes("Cancer du col de l'utérus"), "Cancer du col de l’utérus");
  });
});

describe("index URLs", () => {
  it("are the page's folder, as Pagefind would compute them", () => {
    assert.equal(pageUrl(join("articles", "vaccin-grippe", "index.html")), "/articles/vaccin-grippe/");
    assert.equal(pageUrl("index.html"), "/");
    assert.equal(pageUrl("404.html"), "/404.html");
  });
});

describe("French dates and numbers on the search page", () => {
  it("match the byline's dates, 1er included", () => {
    for (const iso of ["2018-06-07", "2020-03-01", "2024-12-31", "2019-08-15", "2021-02-28"]) {
      assert.equal(frenchDate(iso), formatDateFr(new Date(iso)), iso);
    }
  });

  it("give nothing for what is not a calendar day", () => {
    assert.equal(frenchDate(""), "");
    assert.equal(frenchDate("2020-13-01"), "");
    assert.equal(frenchDate("7 juin 2018"), "");
  });

  it("group thousands with a narrow no-break space", () => {
    assert.equal(frenchNumber(7), "7");
    assert.equal(frenchNumber(1000), "1\u202f000");
    assert.equal(frenchNumber(1234567), "1\u202f234\u202f567");
  });
});

describe("What Pagefind is given of a page", () => {
  const page = (main: string) =>
    `<!doctype html><html lang="fr"><head><title>Titre — Pouls</title><style>p{}</style></head>` +
    `<body><header><nav>Menu</nav></header>${main}<aside><img src="/autre.webp" alt=""></aside><footer>Pied</footer></body></html>`;

  it("keeps the html tag, the title and the body element, nested elements of its kind included", () => {
    const main = `<article data-pagefind-body><h1>Titre</h1><article class="card">Carte</article><p>Texte</p></article>`;
    assert.equal(
      indexableHtml(page(main)),
      `<!doctype html><html lang="fr"><head><title>Titre — Pouls</title></head><body>${main}</body></html>`,
    );
  });

  it("drops what lies outside the body element: another article's thumbnail cannot become the page's image", () => {
    const cut = indexableHtml(page(`<main data-pagefind-body><p>Texte</p></main>`));
    assert.doesNotMatch(cut, /autre\.webp|Menu|Pied|<style/);
  });

  it("a page without a body element, with several, or never closed is given whole", () => {
    for (const main of [
      `<main><p>Texte</p></main>`,
      `<main data-pagefind-body>Un</main><section data-pagefind-body>Deux</section>`,
      `<main data-pagefind-body><p>Texte`,
    ]) {
      assert.equal(indexableHtml(page(main)), page(main));
    }
  });
});

describe("the recent index", () => {
  const pages = [
    { url: "/b/", date: "2025-03-01" },
    { url: "/a/", date: "2025-03-01" },
    { url: "/c/", date: "2026-01-10" },
    { url: "/d/", date: "2024-12-31" },
  ];

  it("holds the newest articles, newest first, one day's articles by URL", () => {
    assert.deepEqual(newestFirst(pages, 3).map((p) => p.url), ["/c/", "/a/", "/b/"]);
    assert.deepEqual(newestFirst([...pages].reverse(), 2).map((p) => p.url), ["/c/", "/a/"]);
  });

  it("keeps the same newest pages when chosen a batch at a time, as the build does while pages arrive", () => {
    let kept: typeof pages = [];
    for (const page of [...pages, { url: "/e/", date: "2026-01-10" }]) kept = newestFirst([...kept, page], 2);
    assert.deepEqual(kept.map((p) => p.url), ["/c/", "/e/"]);
    assert.deepEqual(newestFirst(pages, 4).map((p) => p.url), ["/c/", "/a/", "/b/", "/d/"]);
  });

  it("reads an article's date from its sort key", () => {
    assert.equal(sortDate('<span data-pagefind-sort="date:2026-02-03"></span>'), "2026-02-03");
    assert.equal(sortDate("<p>date:2026-02-03</p>"), "");
  });
});
