// What a feed item says about an article; shared by the site feed and the section feeds.
import { escapeHtml } from "./comments/text.ts";

export interface FeedArticle {
  title: string;
  description: string;
  date: Date;
  url: string;
  section: string;
  authors: string[];
  tags: string[];
}

export const FEED_SIZE = 30;

export function feedItems(articles: FeedArticle[]) {
  return articles.slice(0, FEED_SIZE).map((a) => ({
    title: a.title,
    description: a.description,
    pubDate: a.date,
    link: a.url,
    categories: [a.section, ...a.tags],
    author: a.authors.join(", "),
  }));
}

/**
 * The channel's own elements besides title and description: its language, its address (readers
 * and validators ask for atom:link rel="self"), and lastBuildDate, taken from the content (the
 * latest change among its items) so that two builds of the same content write the same feed.
 */
export function channelData(selfUrl: string, items: { modified: Date }[]): string {
  const latest = items.reduce<Date | undefined>((m, i) => (!m || i.modified > m ? i.modified : m), undefined);
  return [
    "<language>fr-FR</language>",
    `<atom:link href="${escapeHtml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(latest ? [`<lastBuildDate>${latest.toUTCString()}</lastBuildDate>`] : []),
  ].join("");
}
