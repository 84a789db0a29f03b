// npm run build: `astro build`, unless the site in the output folder is already what it would
// write, or only comments changed.
// - Nothing the build reads changed and no date it shows has come (src/lib/build-inputs.ts,
//   src/lib/output-expiry.ts): it stops at once.
// - Only approved comment files changed: their articles' pages get their new comment threads
//   (src/lib/comments/patch-pages.ts), in well under a second, without Astro.
// `npm run build -- --force` always builds, from scratch.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { cacheDir, contentDir, outDir } from "../src/config/paths.ts";
import { commentsAction } from "../src/config/site.ts";
import { buildInputs } from "../src/lib/build-inputs.ts";
import { readBuildStamp, stillTrue, writeBuildStamp } from "../src/lib/build-stamp.ts";
import { buildTime } from "../src/lib/build-time.ts";
import { buildHeapMb } from "../src/lib/heap-size.ts";
import { publishedComments } from "../src/lib/comments/comment-files.ts";
import { changedArticles, commentDigests, patchCommentPages } from "../src/lib/comments/patch-pages.ts";

const args = process.argv.slice(2);
// Arguments that change how much Astro says, or how much it redoes, but not the site it writes.
const SAME_SITE = new Set(["--force", "--silent", "--verbose"]);
const say = (message: string) => args.includes("--silent") || console.log(message);
const project = process.cwd();
const cache = resolve(project, cacheDir);
const content = resolve(project, contentDir);
const out = resolve(project, outDir);

let now: Date;
try {
  now = buildTime();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

/** The comments' fingerprints, or undefined when a comment file has a mistake (the build will name it). */
function commentsNow(): { byArticle: ReturnType<typeof publishedComments>; digests: Record<string, string> } | undefined {
  try {
    const byArticle = publishedComments(join(content, "comments"), (file) => relative(project, join(content, "comments", file)));
    return { byArticle, digests: commentDigests(byArticle) };
  } catch {
    return undefined;
  }
}

const sameSite = args.every((arg) => SAME_SITE.has(arg));
const inputs = sameSite ? buildInputs(project, content, process.env, ["comments"]) : undefined;
const comments = sameSite ? commentsNow() : undefined;
const last = readBuildStamp(cache);

if (inputs && comments && last?.comments && !args.includes("--force") && existsSync(join(out, "index.html")) && stillTrue(last, inputs, now)) {
  const started = performance.now();
  const changed = changedArticles(last.comments, comments.digests);
  if (changed.length === 0) {
    say(`Site à jour dans ${outDir} : rien de ce que le build lit n’a changé depuis le dernier. npm run build -- --force reconstruit tout.`);
    process.exit(0);
  }
  const patched = patchCommentPages(out, comments.byArticle, changed, commentsAction);
  if (patched) {
    writeBuildStamp(cache, { ...last, comments: comments.digests });
    const seconds = ((performance.now() - started) / 1000).toFixed(2).replace(".", ",");
    const { pages, listings } = patched;
    say(`Seuls des commentaires ont changé : ${pages.length} page(s) mise(s) à jour sans reconstruire le site (${seconds} s) : ${pages.join(", ")}`);
    if (listings.length > 0) say(`Nombre de commentaires mis à jour sur les cartes de ${listings.length} page(s) de liste : ${listings.join(", ")}`);
    process.exit(0);
  }
}

const heapMb = buildHeapMb(totalmem(), process.constrainedMemory(), process.env.NODE_OPTIONS);
const node = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
// Node keeps the compiled code of Astro, Vite and the rest between builds (about 0.7 s of a
// 6-7 s build at 1,000 articles, 2026-12-08); the folder holds nothing of the site, and Node
// checks each file's contents before it reuses its code.
const compileCache = process.env.NODE_COMPILE_CACHE ?? join(project, "node_modules/.cache/pouls-node");
const child = spawn(process.execPath, [...node, join(project, "node_modules/.bin/astro"), "build", ...args], {
  stdio: "inherit",
  env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
});
child.on("exit", (code, signal) => {
  // The preflight wrote this build's expiry as it started, and forgot the last build's inputs.
  const stamp = readBuildStamp(cache);
  if (code === 0 && inputs && comments && stamp) writeBuildStamp(cache, { ...stamp, inputs, comments: comments.digests });
  process.exit(code ?? (signal ? 1 : 0));
});
