// Which articles must be rendered again because an article they link to changed its title: a link
// written without text and a "Lire aussi" card show the target's title (src/markdown/article-links.ts),
// but Astro renders a Markdown file again only when its own text changes.

export interface LinkingArticle {
  slug: string;
  /** Slugs of the articles its body links to. */
  links: readonly string[];
}

/** Slugs whose title is not what it was: changed, new, or gone. */
export function changedTitles(before: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): Set<string> {
  const slugs = new Set([...Object.keys(before), ...Object.keys(now)]);
  return new Set([...slugs].filter((slug) => before[slug] !== now[slug]));
}

/** The articles that link to one of `changed`. */
export function linkingTo(changed: ReadonlySet<string>, articles: readonly LinkingArticle[]): Set<string> {
  return new Set(articles.filter((a) => a.links.some((slug) => changed.has(slug))).map((a) => a.slug));
}
