// The baseline of the build benchmark: a bare Astro 7 site with a minimal article template and
// Pagefind run the same way (Node API at the end of the build), over the same generated articles.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import * as pagefind from "pagefind";

export default defineConfig({
  outDir: process.env.POULS_OUT_DIR,
  cacheDir: process.env.POULS_CACHE_DIR,
  // The benchmark's third build: bare, with the one change to how Astro keeps its content store
  // that the full build makes (chunked), so that the two differ only in what they render.
  ...(process.env.POULS_BARE_CHUNKED ? { experimental: { collectionStorage: "chunked" } } : {}),
  integrations: [
    {
      name: "bare-pagefind",
      hooks: {
        "astro:build:done": async ({ dir }) => {
          const out = fileURLToPath(dir);
          const { index } = await pagefind.createIndex({});
          await index.addDirectory({ path: out });
          await index.writeFiles({ outputPath: join(out, "pagefind") });
          await pagefind.close();
        },
      },
    },
  ],
});
