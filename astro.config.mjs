import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { articleLinks } from "./src/markdown/article-links.ts";
import { loadArticleIndex } from "./src/markdown/article-index.ts";
import { withArticleLastmod } from "./src/markdown/sitemap-lastmod.ts";
import { frenchTypographyPlugin } from "./src/markdown/french-typography.ts";
import { figures } from "./src/markdown/figures.ts";
import { glossaryTerms, loadGlossary } from "./src/markdown/glossary-terms.ts";
import { cacheDir, contentDir, outDir } from "./src/config/paths.ts";
import { contentPreflight } from "./src/integrations/content-preflight.ts";
import pagefind from "./src/integrations/pagefind.ts";
import { redirects } from "./src/integrations/redirects.ts";
import { cardCounts } from "./src/integrations/card-counts.ts";
import { keptOutput } from "./src/integrations/kept-output.ts";

const site = process.env.SITE_URL ?? "http://localhost:4321";

export default defineConfig({
  site,
  output: "static",
  outDir,
  cacheDir,
  trailingSlash: "always",
  // Rendering is one thread, but each page is then written to disk, and Astro waits for that before
  // rendering the next one; with a few pages in flight the disk works while the next renders
  // (3,000 articles: pages in 22-25 s instead of 30-34 s).
  build: { format: "directory", concurrency: 4 },
  // A page whose cache key (src/data/page-keys.ts) and code are those of the last build is copied
  // from it rather than rendered again; `npm run build -- --force` renders every page.
  // The content store as files of 20 MB rather than one string: V8 cannot make a string of the
  // store of 100,000 articles (README, Large sites).
  experimental: { incrementalBuild: true, collectionStorage: "chunked" },
  markdown: {
    // Sätteri (Astro 7's native pipeline) with our hast plugins; README explains the choice.
    // Links first, so the titles they fill in get French spacing too; glossary terms before
    // typography, so the words they link get it as well.
    processor: satteri({
      hastPlugins: [
        articleLinks(loadArticleIndex(contentDir), { site }),
        figures,
        glossaryTerms(loadGlossary(contentDir), `${contentDir}/articles`),
        frenchTypographyPlugin,
      ],
      // Smart quotes would turn "…" into English “…” before our plugin can make « … ».
      features: {
        smartPunctuation: { quotes: false },
        gfm: { footnotes: { label: "Notes", backLabel: "Retour au texte" } },
      },
    }),
  },
  integrations: [contentPreflight(contentDir), mdx(), keptOutput(), sitemap({ filter: (page) => !page.includes("/_pouls/"), serialize: withArticleLastmod(loadArticleIndex(contentDir)) }), pagefind(), cardCounts(contentDir), redirects(contentDir, site)],
  // Benchmarks, builds and the inbox's database are outputs, not sources to watch.
  // The last build's output stays in place for an incremental build (src/integrations/kept-output.ts).
  vite: { build: { emptyOutDir: false }, server: { watch: { ignored: ["**/bench-out/**", "**/dist/**", "**/data/**"] } } },
});
