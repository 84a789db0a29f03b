// Runs before Astro reads the content: checks what Astro would report without naming the article
// (missing cover images), and drops Astro's rendered-Markdown cache when an article title changes,
// since "Lire aussi" cards and empty-text links in other, unchanged files show that title.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadArticleIndex } from "../markdown/article-index.ts";
import { checkCovers, formatProblems } from "../lib/validate.ts";

export function contentPreflight(contentDir: string): AstroIntegration {
  return {
    name: "pouls-content-preflight",
    hooks: {
      "astro:config:setup": ({ config }) => {
        const index = loadArticleIndex(contentDir);
        const articles = index.articles.map((a) => ({ ...a, file: relative(process.cwd(), a.file) }));
        const problems = checkCovers(articles, (file, cover) => existsSync(resolve(dirname(file), cover)));
        if (problems.length > 0) throw new Error(formatProblems(problems));

        const titles = createHash("sha256")
          .update(JSON.stringify(index.articles.map((a) => [a.slug, a.title])))
          .digest("hex");
        const cacheDirs = [fileURLToPath(config.cacheDir), fileURLToPath(new URL(".astro/", config.root))];
        for (const dir of cacheDirs) {
          const stamp = resolve(dir, "pouls-titles.sha256");
          if (existsSync(stamp) && readFileSync(stamp, "utf8") === titles) continue;
          rmSync(resolve(dir, "data-store.json"), { force: true });
          mkdirSync(dir, { recursive: true });
          writeFileSync(stamp, titles);
        }
      },
    },
  };
}
