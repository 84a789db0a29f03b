// Sätteri hast plugin applying French typography to prose. The rules live in
// src/lib/typography.ts; this file only decides which text nodes are prose and
// what text precedes them in their block.

import type { HastNode, HastPluginDefinition, HastVisitorContext } from "satteri";
import { frenchTypography, hasTypographyMarks } from "../lib/typography.ts";

// Literal content: rewriting a `;` or `'` here changes what the reader should type or run.
const LITERAL = new Set(["code", "pre", "kbd", "samp", "script", "style", "textarea", "math", "svg"]);

// Phrasing elements do not end a run of prose: "« <em>mot</em> »" is one quotation.
const PHRASING = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
  "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
]);

function nameOf(node: Readonly<HastNode>): string | undefined {
  if (node.type === "element") return node.tagName;
  if (node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") {
    return node.name ?? undefined;
  }
  return undefined;
}

function hrefOf(node: Readonly<HastNode>): string | undefined {
  if (node.type !== "element" || node.tagName !== "a") return undefined;
  const href = node.properties?.["href"];
  return typeof href === "string" ? href : undefined;
}

// Autolinked text repeats its target ("https://x.fr/?a=1", "contact@pouls.fr" for mailto:).
function isLinkTarget(text: string, href: string): boolean {
  const bare = (s: string): string => s.trim().replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, "");
  return bare(text) === bare(href);
}

function textBefore(node: Readonly<HastNode>, ctx: HastVisitorContext): string {
  let before = "";
  let current: Readonly<HastNode> = node;
  for (;;) {
    const parent = ctx.parent(current);
    const index = ctx.indexOf(current);
    if (parent === undefined || index === undefined) return before;
    const preceding = parent.children
      .slice(0, index)
      .map((sibling) => ctx.textContent(sibling))
      .join("");
    before = preceding + before;
    const inline =
      parent.type === "mdxJsxTextElement" ||
      (parent.type === "element" && PHRASING.has(parent.tagName));
    if (!inline) return before;
    current = parent;
  }
}

interface Ancestry {
  /** Inside code, a script, …: text to leave as written. */
  literal: boolean;
  /** Targets of the links around the node. */
  hrefs: readonly string[];
}

const ROOT: Ancestry = { literal: false, hrefs: [] };

// Within one pass Sätteri hands out the same object for the same parent, so the walk up the tree
// is made once per element, not once per text node below it.
const ancestries = new WeakMap<object, Ancestry>();

function ancestry(node: Readonly<HastNode> | undefined, ctx: HastVisitorContext): Ancestry {
  if (node === undefined) return ROOT;
  const known = ancestries.get(node);
  if (known !== undefined) return known;
  const above = ancestry(ctx.parent(node), ctx);
  const name = nameOf(node);
  const href = hrefOf(node);
  const own: Ancestry = {
    literal: above.literal || (name !== undefined && LITERAL.has(name)),
    hrefs: href === undefined ? above.hrefs : [...above.hrefs, href],
  };
  ancestries.set(node, own);
  return own;
}

export const frenchTypographyPlugin = {
  name: "pouls-french-typography",
  text(node, ctx) {
    // Most text nodes hold no mark to space or quote: skip the walk up the tree and the text before.
    if (!hasTypographyMarks(node.value)) return;
    const { literal, hrefs } = ancestry(ctx.parent(node), ctx);
    if (literal || hrefs.some((href) => isLinkTarget(node.value, href))) return;
    const value = frenchTypography(node.value, { before: () => textBefore(node, ctx) });
    if (value !== node.value) return { type: "text", value };
  },
} satisfies HastPluginDefinition;
