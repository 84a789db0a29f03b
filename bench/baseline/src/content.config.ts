import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const collections = {
  articles: defineCollection({
    loader: glob({ base: `${process.env.POULS_CONTENT_DIR}/articles`, pattern: "*.md" }),
    schema: z.looseObject({ title: z.string(), description: z.string(), date: z.coerce.date() }),
  }),
};
