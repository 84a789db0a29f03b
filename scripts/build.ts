// npm run build: `astro build`, unless nothing the build reads changed since the last one and no
// date it shows has come (src/lib/build-inputs.ts, src/lib/output-expiry.ts): the site in the
// output folder is then already the one it would write. `npm run build -- --force` always builds,
// from scratch.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { cacheDir, contentDir, outDir } from "../src/config/paths.ts";
import { buildInputs } from "../src/lib/build-inputs.ts";
import { readBuildStamp, stillTrue, writeBuildStamp } from "../src/lib/build-stamp.ts";
import { buildTime } from "../src/lib/build-time.ts";

const args = process.argv.slice(2);
// Arguments that change how much Astro says, or how much it redoes, but not the site it writes.
const SAME_SITE = new Set(["--force", "--silent", "--verbose"]);
const project = process.cwd();
const cache = resolve(project, cacheDir);

let now: Date;
try {
  now = buildTime();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const sameSite = args.every((arg) => SAME_SITE.has(arg));
const inputs = sameSite ? buildInputs(project, resolve(project, contentDir), process.env) : undefined;
if (inputs && !args.includes("--force") && existsSync(join(resolve(project, outDir), "index.html")) && stillTrue(readBuildStamp(cache), inputs, now)) {
  if (!args.includes("--silent")) {
    console.log(`Site à jour dans ${outDir} : rien de ce que le build lit n’a changé depuis le dernier. npm run build -- --force reconstruit tout.`);
  }
  process.exit(0);
}

const child = spawn(process.execPath, [join(project, "node_modules/.bin/astro"), "build", ...args], { stdio: "inherit" });
child.on("exit", (code, signal) => {
  if (code === 0 && inputs) {
    const stamp = readBuildStamp(cache);
    if (stamp) writeBuildStamp(cache, { ...stamp, inputs });
  }
  process.exit(code ?? (signal ? 1 : 0));
});
