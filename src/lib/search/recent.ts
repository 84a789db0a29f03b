// Which articles go into the small "recent" index the search page answers from first (see
// src/integrations/pagefind.ts). Pagefind's fixed cost before a first result grows with the number
// of pages in the index it loads (its page list and date sort), so a large site's first answer
// comes from its newest articles, and the whole index follows.

export interface DatedPage {
  url: string;
  /** ISO date, AAAA-MM-JJ: the article's date sort key. */
  date: string;
}

// The sort key ArticleSearchMeta writes; check-index.ts makes sure every indexed page has it.
const SORT_DATE = /data-pagefind-sort="date:(\d{4}-\d{2}-\d{2})"/;

/** The date sort key of an article page's HTML, or "" when it has none. */
export function sortDate(html: string): string {
  return SORT_DATE.exec(html)?.[1] ?? "";
}

/**
 * The `count` newest pages, newest first; among pages of one day, by URL, so that the same site
 * always gives the same split.
 */
export function newestFirst<T extends DatedPage>(pages: readonly T[], count: number): T[] {
  return [...pages]
    .sort((a, b) => (a.date === b.date ? (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) : a.date < b.date ? 1 : -1))
    .slice(0, count);
}
