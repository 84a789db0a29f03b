// One article file checked alone, as the build reads it before Astro does: every field against
// the content schema (Astro stops at the first file in error, and at the first problem of a
// field group; this reports them all), and what an editor has left to write.
import type { z } from "astro/zod";
import { articleFields, coverFields } from "./article-schema.ts";
import { linkedSlugs, type ArticleToCheck, type Problem } from "./validate.ts";

// What `npm run new` writes where the editor has something to say (scripts/new-article.ts).
export const PLACEHOLDER = "À compléter";

export interface CheckedArticleFile {
  problems: Problem[];
  /** What the cross-checks need, from the fields that are valid. */
  facts: ArticleToCheck & { draft: boolean };
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

const shown = (value: unknown): string => `« ${typeof value === "string" ? value : JSON.stringify(value)} »`;

/** Our schema's messages say what to write ("attendu : …"); zod's own are given as they are. */
function message(text: string, value: unknown): string {
  const what = value === undefined ? "champ manquant" : value === "" ? "valeur vide" : `valeur ${shown(value)}`;
  if (text.startsWith("attendu")) return `${what} ; ${text}.`;
  return value === undefined ? `${what}.` : `${what} refusée (${text}).`;
}

/** One field as the schema reads it, or undefined when it is in error (reported on its own). */
function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function checkArticleFile(file: string, slug: string, data: Record<string, unknown>, body: string, origin: string): CheckedArticleFile {
  const problems: Problem[] = [];
  const fields = articleFields.safeParse(data);
  const cover = coverFields.safeParse(data);
  for (const issue of [...(fields.error?.issues ?? []), ...(cover.error?.issues ?? [])]) {
    problems.push({ file, field: issue.path.join(".") || "front matter", message: message(issue.message, valueAt(data, issue.path)) });
  }
  const draft = data["draft"] === true;
  if (!draft) {
    const left = [
      typeof data["description"] === "string" && data["description"].includes(PLACEHOLDER) ? "description" : "",
      body.includes(PLACEHOLDER) ? "corps" : "",
    ].filter(Boolean);
    for (const field of left) {
      problems.push({
        file,
        field,
        message: `contient encore « ${PLACEHOLDER} ». Attendu : le texte de l’article, ou draft: true tant qu’il n’est pas prêt.`,
      });
    }
  }
  // The cross-checks still see what is valid in a file with a field in error: its other
  // mistakes are reported in the same run, and links to it are not taken for broken ones.
  const d = fields.success ? fields.data : undefined;
  const shape = articleFields.shape;
  const author = d?.author ?? valid(shape.author, data["author"]);
  return {
    problems,
    facts: {
      slug,
      file,
      date: d ? d.date : valid(shape.date, data["date"]),
      updated: d ? d.updated : valid(shape.updated, data["updated"]),
      reviewed: d ? d.reviewed : valid(shape.reviewed, data["reviewed"]),
      reviewer: d ? d.reviewer : valid(shape.reviewer, data["reviewer"]),
      authors: author === undefined ? [] : Array.isArray(author) ? author : [author],
      category: d ? d.category : valid(shape.category, data["category"]),
      related: (d ? d.related : valid(shape.related, data["related"])) ?? [],
      sources: d ? d.sources.length : valid(shape.sources, data["sources"])?.length,
      links: linkedSlugs(body, origin),
      draft,
    },
  };
}
