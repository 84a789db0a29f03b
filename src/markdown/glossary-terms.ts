// Sätteri hast plugin: in an article, the first mention of each glossary entry (content/glossaire.yaml)
// becomes a link to its entry on /glossaire/, described by the entry's definition, and the
// definitions are listed under the text ("Mots expliqués"). No hover and no JavaScript: the
// definition is text in the page, which a screen reader announces with the link
// (aria-describedby), which any reader finds below the text, and which prints. The list is left
// out of the search index: it is the glossary's text, not the article's.
import { statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { HastNode, HastPluginEntry, HastVisitorContext } from "satteri";
import { glossaryFinder, readGlossary, type GlossaryEntry, type GlossaryMention } from "../lib/glossary.ts";
import { t } from "../i18n/fr.ts";

type Element = Extract<HastNode, { type: "element" }>;

// Text where a link would be wrong or unwelcome: links and code, headings, captions, notes' marks.
const NO_LINK = new Set([
  "a", "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea",
  "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "sup", "sub", "button", "label", "summary",
]);

const element = (tagName: string, properties: Element["properties"], children: HastNode[]): HastNode =>
  ({ type: "element", tagName, properties, children }) as HastNode;
const text = (value: string): HastNode => ({ type: "text", value }) as HastNode;

const definitionId = (entry: GlossaryEntry): string => `definition-${entry.id}`;
const entryHref = (entry: GlossaryEntry): string => `/glossaire/#${encodeURIComponent(entry.id)}`;

/** The list under the article: each entry's term, linked to the glossary, and its definition. */
function wordsExplained(entries: readonly GlossaryEntry[]): HastNode {
  return element("aside", { className: ["words-explained"], ariaLabelledBy: ["mots-expliques"], dataPagefindIgnore: "" }, [
    element("h2", { id: "mots-expliques" }, [text(t.wordsExplained)]),
    element(
      "dl",
      {},
      entries.map((entry) =>
        element("div", {}, [
          element("dt", {}, [element("a", { href: entryHref(entry) }, [text(entry.terme)])]),
          element("dd", { id: definitionId(entry) }, [text(entry.definition)]),
        ]),
      ),
    ),
  ]);
}

function linkable(node: Readonly<HastNode>, ctx: HastVisitorContext, known: WeakMap<object, boolean>): boolean {
  const parent = ctx.parent(node);
  if (parent === undefined) return true;
  const cached = known.get(parent);
  if (cached !== undefined) return cached;
  const here = !(parent.type === "element" && NO_LINK.has(parent.tagName)) && linkable(parent, ctx, known);
  known.set(parent, here);
  return here;
}

export interface Glossary {
  /** The entries as the file holds them now. */
  readonly entries: readonly GlossaryEntry[];
  /** Every mention of an entry in a text. */
  find(text: string): GlossaryMention<GlossaryEntry>[];
}

const loaded = new Map<string, { mtime: number; glossary: Glossary }>();

/**
 * The glossary of `contentDir`, read again when its file changes (`astro dev` picks up an edit
 * without a restart). Its mistakes are the preflight's to report; here a bad entry is left out.
 */
export function loadGlossary(contentDir: string): Glossary {
  const path = resolve(contentDir, "glossaire.yaml");
  return {
    get entries() {
      return current().entries;
    },
    find: (value) => current().find(value),
  };
  function current(): Glossary {
    const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    const known = loaded.get(path);
    if (known?.mtime === mtime) return known.glossary;
    const { entries } = readGlossary(path, relative(process.cwd(), path));
    const glossary = { entries, find: glossaryFinder(entries) };
    loaded.set(path, { mtime, glossary });
    return glossary;
  }
}

/** Factory: `hastPlugins: [glossaryTerms(loadGlossary(contentDir), articlesDir)]`, before the typography plugin. */
export function glossaryTerms(glossary: Glossary, articlesDir: string): HastPluginEntry {
  const within = resolve(articlesDir) + sep;
  // A factory entry gets fresh per-document state: Sätteri calls it once per compile.
  return () => {
    const linked = new Map<string, GlossaryEntry>();
    const known = new WeakMap<object, boolean>();
    let isArticle = false;
    return {
      name: "pouls-glossary-terms",
      before(_root, ctx) {
        isArticle = ctx.fileURL !== undefined && fileURLToPath(ctx.fileURL).startsWith(within);
      },
      text(node, ctx) {
        if (!isArticle || !linkable(node, ctx, known)) return;
        const first: GlossaryMention<GlossaryEntry>[] = [];
        for (const mention of glossary.find(node.value)) {
          if (linked.has(mention.entry.id)) continue;
          linked.set(mention.entry.id, mention.entry);
          first.push(mention);
        }
        if (first.length === 0) return;
        const parts: HastNode[] = [];
        let at = 0;
        for (const { entry, start, end } of first) {
          if (start > at) parts.push(text(node.value.slice(at, start)));
          parts.push(element("a", { href: entryHref(entry), className: ["glossary-term"], ariaDescribedBy: [definitionId(entry)] }, [text(node.value.slice(start, end))]));
          at = end;
        }
        if (at < node.value.length) parts.push(text(node.value.slice(at)));
        ctx.replaceNode(node, parts);
      },
      after(root, ctx) {
        if (linked.size > 0) ctx.appendChild(root, wordsExplained([...linked.values()]));
      },
    };
  };
}
