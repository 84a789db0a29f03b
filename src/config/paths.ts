import { createHash } from "node:crypto";
import { resolve } from "node:path";

// Where editors' content lives. Tests point this at fixture trees; everything else uses the default.
export const contentDir: string = process.env.POULS_CONTENT_DIR ?? "content";

export const outDir: string = process.env.POULS_OUT_DIR ?? "./dist";

// Astro's content store lives in the cache: another content tree (tests, benchmarks) gets its own,
// or entries of both trees would mix. Astro's own default is ./node_modules/.astro.
export const cacheDir: string =
  process.env.POULS_CACHE_DIR ??
  (contentDir === "content"
    ? "./node_modules/.astro"
    : `./node_modules/.astro-content/${createHash("sha1").update(resolve(contentDir)).digest("hex").slice(0, 12)}`);
