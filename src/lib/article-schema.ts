// The front matter of an article, field by field: Astro's content collection (src/content.config.ts)
// and the build's preflight (src/integrations/content-preflight.ts, which reports every file's
// mistakes at once, before Astro stops at the first) read it through the same schema.
import { z } from "astro/zod";
import { evidenceDesigns } from "./evidence.ts";

// YAML turns 2018-06-07 into a Date; strings must be ISO too, since Date() would accept "le 4 mars".
export const isoDate = z
  .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "attendu : une date au format AAAA-MM-JJ",
  })
  .pipe(z.coerce.date());
const SLUG_HINT = "attendu : un identifiant en minuscules sans accents, mots séparés par des tirets";
export const slugRef = z.string({ error: SLUG_HINT }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: SLUG_HINT });

// Astro calls the schema function once per entry (for `image()`, which resolves paths against
// that entry's file), and zod compiles each new object schema on its first parse: building the
// whole article schema there cost about 2 ms per article. Only the cover depends on the entry;
// everything else is built once and joined to it.
export const articleFields = z.object({
  title: z.string({ error: "attendu : un titre non vide" }).trim().min(1, { error: "attendu : un titre non vide" }),
  description: z
    .string({ error: "attendu : un chapô (lead) non vide" })
    .trim()
    .min(1, { error: "attendu : un chapô (lead) non vide" }),
  date: isoDate,
  updated: isoDate.optional(),
  reviewed: isoDate.optional(),
  reviewer: slugRef.optional(),
  author: z.union([slugRef, z.array(slugRef).min(1)], {
    error: "attendu : l’identifiant d’un fichier de content/authors/, ou une liste d’identifiants",
  }),
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

export const coverAlt = z
  .string({ error: "attendu : un texte alternatif (alt) qui décrit l’image" })
  .trim()
  .min(1, { error: "attendu : un texte alternatif (alt) qui décrit l’image" });
export const coverCredit = z.string().optional();

/** The cover as the preflight checks it: Astro's image() resolves `src`, which the preflight checks apart. */
export const coverFields = z.object({ cover: z.object({ src: z.string(), alt: coverAlt, credit: coverCredit }).optional() });
