import rss from "@astrojs/rss";
import type { ArticleView } from "./site.ts";
import { feedItems } from "../lib/feed.ts";
import { site } from "../config/site.ts";

export function articleFeed(title: string, description: string, articles: ArticleView[]) {
  return rss({
    title,
    description,
    site: site.origin,
    items: feedItems(
      articles.map((a) => ({
        title: a.data.title,
        description: a.data.description,
        date: a.data.date,
        url: a.url,
        section: a.category.name,
        authors: a.authors.map((x) => x.name),
        tags: a.data.tags,
      })),
    ),
    customData: `<language>fr-FR</language>`,
  });
}
