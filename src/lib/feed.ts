// What a feed item says about an article; shared by the site feed and the section feeds.
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
