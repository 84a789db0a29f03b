// Approved comments as files (content/comments/<article>/<id>.md): front matter, then the text,
// kept as plain text. Astro's loader (src/loaders/plain-text.ts) and `npm run build`'s way of
// publishing comments without Astro (patch-pages.ts) read them here, through the same schema.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "astro/zod";
import { isoDate, slugRef } from "../article-schema.ts";
import { splitFrontMatter } from "../front-matter.ts";
import type { PublishedComment } from "./view.ts";

export const commentFields = z
  .object({
    id: z.string().min(1),
    article: slugRef,
    parent: z.string().nullish(),
    author: z.string().default(""),
    date: isoDate,
    staff: z.boolean().default(false),
    // A comment the editorial team took down after publication, kept as a placeholder (without
    // its author or text) because replies to it stay published under it.
    removed: z.boolean().default(false),
  })
  .refine((c) => c.removed || c.author.trim() !== "", { path: ["author"], error: "attendu : le nom affiché de l’auteur du commentaire" });

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

export type CommentData = z.output<typeof commentFields>;

/**
 * Each article's published comments, from comment files or from Astro's entries of them
 * (src/data/site.ts): one mapping, so that a page built by Astro and one given its comments by
 * patch-pages.ts show the same thread.
 */
export function commentsByArticle(entries: Iterable<{ data: CommentData; body?: string | undefined }>): Map<string, PublishedComment[]> {
  const byArticle = new Map<string, PublishedComment[]>();
  for (const { data, body } of entries) {
    const list = byArticle.get(data.article) ?? [];
    list.push({ id: data.id, parent: data.parent ?? null, author: data.author, date: data.date, staff: data.staff, removed: data.removed, body: data.removed ? "" : (body ?? "") });
    byArticle.set(data.article, list);
  }
  return byArticle;
}

/** What the site shows of each article's comments, read from their files. */
export function publishedComments(dir: string, named?: (file: string) => string): Map<string, PublishedComment[]> {
  return commentsByArticle(
    readCommentFiles(dir, named).map((entry) => {
      const parsed = commentFields.safeParse(entry.data);
      if (!parsed.success) throw new Error(`${named ? named(entry.file) : entry.file} : ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join(" ; ")}`);
      return { data: parsed.data, body: entry.body };
    }),
  );
}
