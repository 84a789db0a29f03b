import { readFileSync, statSync } from "node:fs";
import { z } from "zod";

export interface ArticleInfo {
  slug: string;
  url: string;
  title: string;
  open: boolean;
  /** The day (in France) comments close by age, from which the inbox refuses them. */
  closes?: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

// Written by the site build; only the fields the inbox relies on are checked. Slugs become
// directory names under content/comments, hence the strict pattern.
const manifestSchema = z.object({
  articles: z.array(
    z.object({
      slug: z.string().regex(SLUG),
      url: z.string().startsWith("/"),
      title: z.string(),
      comments: z.enum(["open", "closed"]),
      closes: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
    }),
  ),
});

export interface ArticleIndex {
  find(slug: string): ArticleInfo | undefined;
}

// Looked at again at most once a second, a stat per submission being a noticeable share of
// its cost; at once for a slug it does not know, which may be an article just built.
const RECHECK_MS = 1_000;

// Re-read whenever the build rewrites the file (mtime changes); a missing or broken manifest
// leaves the last good one in place, so a failed build does not close every article.
export function watchManifest(file: string, log: (message: string) => void): ArticleIndex {
  let loadedMtime = -1;
  let checkedAt = 0;
  let articles = new Map<string, ArticleInfo>();

  const refresh = (): void => {
    checkedAt = performance.now();
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      if (loadedMtime !== -2) log(`Manifeste des articles introuvable : ${file}`);
      loadedMtime = -2;
      return;
    }
    if (mtime === loadedMtime) return;
    loadedMtime = mtime;
    try {
      const parsed = manifestSchema.parse(JSON.parse(readFileSync(file, "utf8")));
      articles = new Map(
        parsed.articles.map((a) => [
          a.slug,
          { slug: a.slug, url: a.url, title: a.title, open: a.comments === "open", ...(a.closes ? { closes: a.closes } : {}) },
        ]),
      );
    } catch (error) {
      log(`Manifeste des articles illisible (${file}) : ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  refresh();
  return {
    find(slug: string) {
      const known = articles.get(slug);
      if (known !== undefined && performance.now() - checkedAt < RECHECK_MS) return known;
      refresh();
      return articles.get(slug);
    },
  };
}
