// Sätteri hast plugin for links between articles:
// - a paragraph holding nothing but a link to an article becomes a "Lire aussi" card;
// - a link written with empty text, `[](/articles/slug/)`, shows the target's title;
// - a link to an article that does not exist fails the compile, naming the file and the slug.

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { HastNode, HastPluginEntry, HastVisitorContext } from "satteri";

export interface ArticleTitles {
  titleOf(slug: string): string | undefined;
}

export interface ArticleLinksOptions {
  /** Site origin (e.g. "https://pouls.fr"); absolute links to it count as internal. */
  site?: string | URL;
}

type Element = Extract<HastNode, { type: "element" }>;

const ARTICLE_PATH = /^\/articles\/([^/?#]+)\/?([?#].*)?$/;

interface ArticleTarget {
  slug: string;
  /** Query string and fragment, kept when the card rewrites the href. */
  suffix: string;
}

function articleTarget(href: string, site?: string | URL): ArticleTarget | undefined {
  let path = href;
  if (!href.startsWith("/")) {
    if (site === undefined || !URL.canParse(href)) return undefined;
    const url = new URL(href);
    if (url.origin !== new URL(site).origin) return undefined;
    path = url.pathname + url.search + url.hash;
  }
  const match = ARTICLE_PATH.exec(path);
  if (!match) return undefined;
  let slug = match[1] ?? "";
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape cannot name an article; keep it raw so the error shows it.
  }
  return { slug, suffix: match[2] ?? "" };
}

function brokenLinkMessage(fileURL: URL | undefined, slug: string): string {
  const file = fileURL ? relative(process.cwd(), fileURLToPath(fileURL)) : "ce document";
  return `Lien interne cassé dans ${file} : /articles/${slug}/ ne correspond à aucun article. Attendu : le slug d’un article existant.`;
}

function text(value: string): HastNode {
  return { type: "text", value };
}

function isBlank(node: Readonly<HastNode>): boolean {
  return node.type === "text" && node.value.trim() === "";
}

function link(properties: Element["properties"], children: HastNode[]): HastNode {
  return { type: "element", tagName: "a", properties: { ...properties }, children } as HastNode;
}

function card(original: Readonly<Element>, href: string, children: HastNode[]): HastNode {
  return {
    type: "element",
    tagName: "aside",
    properties: { className: ["lire-aussi"], dataPagefindIgnore: true },
    children: [
      {
        type: "element",
        tagName: "p",
        properties: {},
        children: [
          {
            type: "element",
            tagName: "span",
            properties: { className: ["lire-aussi__label"] },
            children: [text("Lire aussi")],
          },
          text(" "),
          link({ ...original.properties, href }, children),
        ],
      },
    ],
  } as HastNode;
}

function visitLink(
  node: Readonly<Element>,
  ctx: HastVisitorContext,
  index: ArticleTitles,
  site: string | URL | undefined,
  broken: Set<string>,
): void {
  const href = node.properties?.["href"];
  const target = typeof href === "string" ? articleTarget(href, site) : undefined;
  if (!target) return;
  const title = index.titleOf(target.slug);
  if (title === undefined) {
    broken.add(target.slug);
    return;
  }
  const empty = ctx.textContent(node).trim() === "";
  const children = empty ? [text(title)] : [...node.children];
  const parent = ctx.parent(node);
  const alone =
    parent.type === "element" &&
    parent.tagName === "p" &&
    parent.children.filter((child) => !isBlank(child)).length === 1;
  if (alone) {
    ctx.replaceNode(parent, card(node, `/articles/${encodeURIComponent(target.slug)}/${target.suffix}`, children));
  } else if (empty) {
    ctx.replaceNode(node, link(node.properties, children));
  }
}

/**
 * Factory: `hastPlugins: [articleLinks(loadArticleIndex(contentDir), { site })]`.
 * Put it before the typography plugin so the titles it inserts get French spacing too.
 */
export function articleLinks(index: ArticleTitles, options: ArticleLinksOptions = {}): HastPluginEntry {
  // A factory entry gets fresh per-document state: Sätteri calls it once per compile.
  return () => {
    const broken = new Set<string>();
    return {
      name: "pouls-article-links",
      element: {
        filter: ["a"],
        visit(node, ctx) {
          visitLink(node, ctx, index, options.site, broken);
        },
      },
      // Thrown rather than ctx.report(): Sätteri collects reported diagnostics but never
      // surfaces them, so only an exception stops the compile. Thrown once, at the end,
      // so an editor sees every broken link of the file in one go.
      after(_root, ctx) {
        if (broken.size > 0) {
          throw new Error([...broken].map((slug) => brokenLinkMessage(ctx.fileURL, slug)).join("\n"));
        }
      },
    };
  };
}
