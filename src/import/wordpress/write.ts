// Puts a plan on disk, or says what it would do. Running an import again changes nothing; a newer
// export updates what the import wrote before, but never a file someone changed since (the
// manifest keeps a hash of what the import wrote), nor one it did not write.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseYaml, toYaml } from "../../lib/yaml.ts";
import { REDIRECTS_FILE, redirectsToAdd } from "../../lib/redirects.ts";
import type { Plan, PlannedFile } from "./plan.ts";

export const MANIFEST = ".import-wordpress.json";

export type FileFate = "created" | "updated" | "unchanged" | "kept-edited" | "kept-existing";

export interface Written {
  fates: Map<PlannedFile, FileFate>;
  /** Images copied now (or that would be), and those already there. */
  copied: number;
  redirectsAdded: number;
  categoriesAdded: number;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Another file Astro would read as the same article: content/articles/<slug>.md(x) beside <slug>/index.md. */
function sameArticle(contentDir: string, path: string): string | undefined {
  const slug = /^articles\/([^/]+)\/index\.md$/.exec(path)?.[1];
  if (!slug) return undefined;
  return [`${slug}.md`, `${slug}.mdx`, `${slug}/index.mdx`].map((name) => join(contentDir, "articles", name)).find((file) => existsSync(file));
}

interface Manifest {
  /** Path → hash of the text the import wrote there. */
  files: Record<string, string>;
  /** WordPress item → the path it was written to. */
  items: Record<string, string>;
}

export function readManifest(contentDir: string): Manifest {
  const path = join(contentDir, MANIFEST);
  const read = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>) : {};
  return { files: read.files ?? {}, items: read.items ?? {} };
}

export function applyPlan(plan: Plan, contentDir: string, dryRun: boolean): Written {
  const manifestPath = join(contentDir, MANIFEST);
  const { files: manifest, items } = readManifest(contentDir);
  const fates = new Map<PlannedFile, FileFate>();
  for (const file of plan.files) {
    const target = join(contentDir, file.path);
    let fate: FileFate;
    if (sameArticle(contentDir, file.path)) fate = "kept-existing";
    else if (!existsSync(target)) fate = "created";
    else {
      const current = readFileSync(target, "utf8");
      if (manifest[file.path] === undefined) fate = "kept-existing";
      else if (sha(current) !== manifest[file.path]) fate = "kept-edited";
      else fate = current === file.text ? "unchanged" : "updated";
    }
    fates.set(file, fate);
    if (!dryRun && (fate === "created" || fate === "updated")) {
      writeAtomic(target, file.text);
      manifest[file.path] = sha(file.text);
    }
    if (!dryRun && file.source && fate !== "kept-existing") items[file.source] = file.path;
  }

  // Images: copied once; one already there with other bytes is someone's, and stays.
  let copied = 0;
  for (const copy of plan.copies) {
    const target = join(contentDir, copy.path);
    if (existsSync(target)) continue;
    copied++;
    if (!dryRun) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(copy.from, target);
    }
  }

  // Old addresses are added to content/redirections.txt, which editors add to as well.
  const redirectsPath = join(contentDir, REDIRECTS_FILE);
  const existingRedirects = existsSync(redirectsPath) ? readFileSync(redirectsPath, "utf8") : "";
  const newRedirects = redirectsToAdd(existingRedirects, plan.redirects);
  if (!dryRun && newRedirects.length > 0) {
    const head =
      existingRedirects === ""
        ? "# Anciennes adresses et pages où elles mènent, une par ligne : « /ancienne/ /nouvelle/ ».\n# Ajoutez-en une quand vous renommez un article. Le build les vérifie (voir README).\n"
        : existingRedirects.endsWith("\n")
          ? existingRedirects
          : `${existingRedirects}\n`;
    writeAtomic(redirectsPath, `${head}${newRedirects.join("\n")}\n`);
  }

  // Sections are added at the end of content/categories.yaml: what was there, its comments and
  // layout included, is kept byte for byte.
  const categoriesPath = join(contentDir, "categories.yaml");
  const source = existsSync(categoriesPath) ? readFileSync(categoriesPath, "utf8") : "";
  const parsed = parseYaml(source);
  const known = new Set(typeof parsed === "object" && parsed !== null ? Object.keys(parsed) : []);
  const newCategories: Record<string, unknown> = {};
  for (const { id, ...fields } of plan.categories) {
    if (known.has(id)) continue;
    known.add(id);
    newCategories[id] = fields;
  }
  const categoriesAdded = Object.keys(newCategories).length;
  // A file with no section yet (empty, comments only, or « {} ») keeps its comments only.
  const kept = typeof parsed === "object" && parsed !== null && Object.keys(parsed).length > 0 ? source : source.split("\n").filter((line) => line.startsWith("#")).join("\n");
  const categoriesText = `${kept === "" || kept.endsWith("\n") ? kept : `${kept}\n`}${toYaml(newCategories)}`;
  if (!dryRun) {
    if (categoriesAdded > 0) writeAtomic(categoriesPath, categoriesText);
    const sorted = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
    const note = "Écrit par npm run import:wordpress : l’empreinte de chaque fichier importé, pour ne jamais écraser une modification, et où va chaque élément de WordPress.";
    const text = `${JSON.stringify({ note, files: sorted(manifest), items: sorted(items) }, null, 2)}\n`;
    if (!existsSync(manifestPath) || readFileSync(manifestPath, "utf8") !== text) writeAtomic(manifestPath, text);
  }
  return { fates, copied, categoriesAdded, redirectsAdded: newRedirects.length };
}
