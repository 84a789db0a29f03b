import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "../lib/yaml.ts";

export interface StaffAuthor {
  id: string;
  name: string;
}

const AUTHOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

function readAuthor(file: string): { name?: unknown; staff?: unknown } | undefined {
  try {
    const data: unknown = parseYaml(readFileSync(file, "utf8"));
    return typeof data === "object" && data !== null ? data : undefined;
  } catch {
    return undefined;
  }
}

// Read on each use: editors add staff members in content/ without restarting the inbox.
export function findStaffAuthor(contentDir: string, id: string): StaffAuthor | undefined {
  if (!AUTHOR_ID.test(id)) return undefined;
  for (const ext of ["yaml", "yml"]) {
    const author = readAuthor(path.join(contentDir, "authors", `${id}.${ext}`));
    if (author === undefined) continue;
    if (author.staff === true && typeof author.name === "string" && author.name.trim() !== "") {
      return { id, name: author.name.trim() };
    }
    return undefined;
  }
  return undefined;
}

export function listStaffAuthors(contentDir: string): StaffAuthor[] {
  let files: string[];
  try {
    files = readdirSync(path.join(contentDir, "authors"));
  } catch {
    return [];
  }
  return files
    .map((file) => /^(.+)\.ya?ml$/u.exec(file)?.[1])
    .filter((id): id is string => id !== undefined)
    .map((id) => findStaffAuthor(contentDir, id))
    .filter((author): author is StaffAuthor => author !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
