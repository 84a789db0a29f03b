// The search page's URL contract: what a shared /recherche/?… link means, and the one URL each state gets.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_QUERY_LENGTH,
  emptyState,
  isIdle,
  pagefindOptions,
  parseSearchParams,
  sameState,
  searchHref,
  toSearchParams,
} from "../../src/lib/search/url-state.ts";

describe("search URL state", () => {
  it("reads query, filters and sort from a shared link", () => {
    const state = parseSearchParams("?q=vaccin+grippe&rubrique=maladies-infectieuses&sous-rubrique=vaccination&auteur=claire-dumont&annee=2024&tri=date");
    assert.deepEqual(state, {
      q: "vaccin grippe",
      filters: { rubrique: "maladies-infectieuses", "sous-rubrique": "vaccination", auteur: "claire-dumont", annee: "2024" },
      sort: "date",
    });
  });

  it("keeps accents and case of the query as typed", () => {
    assert.equal(parseSearchParams("q=Immunoth%C3%A9rapie").q, "Immunothérapie");
  });

  it("collapses whitespace and caps the query length", () => {
    assert.equal(parseSearchParams("q=%20%20cancer%20%20%20du%0Asein%20").q, "cancer du sein");
    assert.equal(parseSearchParams(`q=${"a".repeat(MAX_QUERY_LENGTH + 50)}`).q.length, MAX_QUERY_LENGTH);
  });

  it("drops empty and malformed filter values and unknown parameters", () => {
    const state = parseSearchParams("q=x&rubrique=&auteur=Claire%20Dumont&annee=24&sous-rubrique=../etc&utm_source=y&tri=nimporte");
    assert.deepEqual(state.filters, {});
    assert.equal(state.sort, "pertinence");
  });

  it("gives each state one canonical URL: fixed order, defaults left out", () => {
    const href = searchHref({ q: " cancer ", filters: { annee: "2020", rubrique: "cancer" }, sort: "pertinence" });
    assert.equal(href, "/recherche/?q=cancer&rubrique=cancer&annee=2020");
    assert.equal(searchHref(emptyState()), "/recherche/");
    assert.equal(searchHref({ q: "", filters: {}, sort: "date" }), "/recherche/?tri=date");
  });

  it("round-trips: parsing a state's URL gives the same state", () => {
    const state = { q: "santé mentale & sommeil", filters: { auteur: "amina-haddad" }, sort: "date" as const };
    const again = parseSearchParams(toSearchParams(state));
    assert.deepEqual(again, state);
    assert.ok(sameState(state, again));
    assert.ok(!sameState(state, { ...state, sort: "pertinence" }));
  });

  it("is idle with neither words nor filters, whatever the sort", () => {
    assert.ok(isIdle(parseSearchParams("")));
    assert.ok(isIdle(parseSearchParams("q=%20&tri=date")));
    assert.ok(!isIdle(parseSearchParams("annee=2019")));
    assert.ok(!isIdle(parseSearchParams("q=rougeole")));
  });

  it("turns a state into Pagefind search options, newest first when sorted by date", () => {
    assert.deepEqual(pagefindOptions(parseSearchParams("q=x&auteur=a-b&tri=date")), {
      filters: { auteur: "a-b" },
      sort: { date: "desc" },
    });
    assert.deepEqual(pagefindOptions(parseSearchParams("q=x")), { filters: {} });
  });
});
