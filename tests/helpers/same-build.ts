// Compares two built sites file by file, for tests that demand the same bytes.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return [path.slice(dir.length + 1), createHash("sha256").update(readFileSync(path)).digest("hex")];
  }));
}

/** The files (relative paths) that are in one folder only, or differ between them; sorted. */
export function differingFiles(a: string, b: string): string[] {
  const left = hashes(a);
  const right = hashes(b);
  return [...new Set([...left.keys(), ...right.keys()])].filter((path) => left.get(path) !== right.get(path)).sort();
}

/** How many files the folder holds under `sub` (e.g. "pagefind"). */
export function filesUnder(dir: string, sub: string): number {
  const inside = join(dir, sub);
  return existsSync(inside) ? readdirSync(inside, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length : 0;
}
