// npm start: the local all-in-one mode. Builds the site when it is missing or older than its
// sources, then serves dist/, the comment inbox and the moderation UI on one origin.
import "../src/inbox/quiet-warnings.ts";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, readServerConfig } from "../src/inbox/config.ts";
import { serveDirectory } from "../src/inbox/http/static-files.ts";
import { generatePassword } from "../src/inbox/password.ts";
import { listen, openInbox } from "../src/inbox/server.ts";

const port = process.env.PORT || "4321";
const distDir = path.resolve(process.env.POULS_OUT_DIR || "dist");
const contentDir = path.resolve(process.env.POULS_CONTENT_DIR || "content");
// The build reads SITE_URL too (canonical URLs, the 303 back to articles): both must agree.
process.env.SITE_URL ||= `http://localhost:${port}`;

async function newestMtime(entry: string): Promise<number> {
  let info;
  try {
    info = await stat(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of await readdir(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

// A cheap mtime comparison, not a dependency graph: anything newer than the last build rebuilds.
async function buildIsStale(): Promise<boolean> {
  const built = await newestMtime(path.join(distDir, "index.html"));
  if (built === 0) return true;
  const sources = await Promise.all(
    [contentDir, "src", "public", "astro.config.mjs", "package.json"].map((entry) => newestMtime(path.resolve(entry))),
  );
  return Math.max(...sources) > built;
}

function build(): Promise<void> {
  const env = { ...process.env };
  delete env.MODERATION_PASSWORD;
  delete env.INBOX_SECRET;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("scripts/build.ts")], { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`astro build a échoué (code ${code})`))));
  });
}

if (await buildIsStale()) {
  console.log("Construction du site (astro build)…");
  await build();
}

const generatedPassword = process.env.MODERATION_PASSWORD ? null : generatePassword();
let config;
try {
  config = readServerConfig({
    ...process.env,
    PORT: port,
    INBOX_MANIFEST: process.env.INBOX_MANIFEST || path.join(distDir, "_pouls", "articles.json"),
    INBOX_SECRET: process.env.INBOX_SECRET || randomBytes(32).toString("hex"),
    MODERATION_PASSWORD: process.env.MODERATION_PASSWORD || generatedPassword || "",
    // An approved comment goes online by itself: the site is rebuilt after each publication,
    // unless INBOX_REBUILD_COMMAND says otherwise (empty: never).
    INBOX_REBUILD_COMMAND: process.env.INBOX_REBUILD_COMMAND ?? "npm run build",
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Démarrage impossible : ${error.message}`);
  process.exit(1);
}
delete process.env.MODERATION_PASSWORD;
delete process.env.INBOX_SECRET;

const inbox = await openInbox(config, (message) => console.error(`[inbox] ${message}`));
inbox.app.get("*", serveDirectory(distDir));
const server = await listen(inbox.app, config.port);
const base = `http://localhost:${server.port}`;
console.log(`Site : ${base}/`);
console.log(`Commentaires (API) : ${base}/api/comments`);
console.log(`Modération : ${base}/moderation/`);
console.log(
  config.rebuildCommand === null
    ? "Le site n’est pas reconstruit après une publication (INBOX_REBUILD_COMMAND vide) : lancez npm run build."
    : `Après chaque publication, le site est reconstruit : ${config.rebuildCommand}`,
);
if (generatedPassword !== null) {
  console.log(`Mot de passe de modération (valable pour cette exécution) : ${generatedPassword}`);
}

const stop = async (): Promise<void> => {
  await server.close();
  await inbox.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
