import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import { articleLinks } from "./src/markdown/article-links.ts";
import { loadArticleIndex } from "./src/markdown/article-index.ts";
import { withArticleLastmod } from "./src/markdown/sitemap-lastmod.ts";
import { frenchTypographyPlugin } from "./src/markdown/french-typography.ts";
import { figures } from "./src/markdown/figures.ts";
import { contentDir } from "./src/config/paths.ts";
import { contentPreflight } from "./src/integrations/content-preflight.ts";
import { dataStoreFromDisk } from "./src/integrations/data-store-from-disk.ts";
import pagefind from "./src/integrations/pagefind.ts";
import { redirects } from "./src/integrations/redirects.ts";

const site = process.env.SITE_URL ?? "http://localhost:4321";
const cacheDir =
  process.env.POULS_CACHE_DIR ??
  (contentDir === "content"
    ? undefined
    : `./node_modules/.astro-content/${createHash("sha1").update(resolve(contentDir)).digest("hex").slice(0, 12)}`);

export default defineConfig({
  site,
  output: "static",
  outDir: process.env.POULS_OUT_DIR ?? "./dist",
  // Astro's content store lives in the cache: another content tree (tests, benchmarks) gets its own,
  // or entries of both trees would mix.
  ...(cacheDir ? { cacheDir } : {}),
  trailingSlash: "always",
  // Rendering is one thread, but each page is then written to disk, and Astro waits for that before
  // rendering the next one; with a few pages in flight the disk works while the next renders
  // (3,000 articles: pages in 22-25 s instead of 30-34 s).
  build: { format: "directory", concurrency: 4 },
  // A page whose cache key (src/data/page-keys.ts) and code are those of the last build is copied
  // from it rather than rendered again; `npm run build -- --force` renders every page.
  experimental: { incrementalBuild: true },
  markdown: {
    // Sätteri (Astro 7's native pipeline) with our hast plugins; README explains the choice.
    // Links first, so the titles they fill in get French spacing too.
    processor: satteri({
      hastPlugins: [articleLinks(loadArticleIndex(contentDir), { site }), figures, frenchTypographyPlugin],
      // Smart quotes would turn "…" into English “…” before our plugin can make « … ».
      features: {
        smartPunctuation: { quotes: false },
        gfm: { footnotes: { label: "Notes", backLabel: "Retour au texte" } },
      },
    }),
  },
  integrations: [contentPreflight(contentDir), dataStoreFromDisk(), mdx(), sitemap({ filter: (page) => !page.includes("/_pouls/"), serialize: withArticleLastmod(loadArticleIndex(contentDir)) }), pagefind(), redirects(contentDir, site)],
  // Benchmarks, builds and the inbox's database are outputs, not sources to watch.
  vite: { server: { watch: { ignored: ["**/bench-out/**", "**/dist/**", "**/data/**"] } } },
});
