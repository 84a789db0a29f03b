import { defineCollection, type ImageFunction } from "astro:content";
import { file, glob } from "astro/loaders";
import { z } from "astro/zod";
import { contentDir } from "./config/paths.ts";
import { plainTextFiles } from "./loaders/plain-text.ts";
import { optionalFile } from "./loaders/optional-file.ts";
import { evidenceDesigns } from "./lib/evidence.ts";

// YAML turns 2018-06-07 into a Date; strings must be ISO too, since Date() would accept "le 4 mars".
const isoDate = z
  .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "attendu : une date au format AAAA-MM-JJ",
  })
  .pipe(z.coerce.date());
const slugRef = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "attendu : un identifiant en minuscules sans accents, mots séparés par des tirets",
});

// Astro calls the schema function once per entry (for `image()`, which resolves paths against
// that entry's file), and zod compiles each new object schema on its first parse: building the
// whole article schema there cost about 2 ms per article. Only the cover depends on the entry;
// everything else is built once and joined to it.
const articleFields = z.object({
  title: z.string().trim().min(1, { error: "attendu : un titre non vide" }),
  description: z.string().trim().min(1, { error: "attendu : un chapô (lead) non vide" }),
  date: isoDate,
  updated: isoDate.optional(),
  reviewed: isoDate.optional(),
  reviewer: slugRef.optional(),
  author: z.union([slugRef, z.array(slugRef).min(1)]),
  category: slugRef,
  tags: z.array(z.string().trim().min(1)).default([]),
  sources: z
    .array(
      z.object({
        title: z.string().min(1),
        publisher: z.string().optional(),
        date: isoDate.optional(),
        url: z.url({ error: "attendu : une adresse complète https://…" }).optional(),
        doi: z
          .string()
          .regex(/^10\.\d{4,9}\/\S+$/, { error: "attendu : un DOI de la forme 10.xxxx/…" })
          .optional(),
        kind: z.enum(["study", "report", "press", "guideline", "other"]).optional(),
      }),
    )
    .default([]),
  evidence: z
    .object({
      design: z.enum(evidenceDesigns, {
        error: `attendu : un type d’étude parmi ${evidenceDesigns.join(", ")}`,
      }),
      participants: z.number().int().positive().optional(),
      published: z.string().optional(),
      availability: z.string().optional(),
      unknowns: z.string().optional(),
    })
    .optional(),
  about: z.string().trim().min(1).optional(),
  corrections: z.array(z.object({ date: isoDate, text: z.string().trim().min(1) })).default([]),
  related: z.array(slugRef).default([]),
  suggest: z.boolean().default(true),
  draft: z.boolean().default(false),
  comments: z.enum(["open", "closed"]).default("open"),
});

const coverAlt = z
  .string({ error: "attendu : un texte alternatif (alt) qui décrit l’image" })
  .trim()
  .min(1, { error: "attendu : un texte alternatif (alt) qui décrit l’image" });
const coverCredit = z.string().optional();

const articleCover = (image: ImageFunction) =>
  z.object({ cover: z.object({ src: image(), alt: coverAlt, credit: coverCredit }).optional() });

const articles = defineCollection({
  loader: glob({
    base: `${contentDir}/articles`,
    pattern: ["*.{md,mdx}", "*/index.{md,mdx}"],
  }),
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
  schema: z.object({
    id: z.string().min(1),
    article: slugRef,
    parent: z.string().nullish(),
    author: z.string().min(1),
    date: isoDate,
    staff: z.boolean().default(false),
  }),
});

const pages = defineCollection({
  loader: glob({ base: `${contentDir}/pages`, pattern: "*.md" }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    updated: isoDate,
  }),
});

export const collections = { articles, authors, categories, tags, comments, pages };
