// The last build's output, left in place: Astro renders again over it the pages whose cache key
// changed and finds the others where they are; what this build no longer makes is deleted once it
// is done.
//
// By itself Astro empties the output folder before it builds, then copies every page whose cache
// key is unchanged back from its cache: at 10,000 articles, about 8 s of every build. Moving the
// output aside and each page back (three file operations a page) still cost 3 s. Here Astro does
// not empty the folder (`vite.build.emptyOutDir: false` in astro.config.mjs). Once it is done, a
// file in the folder that Astro did not list among this build's pages and endpoints, and that was
// not written during the build (scripts, styles and images, `public/`'s files, the sitemap), is one
// a build from scratch would not write: it is deleted, and the folders it leaves empty. The search
// bundle is its integration's (pagefind.ts), which writes it whole, moving its kept indexes back.
//
// Only the output of a build that finished is kept: a build that failed midway leaves pages
// rendered from content that Astro's cache never recorded, and the next build could take such a
// page for the one its cache knows. After a failed build the folder is emptied, as Astro would,
// and Astro copies the pages it does not render from its cache.
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { BUNDLE_DIR } from "./pagefind.ts";

/** In the cache folder once a build has finished, until the next one starts. */
export const FINISHED = "pouls-output-finished";
/** Written as a build starts: what the build writes is as new as it, or newer. */
const STARTED = "pouls-output-started";

// Astro keeps these in the output folder when it empties it.
const KEPT_BY_ASTRO = new Set([".git"]);

/** When the build under way started, on the files' clock (its marker in the cache folder `cacheDir`). */
export const outputStartedAt = (cacheDir: string): number | undefined =>
  existsSync(join(cacheDir, STARTED)) ? statSync(join(cacheDir, STARTED)).mtimeMs : undefined;

/** Empties the output folder, as Astro does. */
export function emptyOutput(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir)) if (!KEPT_BY_ASTRO.has(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
}

/**
 * Deletes the files under `outDir` that are not in `built` and were last written before `since`
 * (a time in ms, from the files' own clock), but those in the top-level folders of `leave`; then
 * the folders left empty. Returns the files deleted.
 */
export function deleteStale(outDir: string, built: ReadonlySet<string>, since: number, leave: ReadonlySet<string>): string[] {
  const deleted: string[] = [];
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === outDir && (leave.has(entry.name) || KEPT_BY_ASTRO.has(entry.name))) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (walk(path)) rmdirSync(path);
        else empty = false;
      } else if (built.has(path) || lstatSync(path).mtimeMs >= since) {
        empty = false;
      } else {
        unlinkSync(path);
        deleted.push(path);
      }
    }
    return empty;
  };
  if (existsSync(outDir)) walk(outDir);
  return deleted;
}

/**
 * Must come before the search integration (pagefind.ts), which reads the pages in the output folder
 * once the build is done: the pages no longer built must be gone by then. (So after a failed build
 * its indexes, kept in the output folder between builds, go with the rest, and are made again.)
 */
export function keptOutput(): AstroIntegration {
  let outDir = "";
  let finished = "";
  let started = "";
  let since = 0;
  return {
    name: "pouls-kept-output",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        finished = fileURLToPath(new URL(FINISHED, config.cacheDir));
        started = fileURLToPath(new URL(STARTED, config.cacheDir));
      },
      "astro:build:start": () => {
        if (!existsSync(finished)) emptyOutput(outDir);
        rmSync(finished, { force: true });
        writeFileSync(started, "");
        since = statSync(started).mtimeMs;
      },
      "astro:build:done": ({ assets }) => {
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        deleteStale(outDir, built, since, new Set([BUNDLE_DIR]));
        // What the integrations after this one write (sitemap, search bundle, card counts,
        // redirect pages), they write whole on every build.
        writeFileSync(finished, "");
      },
    },
  };
}
