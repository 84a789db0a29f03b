// npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run]
// Reads a WordPress export into the content tree (POULS_CONTENT_DIR, default content/): read.ts →
// plan.ts → write.ts, then a summary here and the full report in a Markdown file.
import "../../inbox/quiet-warnings.ts";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { contentDir } from "../../config/paths.ts";
import { knownIds } from "../../lib/content-ids.ts";
import { readStoreConfig } from "../../inbox/config.ts";
import { openStore } from "../../inbox/store/open.ts";
import { planImport } from "./plan.ts";
import { ExportError, readExport } from "./read.ts";
import { commentsLine, reportMarkdown, summarize, summaryLine } from "./report.ts";
import { applyPlan, readManifest } from "./write.ts";

export const REPORT_FILE = "import-wordpress-rapport.md";
const USAGE = "Utilisation : npm run import:wordpress -- <export.xml> [--uploads <dossier>] [--dry-run]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean" }, uploads: { type: "string" } } });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [file, ...extra] = parsed.positionals;
if (file === undefined || extra.length > 0) fail(USAGE);
const dryRun = parsed.values["dry-run"] === true;

let wxr;
try {
  wxr = await readExport(resolve(file), (n) => {
    if (n % 500 === 0) process.stderr.write(`… ${n} éléments lus\n`);
  });
} catch (error) {
  if (!(error instanceof ExportError)) throw error;
  fail(`${file} : ${error.message} Rien n’a été écrit.`);
}

const uploads = parsed.values.uploads === undefined ? undefined : resolve(parsed.values.uploads);
if (uploads !== undefined && !existsSync(uploads)) fail(`--uploads : le dossier ${uploads} n’existe pas. Rien n’a été écrit.`);
const manifest = readManifest(contentDir);
const articlesDir = join(contentDir, "articles");
const plan = planImport(wxr, {
  ...knownIds(contentDir),
  imported: new Map(Object.entries(manifest.items)),
  foreignArticles: new Set(
    (existsSync(articlesDir) ? readdirSync(articlesDir) : [])
      .map((name) => name.replace(/\.mdx?$/, ""))
      .filter((slug) => manifest.files[`articles/${slug}/index.md`] === undefined),
  ),
  findUpload: (path) => {
    const file = uploads === undefined ? undefined : join(uploads, path);
    return file !== undefined && file.startsWith(`${uploads}/`) && existsSync(file) ? file : undefined;
  },
});
const written = applyPlan(plan, contentDir, dryRun);
// Comments still waiting in WordPress wait in the inbox's queue, with their e-mail, like any other.
let queued = 0;
if (!dryRun && plan.pendingComments.length > 0) {
  const store = await openStore(readStoreConfig(process.env), (message) => console.error(message));
  try {
    for (const c of plan.pendingComments) {
      const result = await store.submit(
        {
          ...c,
          clientHash: null,
          bodyHash: createHash("sha256").update(c.body).digest("hex"),
          status: "pending",
          staff: false,
          authorId: null,
          spamScore: 0,
          signals: ["Importé de WordPress, où il attendait la modération"],
        },
        // Neither limit applies to an archive; a comment imported before is found as a duplicate.
        { floodLimit: Number.MAX_SAFE_INTEGER, floodWindowMs: 0, duplicateWindowMs: 1, queueAlert: false },
      );
      if (result.kind === "created") queued++;
    }
  } finally {
    await store.close();
  }
}
const report = reportMarkdown(file, plan, written, dryRun);
console.log(summaryLine(summarize(plan, written), written, dryRun));
console.log(commentsLine(plan, dryRun ? plan.pendingComments.length : queued, dryRun));
if (uploads === undefined && plan.entries.some((e) => e.notes.some((n) => n.startsWith("image")))) {
  console.log("Sans --uploads, aucune image n’a pu être reprise : relancez avec --uploads <dossier wp-content/uploads>.");
}
if (dryRun) {
  console.log(`\n${report}`);
} else {
  writeFileSync(REPORT_FILE, report);
  console.log(`Rapport complet : ${relative(process.cwd(), resolve(REPORT_FILE))}`);
}
