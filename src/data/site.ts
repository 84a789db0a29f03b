// The one place pages get content from: loads the collections once, cross-checks them and
// derives what every page needs (hierarchy, tags, authors, related articles).
import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../config/site.ts";
import { buildCategoryTree, type Category, type CategoryTree } from "../lib/categories.ts";
import { isPublished } from "../lib/dates.ts";
import { buildTime } from "../lib/build-time.ts";
import { commentsOpen } from "../lib/comments/closing.ts";
import { readingTimeMinutes } from "../lib/reading-time.ts";
import { tagSlug } from "../lib/slug.ts";
import { frenchTypography } from "../lib/typography.ts";
import { isStale, modifiedDate } from "../lib/freshness.ts";
import { computeRelated } from "../lib/related/index.ts";
import { checkArticles, formatProblems, linkedSlugs } from "../lib/validate.ts";
import { editorError } from "../lib/content-ids.ts";
import { commentsByArticle } from "../lib/comments/comment-files.ts";
import { glossaryLine, glossaryMatcher } from "../lib/glossary.ts";
import type { PublishedComment } from "../lib/comments/view.ts";
import { contentDir } from "../config/paths.ts";

export interface AuthorView {
  id: string;
  name: string;
  credentials: string;
  bio: string;
  staff: boolean;
  url: string;
}

export interface TagView {
  name: string;
  slug: string;
  url: string;
}

export interface ArticleView {
  slug: string;
  url: string;
  file: string;
  entry: CollectionEntry<"articles">;
  data: CollectionEntry<"articles">["data"];
  authors: AuthorView[];
  reviewer: AuthorView | undefined;
  category: Category;
  trail: Category[];
  tags: TagView[];
  readingTime: number;
  /** The latest of publication, update, review and correction: what dateModified means to readers. */
  modified: Date;
  /** Whether its last medical check is older than the site allows, on the day of the build. */
  stale: boolean;
  /** Whether it takes comments on the day of the build (front matter, and closing by age). */
  commentsOpen: boolean;
  /** The glossary's entries it mentions, with their synonyms, for the search (src/lib/glossary.ts). */
  glossary: string[];
}

export interface SiteData {
  articles: ArticleView[];
  bySlug: Map<string, ArticleView>;
  authors: Map<string, AuthorView>;
  categories: CategoryTree;
  tags: Map<string, { tag: TagView; articles: ArticleView[] }>;
  comments: Map<string, PublishedComment[]>;
  /** Related articles of each article: editors' pins first, then computed suggestions. */
  related: Map<string, ArticleView[]>;
}

const asList = (a: string | string[]) => (Array.isArray(a) ? a : [a]);

// Front matter text is shown outside the Markdown pipeline, so it gets the same typography here.
function withTypography(d: CollectionEntry<"articles">["data"]): CollectionEntry<"articles">["data"] {
  const fr = frenchTypography;
  const opt = (s: string | undefined) => (s === undefined ? undefined : fr(s));
  return {
    ...d,
    title: fr(d.title),
    description: fr(d.description),
    about: opt(d.about),
    cover: d.cover && { ...d.cover, credit: opt(d.cover.credit) },
    corrections: d.corrections.map((c) => ({ ...c, text: fr(c.text) })),
    evidence: d.evidence && {
      ...d.evidence,
      published: opt(d.evidence.published),
      availability: opt(d.evidence.availability),
      unknowns: opt(d.evidence.unknowns),
    },
  };
}

async function load(): Promise<SiteData> {
  const [articleEntries, authorEntries, categoryEntries, tagEntries, commentEntries, glossaryEntries] = await Promise.all([
    getCollection("articles"),
    getCollection("authors"),
    getCollection("categories"),
    getCollection("tags"),
    getCollection("comments"),
    getCollection("glossary"),
  ]);
  const mentions = glossaryMatcher(glossaryEntries.map((e) => ({ id: e.id, ...e.data })));

  // The preflight found article files; none in Astro's store means a content store that did
  // not load (a stale or emptied cache): stop here rather than inside Pagefind, with no page.
  if (articleEntries.length === 0) {
    throw editorError(
      `Aucun article trouvé dans ${contentDir}/articles/ par Astro, dont le cache de contenu est vide. Attendu : npm run build -- --force, qui le reconstruit.`,
    );
  }
  const now = buildTime();
  const built = articleEntries.filter(
    (e) => (import.meta.env.DEV || !e.data.draft) && isPublished(e.data.date, now),
  );

  const authors = new Map<string, AuthorView>(
    authorEntries.map((e) => [e.id, { id: e.id, ...e.data, bio: frenchTypography(e.data.bio), url: `/auteurs/${e.id}/` }]),
  );
  const categories = buildCategoryTree(
    categoryEntries.map((e) => ({
      id: e.id,
      ...e.data,
      name: frenchTypography(e.data.name),
      description: e.data.description && frenchTypography(e.data.description),
      helplines: e.data.helplines?.map((h) => ({
        ...h,
        name: frenchTypography(h.name),
        hours: h.hours && frenchTypography(h.hours),
      })),
    })),
  );

  const tagNames = new Map(tagEntries.map((e) => [e.id, frenchTypography(e.data.name)]));

  // A build checked all this before Astro read the content (src/integrations/content-preflight.ts);
  // the dev server checked it at start only, so it checks again as files are edited.
  if (import.meta.env.DEV) {
    const problems = checkArticles(
      built.map((e) => ({
        slug: e.id,
        file: e.filePath ?? e.id,
        date: e.data.date,
        updated: e.data.updated,
        reviewed: e.data.reviewed,
        reviewer: e.data.reviewer,
        authors: asList(e.data.author),
        category: e.data.category,
        related: e.data.related,
        sources: e.data.sources.length,
        links: linkedSlugs(e.body ?? "", site.origin),
      })),
      {
        authors: new Set(authors.keys()),
        categories: new Set(categories.byId.keys()),
        articles: new Set(built.map((e) => e.id)),
      },
    );
    if (problems.length > 0) throw editorError(formatProblems(problems));
  }

  const articles: ArticleView[] = built
    .map((e) => {
      const d = withTypography(e.data);
      const modified = modifiedDate(d);
      return {
        slug: e.id,
        url: `/articles/${e.id}/`,
        file: e.filePath ?? e.id,
        entry: e,
        data: d,
        authors: asList(d.author).map((id) => authors.get(id)!),
        reviewer: d.reviewer ? authors.get(d.reviewer) : undefined,
        category: categories.byId.get(d.category)!,
        trail: categories.trail(d.category),
        tags: d.tags.map((typed) => {
          const slug = tagSlug(typed);
          return { name: tagNames.get(slug) ?? frenchTypography(typed), slug, url: `/tags/${slug}/` };
        }),
        readingTime: readingTimeMinutes(e.body ?? ""),
        modified,
        stale: isStale(d, now, site.reviewMaxAgeYears),
        commentsOpen: commentsOpen(d, now, site.commentsCloseAfterDays),
        glossary: mentions(`${e.data.title}\n${e.data.description}\n${e.body ?? ""}`).map(glossaryLine),
      };
    })
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.slug.localeCompare(b.slug));

  const tags = new Map<string, { tag: TagView; articles: ArticleView[] }>();
  for (const a of articles) {
    for (const tag of a.tags) {
      const bucket = tags.get(tag.slug) ?? { tag, articles: [] };
      bucket.articles.push(a);
      tags.set(tag.slug, bucket);
    }
  }

  const comments = commentsByArticle(commentEntries);

  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const relatedSlugs = computeRelated(
    articles.map((a) => ({
      slug: a.slug,
      title: a.data.title,
      lead: a.data.description,
      body: a.entry.body ?? "",
      tags: a.data.tags,
      categoryPath: a.category.path,
      date: a.data.date,
      pins: a.data.related,
      suggest: a.data.suggest,
    })),
    { k: site.relatedCount },
  );
  const related = new Map([...relatedSlugs].map(([slug, list]) => [slug, list.map((s) => bySlug.get(s)!)]));

  return {
    articles,
    bySlug,
    related,
    authors,
    categories,
    tags,
    comments,
  };
}

let cached: Promise<SiteData> | undefined;
export const getSiteData = (): Promise<SiteData> => (cached ??= load());

/** Articles filed in a category or anywhere below it, newest first. */
/** How many articles each section holds, its sub-sections' included. */
export function sectionCounts(data: SiteData): Map<string, number> {
  return new Map([...data.categories.byId.keys()].map((id) => [id, articlesUnder(data, id).length]));
}

export function articlesUnder(data: SiteData, categoryId: string): ArticleView[] {
  const ids = data.categories.subtree(categoryId);
  return data.articles.filter((a) => ids.has(a.category.id));
}
