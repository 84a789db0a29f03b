// Runs before Astro reads the content: checks every article file (lib/article-file-check.ts, read
// by the article index) and what refers to other files, and reports it all at once, where Astro
// would stop at the first file in error or not name the article (missing cover images); drops Astro's rendered-Markdown cache when an article title changes,
// since "Lire aussi" cards and empty-text links in other, unchanged files show that title.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { loadArticleIndex } from "../markdown/article-index.ts";
import { isPublished } from "../lib/dates.ts";
import { checkArticles, checkCovers, formatProblems } from "../lib/validate.ts";
import { editorError, knownIds } from "../lib/content-ids.ts";

export function contentPreflight(contentDir: string): AstroIntegration {
  return {
    name: "pouls-content-preflight",
    hooks: {
      "astro:config:setup": ({ config, command }) => {
        const index = loadArticleIndex(contentDir);
        const articlesDir = relative(process.cwd(), resolve(contentDir, "articles")) || ".";
        if (index.articles.length === 0) {
          throw editorError(
            `Aucun article trouvé dans ${articlesDir}/. Attendu : des fichiers <slug>.md, <slug>.mdx ou <slug>/index.md ; vérifiez le dossier de contenu (POULS_CONTENT_DIR, par défaut content).`,
          );
        }
        const articles = index.articles.map((a) => ({ ...a, file: relative(process.cwd(), a.file) }));
        // Everything an editor has to fix, from every file, in one report: the schema, the
        // scaffold's placeholders, the covers, then what refers to other files.
        const now = new Date();
        // A date in error counts as published: links to the article are not what is wrong.
        const built = articles
          .map((a) => a.check.facts)
          .filter((facts) => (command === "dev" || !facts.draft) && (facts.date === undefined || isPublished(facts.date, now)));
        const problems = [
          ...articles.flatMap((a) => a.check.problems),
          ...checkCovers(articles, (file, cover) => existsSync(resolve(dirname(file), cover))),
          ...checkArticles(built, { ...knownIds(contentDir), articles: new Set(built.map((a) => a.slug)) }),
        ];
        // File by file, in the order of the files; each file's problems in the order found.
        problems.sort((a, b) => a.file.localeCompare(b.file));
        if (problems.length > 0) throw editorError(formatProblems(problems));

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
