// After every build, each article card of the listing pages gets its comment count from the
// comment files (src/lib/comments/card-counts.ts), as `npm run build` does after a publication of
// comments alone. Pages the build left in place (kept-output.ts) show their counts already, but
// for articles whose count changed since: only the pages written by this build, and those, are
// read. Must come after kept-output.ts, whose markers it reads.
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { fillBuiltCardCounts, readCardList, type CardList } from "../lib/comments/card-counts.ts";
import { publishedComments } from "../lib/comments/comment-files.ts";
import { ARTICLE_MANIFEST } from "../lib/comments/patch-pages.ts";
import { outputStartedAt } from "./kept-output.ts";

export function cardCounts(contentDir: string): AstroIntegration {
  let cacheDir = "";
  let outDir = "";
  // Read as the build starts: the output's stale files, this list among them, go once it is done.
  let last: CardList | undefined;
  return {
    name: "pouls-card-counts",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir).replace(/\/$/u, "");
      },
      "astro:build:start": () => {
        last = readCardList(outDir);
      },
      "astro:build:done": ({ logger }) => {
        const manifest = join(outDir, ARTICLE_MANIFEST);
        if (!existsSync(manifest)) return;
        const { articles } = JSON.parse(readFileSync(manifest, "utf8")) as { articles: { slug: string; url: string }[] };
        const comments = resolve(contentDir, "comments");
        const byArticle = publishedComments(comments, (file) => relative(process.cwd(), join(comments, file)));
        const written = fillBuiltCardCounts(outDir, articles, byArticle, last, outputStartedAt(cacheDir));
        logger.info(`nombre de commentaires sur les cartes : ${written.length} page(s) complétée(s)`);
      },
    },
  };
}
