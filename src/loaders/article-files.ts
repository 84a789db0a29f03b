// Astro's glob() loader for articles, which also renders again an article whose text did not
// change when an article it links to changed its title (src/lib/linked-titles.ts), or when a
// glossary entry it mentions changed (src/markdown/glossary-terms.ts): Astro keeps a file's
// rendered HTML until the file itself changes. The titles and the glossary of the last load are
// kept in the collection's meta store, beside the rendered HTML they went into.
import { readFileSync } from "node:fs";
import { glob, type Loader } from "astro/loaders";
import type { ArticleIndex } from "../markdown/article-index.ts";
import type { Glossary } from "../markdown/glossary-terms.ts";
import { changedTitles, linkingTo } from "../lib/linked-titles.ts";
import { changedEntries, glossaryMatcher, type GlossaryEntry } from "../lib/glossary.ts";

const TITLES = "pouls-titles";
const GLOSSARY = "pouls-glossary";

type DataStore = Parameters<Loader["load"]>[0]["store"];

/**
 * The store as the loader sees it, in which the entries to render again are missing, and which
 * takes their new rendering (Astro's store keeps an entry whose file digest did not change).
 */
function without(store: DataStore, ids: ReadonlySet<string>): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === "get") return (id: string) => (ids.has(id) ? undefined : target.get(id));
      if (property === "set") {
        return (entry: Parameters<DataStore["set"]>[0]) => {
          if (ids.has(entry.id)) target.delete(entry.id);
          return target.set(entry);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function articleFiles(options: { base: string; pattern: string[] }, index: ArticleIndex, glossary: Glossary): Loader {
  const loader = glob(options);
  return {
    name: "pouls-article-files",
    load: async (context) => {
      const articles = index.articles;
      const titles = Object.fromEntries(articles.map((a) => [a.slug, a.title]));
      const before = context.meta.get(TITLES);
      const stale = before
        ? linkingTo(changedTitles(JSON.parse(before) as Record<string, string>, titles), articles.map((a) => ({ slug: a.slug, links: a.check.facts.links })))
        : new Set<string>();
      const entries = glossary.entries;
      const entriesBefore = context.meta.get(GLOSSARY);
      const changed = entriesBefore ? changedEntries(JSON.parse(entriesBefore) as GlossaryEntry[], entries) : [];
      if (changed.length > 0) {
        // Read only when the glossary changed, which is rare: one pass over every article's text.
        const mentions = glossaryMatcher(changed);
        for (const article of articles) if (mentions(readFileSync(article.file, "utf8")).length > 0) stale.add(article.slug);
      }
      await loader.load({ ...context, store: without(context.store, stale) });
      context.meta.set(TITLES, JSON.stringify(titles));
      context.meta.set(GLOSSARY, JSON.stringify(entries));
    },
  };
}
