import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { matchRedirect, parseRedirects, parseRedirectsFile, redirectsFile, redirectsToAdd } from "../../src/lib/redirects.ts";

describe("old addresses (content/redirections.txt)", () => {
  it("reads one redirect a line, comments aside, and names the lines that are not one", () => {
    const { redirects, problems } = parseRedirects("# en-tête\n/ancien/ /articles/nouveau/  # renommé\n\nmauvaise ligne\n/ancien/ /ailleurs/\n/?p=12 /articles/x/\n");
    assert.deepEqual(redirects, [
      { from: "/ancien/", to: "/articles/nouveau/", line: 2 },
      { from: "/?p=12", to: "/articles/x/", line: 6 },
    ]);
    assert.deepEqual(problems.map((p) => p.line), [4, 5]);
    assert.match(problems[1]!.message, /déjà redirigée ligne 2/);
  });

  it("only ever adds to the file: an old address already there keeps the editor's line", () => {
    assert.deepEqual(redirectsToAdd("/a/ /articles/choix-de-la-redaction/\n", [{ from: "/a/", to: "/articles/a/" }, { from: "/b/", to: "/articles/b/" }, { from: "/b/", to: "/articles/b/" }]), ["/b/ /articles/b/"]);
  });

  it("writes dist/_redirects with /?p=ID in the query form, and npm start follows it the same way", () => {
    const text = redirectsFile([
      { from: "/2018/06/immunoth%C3%A9rapie/", to: "/articles/immunotherapie/", line: 1 },
      { from: "/?p=101", to: "/articles/immunotherapie/", line: 2 },
    ]);
    assert.match(text, /^\/2018\/06\/immunoth%C3%A9rapie\/ \/articles\/immunotherapie\/ 301$/m);
    assert.match(text, /^\/ p=101 \/articles\/immunotherapie\/ 301$/m);
    const rules = parseRedirectsFile(text);
    assert.equal(matchRedirect(rules, "/2018/06/immunoth%c3%a9rapie/", new URLSearchParams()), "/articles/immunotherapie/");
    assert.equal(matchRedirect(rules, "/", new URLSearchParams("p=101")), "/articles/immunotherapie/");
    assert.equal(matchRedirect(rules, "/", new URLSearchParams()), undefined, "the home page stays the home page");
    assert.equal(matchRedirect(rules, "/", new URLSearchParams("p=7")), undefined);
  });
});
