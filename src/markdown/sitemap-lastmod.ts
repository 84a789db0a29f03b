// The sitemap's <lastmod> for article pages: the day the article last changed for readers
// (publication, update, medical review or correction), read from the article index.
import type { SitemapItem } from "@astrojs/sitemap";
import type { ArticleIndex } from "./article-index.ts";

const ARTICLE_PATH = /\/articles\/([^/]+)\/$/;

export function withArticleLastmod(index: ArticleIndex): (item: SitemapItem) => SitemapItem {
  let modified: Map<string, Date | undefined> | undefined;
  return (item) => {
    const slug = ARTICLE_PATH.exec(new URL(item.url).pathname)?.[1];
    if (!slug) return item;
    modified ??= new Map(index.articles.map((a) => [a.slug, a.modified]));
    const date = modified.get(decodeURIComponent(slug));
    return date ? { ...item, lastmod: date.toISOString().slice(0, 10) } : item;
  };
}
