// After every build, each article card of the listing pages gets its comment count from the
// comment files (src/lib/comments/card-counts.ts), as `npm run build` does after a publication of
// comments alone.
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { fillCardCounts } from "../lib/comments/card-counts.ts";
import { publishedComments } from "../lib/comments/comment-files.ts";
import { ARTICLE_MANIFEST } from "../lib/comments/patch-pages.ts";

export function cardCounts(contentDir: string): AstroIntegration {
  return {
    name: "pouls-card-counts",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/u, "");
        const manifest = join(outDir, ARTICLE_MANIFEST);
        if (!existsSync(manifest)) return;
        const { articles } = JSON.parse(readFileSync(manifest, "utf8")) as { articles: { slug: string; url: string }[] };
        const comments = resolve(contentDir, "comments");
        const byArticle = publishedComments(comments, (file) => relative(process.cwd(), join(comments, file)));
        const written = fillCardCounts(outDir, articles, byArticle);
        logger.info(`nombre de commentaires sur les cartes : ${written.length} page(s) complétée(s)`);
      },
    },
  };
}
