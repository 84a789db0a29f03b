// What the search page offers to filter by, from the same data the index is built from: sections
// (and the sections under each, labelled with their path), authors who signed an article, years,
// and the topics offered when a search finds nothing.
import type { Category } from "../lib/categories.ts";
import type { SiteData } from "./site.ts";

export interface SearchFilterOptions {
  roots: Category[];
  subGroups: { root: Category; options: { id: string; label: string }[] }[];
  authors: { id: string; name: string }[];
  years: number[];
  topics: { name: string; url: string }[];
  childrenOf: (category: Category) => Category[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");

export function searchFilterOptions(data: SiteData): SearchFilterOptions {
  const { categories } = data;
  const childrenOf = (c: Category) => c.children.map((id) => categories.byId.get(id)!).sort(byName);

  // Every category below a root, depth first, labelled with its path below the root.
  const descendants = (root: Category): { id: string; label: string }[] => {
    const out: { id: string; label: string }[] = [];
    const walk = (c: Category, prefix: string) => {
      for (const child of childrenOf(c)) {
        const label = prefix ? `${prefix} › ${child.name}` : child.name;
        out.push({ id: child.id, label });
        walk(child, label);
      }
    };
    walk(root, "");
    return out;
  };

  const roots = [...categories.roots].sort(byName);
  const authorIds = new Set(data.articles.flatMap((a) => a.authors.map((x) => x.id)));
  return {
    roots,
    subGroups: roots.map((root) => ({ root, options: descendants(root) })).filter((g) => g.options.length > 0),
    authors: [...data.authors.values()].filter((a) => authorIds.has(a.id)).sort(byName),
    years: [...new Set(data.articles.map((a) => a.data.date.getUTCFullYear()))].sort((a, b) => b - a),
    // The site keeps no reading statistics (no analytics): the topics offered are those it writes about most.
    topics: [...data.tags.values()]
      .sort((a, b) => b.articles.length - a.articles.length || a.tag.name.localeCompare(b.tag.name, "fr"))
      .slice(0, 8)
      .map(({ tag }) => tag),
    childrenOf,
  };
}
