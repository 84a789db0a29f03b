// What the last build wrote down for the next one, in the cache folder: until when its site stays
// true (set by every build as it starts, which also forgets the inputs of the build before), and
// the inputs it was made from, its comments apart (added by `npm run build` once the build
// succeeded, and the comments again each time it publishes comments by itself).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface BuildStamp {
  /** ISO time (output-expiry.ts). */
  validUntil: string;
  /** build-inputs.ts, but the comments, taken before the build read anything. */
  inputs?: string;
  /** The fingerprint of each article's comments (comments/patch-pages.ts), as the site shows them. */
  comments?: Record<string, string>;
}

const file = (cacheDir: string) => join(cacheDir, "pouls-build.json");

export function readBuildStamp(cacheDir: string): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(file(cacheDir), "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

export function writeBuildStamp(cacheDir: string, stamp: BuildStamp): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file(cacheDir), `${JSON.stringify(stamp)}\n`);
}

/** The last build was made from these inputs, and what it shows has not expired yet. */
export const stillTrue = (stamp: BuildStamp | undefined, inputs: string, now: Date): boolean =>
  stamp?.inputs === inputs && now < new Date(stamp.validUntil);
