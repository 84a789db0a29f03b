import { defineCollection, type ImageFunction } from "astro:content";
import { file, glob } from "astro/loaders";
import { articleFiles } from "./loaders/article-files.ts";
import { loadArticleIndex } from "./markdown/article-index.ts";
import { loadGlossary } from "./markdown/glossary-terms.ts";
import { z } from "astro/zod";
import { glossaryFields } from "./lib/glossary.ts";
import { contentDir } from "./config/paths.ts";
import { plainTextFiles } from "./loaders/plain-text.ts";
import { commentFields } from "./lib/comments/comment-files.ts";
import { optionalFile } from "./loaders/optional-file.ts";
import { articleFields, coverAlt, coverCredit, isoDate, slugRef } from "./lib/article-schema.ts";

const articleCover = (image: ImageFunction) =>
  z.object({ cover: z.object({ src: image(), alt: coverAlt, credit: coverCredit }).optional() });

const articles = defineCollection({
  loader: articleFiles({ base: `${contentDir}/articles`, pattern: ["*.{md,mdx}", "*/index.{md,mdx}"] }, loadArticleIndex(contentDir), loadGlossary(contentDir)),
  schema: ({ image }) => z.intersection(articleFields, articleCover(image)),
});

const authors = defineCollection({
  loader: glob({ base: `${contentDir}/authors`, pattern: "*.{yaml,yml}" }),
  schema: z.object({
    name: z.string().min(1),
    credentials: z.string().min(1, { error: "attendu : la qualification, par ex. « Docteur en pharmacie »" }),
    bio: z.string().min(1),
    staff: z.boolean().default(false),
  }),
});

const categories = defineCollection({
  loader: file(`${contentDir}/categories.yaml`),
  schema: z.object({
    name: z.string().min(1),
    parent: slugRef.optional(),
    description: z.string().optional(),
    // Topic-specific help lines shown under articles of this section and the sections below it.
    helplines: z
      .array(z.object({ name: z.string().min(1), number: z.string().min(2), hours: z.string().optional() }))
      .optional(),
  }),
});

// How tags are shown: keyed by the tag's URL slug (/tags/<slug>/), so "vaccin à arn" and
// "Vaccin à ARN" typed in two articles share one entry. Tags without an entry are shown as typed.
const tags = defineCollection({
  loader: optionalFile(`${contentDir}/tags.yaml`),
  schema: z.object({ name: z.string().trim().min(1, { error: "attendu : le nom affiché du mot-clé, par ex. « VRS »" }) }),
});

const comments = defineCollection({
  // Comment bodies are plain text, never compiled as Markdown: a reader's "![x](y)" must stay text.
  loader: plainTextFiles(`${contentDir}/comments`),
  schema: commentFields,
});

const pages = defineCollection({
  loader: glob({ base: `${contentDir}/pages`, pattern: "*.md" }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    updated: isoDate,
  }),
});

// The medical glossary (/glossaire/); the preflight checks it first (src/lib/glossary.ts), naming
// the entry and the field.
const glossary = defineCollection({
  loader: optionalFile(`${contentDir}/glossaire.yaml`),
  schema: glossaryFields,
});

export const collections = { articles, authors, categories, tags, comments, pages, glossary };
