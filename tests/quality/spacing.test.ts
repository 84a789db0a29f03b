// Words are never glued together in what readers see: a template's line break between two
// expressions is dropped by Astro's HTML compression, and "(SAMU, urgence médicale)ou le 112" was
// the result on every article.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse, TextNode, type Node } from "node-html-parser";
import { assertBuilt, htmlPages, readPage } from "../helpers/dist.ts";

// A parenthesis opened after a space and closed right before a letter ("ami(e)s" opens after one).
const gluedAfterParenthesis = /(?:^|[^\p{L}\p{N}])\([^()]*\)\p{L}/u;

describe("spacing in the text of every page", () => {
  before(assertBuilt);

  it("tells a glued parenthesis from French inclusive writing", () => {
    assert.match("(SAMU, urgence médicale)ou le 112", gluedAfterParenthesis);
    assert.doesNotMatch("les ami(e)s du patient (voir plus bas) et le 112", gluedAfterParenthesis);
  });

  it("has no word glued to a closing parenthesis", () => {
    // Text as written between two tags: where Astro dropped a space, both words share one text
    // node. (Words of two block elements, a label and its hint, are apart on screen.)
    const glued = new Set<string>();
    for (const path of htmlPages()) {
      const body = parse(readPage(path)).querySelector("body");
      body?.querySelectorAll("script, style").forEach((el) => el.remove());
      for (const node of textNodes(body)) {
        const words = node.text.replace(/\s+/g, " ");
        if (gluedAfterParenthesis.test(words)) glued.add(`${path}: ${words.trim().slice(0, 120)}`);
      }
    }
    assert.deepEqual([...glued], []);
  });
});

function textNodes(node: Node | null | undefined): TextNode[] {
  if (!node) return [];
  if (node instanceof TextNode) return [node];
  return node.childNodes.flatMap(textNodes);
}
