// The last build's output, moved aside rather than deleted, so that an incremental build moves each
// page it does not render back into place instead of copying it from Astro's cache.
//
// Astro empties the output folder before it builds, then copies every page whose cache key is
// unchanged back from its cache (`incremental-build.json` and `dist/` in the cache folder): at
// 10,000 articles, deleting 13,400 pages and copying them back cost about 8 s of every build. Here
// the build starts by moving the output folder's entries into `pouls-previous-output/` in the
// cache folder (a rename each), Astro finds an empty folder, and its restore (patched:
// patches/astro+7.3.5.patch, `restoreOutputFile`) renames the page from there when it is there,
// and copies it from its cache otherwise. What is left there once the pages are built (pages no
// longer built, or built again) is deleted.
//
// A page moved back is the last build's output, where the cache holds what Astro rendered: the
// same bytes but for what the build itself writes into pages afterwards, which every build writes
// again (comment counts on cards, card-counts.ts; the search page's index hashes, pagefind.ts);
// the comments of a page are in its cache key (src/data/page-keys.ts), so a page whose thread was
// written by `npm run build` alone is rendered again by the next Astro build.
//
// Only the output of a build that finished is moved back: a build that failed midway leaves pages
// rendered from content that Astro's cache never recorded, and the next build could take such a
// page for the one its cache knows. After a failed build, Astro copies every page from its cache.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** Its folder in Astro's cache folder; the Astro patch reads it from there too. */
export const PREVIOUS_OUTPUT = "pouls-previous-output/";

/** In the cache folder once a build has finished, until the next one starts. */
export const FINISHED = "pouls-output-finished";

// Astro keeps these in the output folder when it empties it.
const KEPT_BY_ASTRO = new Set([".git"]);

/** Moves the output folder's entries into `previous`; false when they could not all be moved. */
export function moveAside(outDir: string, previous: string): boolean {
  rmSync(previous, { recursive: true, force: true });
  if (!existsSync(outDir)) return true;
  mkdirSync(previous, { recursive: true });
  for (const entry of readdirSync(outDir)) {
    if (KEPT_BY_ASTRO.has(entry)) continue;
    try {
      renameSync(join(outDir, entry), join(previous, entry));
    } catch (error) {
      // Another file system (EXDEV) or a busy file: what was not moved, Astro deletes as usual.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      return false;
    }
  }
  return true;
}

/**
 * Must come after the search integration (pagefind.ts), which takes the last build's search
 * indexes out of the output folder at the same moment.
 */
export function previousOutput(): AstroIntegration {
  let outDir = "";
  let previous = "";
  let finished = "";
  let incremental = false;
  return {
    name: "pouls-previous-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        previous = fileURLToPath(new URL(PREVIOUS_OUTPUT, config.cacheDir));
        finished = fileURLToPath(new URL(FINISHED, config.cacheDir));
        incremental = (config.experimental as { incrementalBuild?: boolean }).incrementalBuild === true;
      },
      "astro:build:start": () => {
        const lastFinished = existsSync(finished);
        rmSync(finished, { force: true });
        if (incremental && lastFinished) moveAside(outDir, previous);
        else rmSync(previous, { recursive: true, force: true });
      },
      "astro:build:done": () => {
        rmSync(previous, { recursive: true, force: true });
        // What the integrations after this one write (card counts, redirect pages) they write
        // whole on every build.
        writeFileSync(finished, "");
      },
    },
  };
}
