// Approved comments as files (content/comments/<article>/<id>.md): front matter, then the text,
// kept as plain text. Astro's loader (src/loaders/plain-text.ts) and `npm run build`'s way of
// publishing comments without Astro (patch-pages.ts) read them here, through the same schema.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { isoDate, slugRef } from "../article-schema.ts";
import { splitFrontMatter } from "../front-matter.ts";
import type { PublishedComment } from "./view.ts";

export const commentFields = z.object({
  id: z.string().min(1),
  article: slugRef,
  parent: z.string().nullish(),
  author: z.string().min(1),
  date: isoDate,
  staff: z.boolean().default(false),
});

export interface CommentFile {
  /** The path under the comments folder, without ".md". */
  id: string;
  /** The path under the comments folder. */
  file: string;
  source: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * Every comment file under `dir`, in path order; none when there is no such folder. A mistake
 * names the file as `named` says (its path under `dir` by default).
 */
export function readCommentFiles(dir: string, named: (file: string) => string = (file) => file): CommentFile[] {
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return files.sort().map((file) => {
    const source = readFileSync(join(dir, file), "utf8");
    const parts = splitFrontMatter(source);
    if (!parts) throw new Error(`${named(file)} : en-tête YAML (front matter) manquant.`);
    return { id: file.replace(/\.md$/, ""), file, source, data: parts.data, body: parts.body.trim() };
  });
}

/** What the site shows of each article's comments (src/data/site.ts does the same from Astro's store). */
export function publishedComments(dir: string, named?: (file: string) => string): Map<string, PublishedComment[]> {
  const byArticle = new Map<string, PublishedComment[]>();
  for (const entry of readCommentFiles(dir, named)) {
    const parsed = commentFields.safeParse(entry.data);
    if (!parsed.success) throw new Error(`${named ? named(entry.file) : entry.file} : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join(" ; ")}`);
    const { id, parent, author, date, staff, article } = parsed.data;
    const list = byArticle.get(article) ?? [];
    list.push({ id, parent: parent ?? null, author, date, staff, body: entry.body });
    byArticle.set(article, list);
  }
  return byArticle;
}
