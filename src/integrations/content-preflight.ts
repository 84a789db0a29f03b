// Runs before Astro reads the content: checks every article file (lib/article-file-check.ts, read
// by the article index) and what refers to other files, and reports it all at once, where Astro
// would stop at the first file in error or not name the article (missing cover images). Then drops
// Astro's store of rendered Markdown when what renders it changed in a way Astro does not see: the
// code of our Markdown plugins, or a dependency (the lockfile). Articles showing another's title
// are rendered again when it changes by their loader (src/loaders/article-files.ts). A build also
// notes until when its site stays true, for `npm run build` (scripts/build.ts).
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import type { AstroIntegration } from "astro";
import { loadArticleIndex } from "../markdown/article-index.ts";
import { isPublished } from "../lib/dates.ts";
import { buildTime } from "../lib/build-time.ts";
import { checkArticles, checkCovers, formatProblems } from "../lib/validate.ts";
import { editorError, knownIds } from "../lib/content-ids.ts";
import { outputExpiry } from "../lib/output-expiry.ts";
import { writeBuildStamp } from "../lib/build-stamp.ts";
import { site } from "../config/site.ts";
import { buildMemoryProblem } from "../lib/build-memory.ts";
import { glossaryFileProblems } from "../lib/glossary.ts";
import { MARKDOWN_CODE, pathsFingerprint } from "../lib/build-inputs.ts";

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
        const now = buildTime();
        // A date in error counts as published: links to the article are not what is wrong.
        const built = articles
          .map((a) => a.check.facts)
          .filter((facts) => (command === "dev" || !facts.draft) && (facts.date === undefined || isPublished(facts.date, now)));
        const problems = [
          ...articles.flatMap((a) => a.check.problems),
          ...checkCovers(articles, (file, cover) => existsSync(resolve(dirname(file), cover))),
          ...checkArticles(built, { ...knownIds(contentDir), articles: new Set(built.map((a) => a.slug)) }),
          ...glossaryFileProblems(resolve(contentDir, "glossaire.yaml"), relative(process.cwd(), resolve(contentDir, "glossaire.yaml"))),
        ];
        // File by file, in the order of the files; each file's problems in the order found.
        problems.sort((a, b) => a.file.localeCompare(b.file));
        if (problems.length > 0) throw editorError(formatProblems(problems));
        if (command === "build") {
          // Before Astro reads the content: a site too large for the machine fails now, not once
          // the memory runs out.
          const memory = buildMemoryProblem(built.length, {
            heapBytes: getHeapStatistics().heap_size_limit,
            machineBytes: Math.min(totalmem(), process.constrainedMemory() || Infinity),
            shardPages: site.searchShardPages,
          });
          if (memory) throw editorError(memory);
          // Written before the build, without inputs: a build that fails, or one not started by
          // npm run build, leaves nothing the next npm run build could take as up to date.
          const validUntil = outputExpiry(articles.map((a) => a.check.facts), now, site.reviewMaxAgeYears, site.commentsCloseAfterDays).toISOString();
          writeBuildStamp(fileURLToPath(config.cacheDir), { validUntil });
        }

        const renders = pathsFingerprint(fileURLToPath(config.root), MARKDOWN_CODE);
        const cacheDirs = [fileURLToPath(config.cacheDir), fileURLToPath(new URL(".astro/", config.root))];
        for (const dir of cacheDirs) {
          const stamp = resolve(dir, "pouls-markdown.sha256");
          if (existsSync(stamp) && readFileSync(stamp, "utf8") === renders) continue;
          // The store in chunks (astro.config.mjs), and the one file of a build made before.
          rmSync(resolve(dir, "data-store"), { recursive: true, force: true });
          rmSync(resolve(dir, "data-store.json"), { force: true });
          mkdirSync(dir, { recursive: true });
          writeFileSync(stamp, renders);
        }
      },
    },
  };
}
