// Runs a real `astro build` of a content tree into a temporary folder.
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { tempDir } from "./temp.ts";
import { PROJECT_INPUTS } from "../../src/lib/build-inputs.ts";

export const root = resolve(import.meta.dirname, "../..");
export const fixtureSite = join(root, "tests/fixtures/site");

/**
 * Astro writes the content tree's import maps to the project's .astro/ whatever the cache dir,
 * and rewrites them only when missing or changed: after building another tree, remove them so
 * the next `astro dev` or build of content/ does not import that tree's files.
 */
export function forgetContentModules(): void {
  for (const f of ["content-assets.mjs", "content-modules.mjs"]) rmSync(join(root, ".astro", f), { force: true });
}

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

export interface BuildOptions {
  /** Where the build's dist/ and cache/ go; a new folder when not given. Reuse it to build again incrementally. */
  work?: string;
  /** The project to build (a projectCopy()); this repository when not given. */
  project?: string;
  /** Astro's log of each page (rendered, or copied from the last build) in the output. */
  verbose?: boolean;
  /** More arguments of `astro build`, such as --force. */
  args?: string[];
  /** Through `npm run build` (scripts/build.ts), which stops at once when nothing changed, rather than `astro build`. */
  npm?: boolean;
}

export function build(contentDir: string, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<BuildResult> {
  const work = options.work ?? tempDir("pouls-build-");
  const outDir = join(work, "dist");
  const project = options.project ?? root;
  return new Promise((done, fail) => {
    const args = [...(options.verbose ? [] : ["--silent"]), ...(options.args ?? [])];
    const [command, ...commandArgs] = options.npm ? [process.execPath, join(project, "scripts/build.ts"), ...args] : [join(root, "node_modules/.bin/astro"), "build", ...args];
    const child = spawn(command!, commandArgs, {
      cwd: project,
      env: {
        ...process.env,
        POULS_CONTENT_DIR: contentDir,
        POULS_OUT_DIR: outDir,
        POULS_CACHE_DIR: join(work, "cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
        PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}`,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", fail);
    child.on("close", (code) => {
      if (project === root) forgetContentModules();
      done({ code: code ?? 1, output, outDir });
    });
  });
}

/** A copy of the fixture site, changed by `mutate`, for one bad-input build. */
export function fixtureCopy(mutate: (dir: string) => void): string {
  const dir = join(tempDir("pouls-content-"), "content");
  cpSync(fixtureSite, dir, { recursive: true });
  mutate(dir);
  return dir;
}

/**
 * A copy of the project's code (its dependencies linked, not copied) that a test may change, as a
 * developer would, without touching the repository's files.
 */
export function projectCopy(): string {
  const dir = tempDir("pouls-project-");
  // What a build reads (src/lib/build-inputs.ts), and npm run build itself.
  for (const entry of [...PROJECT_INPUTS, "scripts"].filter((e) => existsSync(join(root, e)))) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  return dir;
}
