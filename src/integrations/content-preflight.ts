// Checks what Astro would otherwise report without naming the article: missing cover images.
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { AstroIntegration } from "astro";
import { loadArticleIndex } from "../markdown/article-index.ts";
import { checkCovers, formatProblems } from "../lib/validate.ts";

export function contentPreflight(contentDir: string): AstroIntegration {
  return {
    name: "pouls-content-preflight",
    hooks: {
      "astro:config:setup": () => {
        const articles = loadArticleIndex(contentDir).articles.map((a) => ({ ...a, file: relative(process.cwd(), a.file) }));
        const problems = checkCovers(articles, (file, cover) => existsSync(resolve(dirname(file), cover)));
        if (problems.length > 0) throw new Error(formatProblems(problems));
      },
    },
  };
}
