import rss from "@astrojs/rss";
import type { ArticleView } from "./site.ts";
import { channelData, FEED_SIZE, feedItems } from "../lib/feed.ts";
import { site } from "../config/site.ts";

/** An RSS feed of `articles` (newest first) served at `path`. */
export function articleFeed(title: string, description: string, articles: ArticleView[], path: string) {
  const items = articles.slice(0, FEED_SIZE);
  return rss({
    title,
    description,
    site: site.origin,
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    items: feedItems(
      items.map((a) => ({
        title: a.data.title,
        description: a.data.description,
        date: a.data.date,
        url: a.url,
        section: a.category.name,
        authors: a.authors.map((x) => x.name),
        tags: a.tags.map((tag) => tag.name),
      })),
    ),
    customData: channelData(new URL(path, site.origin).href, items),
  });
}
