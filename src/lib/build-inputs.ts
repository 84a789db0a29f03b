// Everything a build reads, as one fingerprint: the content tree, the project's code and settings,
// and the environment variables the build looks at. Two builds with the same fingerprint, before
// the first one's expiry (output-expiry.ts), write the same site, so `npm run build` can stop at
// once (scripts/build.ts).
import { createHash, type Hash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * The code that reads and renders the articles' Markdown, outside Astro's sight: the config, our
 * plugins and what they import, the lockfile and the patches made to dependencies. Caches of what
 * that code made (Astro's store of rendered Markdown, the article index) are keyed on it.
 */
export const MARKDOWN_CODE = ["astro.config.mjs", "package-lock.json", "src/markdown", "src/lib", "src/config", "patches"];

/** What a build reads in the project, besides the content tree and the .env files; patches/ changes dependencies. */
export const PROJECT_INPUTS = ["src", "public", "patches", "astro.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];

/** Ours, Astro's and Vite's, the site's address, the time zone: what a build or a dependency may read. */
const BUILD_ENV = /^(POULS_|PUBLIC_|ASTRO_|VITE_|SITE_URL$|NODE_ENV$|TZ$)/;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A file by its bytes, a symbolic link by its target, a folder by all it holds but `leaveOut`. */
function addPath(hash: Hash, root: string, path: string, leaveOut: ReadonlySet<string> = new Set()): void {
  if (leaveOut.has(path)) return;
  const full = join(root, path);
  if (!existsSync(full)) {
    hash.update(`absent ${path}\0`);
    return;
  }
  const info = lstatSync(full);
  if (info.isSymbolicLink()) {
    hash.update(`link ${path}\0${readlinkSync(full)}\0`);
  } else if (info.isDirectory()) {
    hash.update(`folder ${path}\0`);
    for (const name of readdirSync(full).sort(byName)) addPath(hash, root, join(path, name), leaveOut);
  } else {
    hash.update(`file ${path}\0`).update(readFileSync(full)).update("\0");
  }
}

/** The fingerprint of some files and folders of a project (what a cache made by that code is keyed on). */
export function pathsFingerprint(root: string, paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of paths) addPath(hash, root, path);
  return hash.digest("hex");
}

/** `leaveOut`: paths in the content folder fingerprinted otherwise (the comments, by scripts/build.ts). */
export function buildInputs(projectRoot: string, contentDir: string, env: NodeJS.ProcessEnv, leaveOut: string[] = []): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(env).filter((n) => BUILD_ENV.test(n)).sort(byName)) hash.update(`env ${name}=${env[name]}\0`);
  const dotenv = readdirSync(projectRoot).filter((name) => name.startsWith(".env"));
  for (const input of [...PROJECT_INPUTS, ...dotenv.sort(byName)]) addPath(hash, projectRoot, input);
  hash.update(`content ${relative(projectRoot, contentDir)}\0`);
  addPath(hash, contentDir, ".", new Set(leaveOut));
  return hash.digest("hex");
}
