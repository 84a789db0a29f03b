// The ids other content files may refer to, read from the content tree as Astro's loaders name
// them, for the build's preflight (src/integrations/content-preflight.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "./yaml.ts";

export function knownIds(contentDir: string): { authors: Set<string>; categories: Set<string> } {
  const authorsDir = join(contentDir, "authors");
  const authors = existsSync(authorsDir)
    ? readdirSync(authorsDir).flatMap((name) => /^(.+)\.ya?ml$/.exec(name)?.[1] ?? [])
    : [];
  const categoriesFile = join(contentDir, "categories.yaml");
  const categories: unknown = existsSync(categoriesFile) ? parseYaml(readFileSync(categoriesFile, "utf8")) : {};
  return {
    authors: new Set(authors),
    categories: new Set(typeof categories === "object" && categories !== null ? Object.keys(categories) : []),
  };
}

/**
 * An error for editors: its message is the whole report, and it carries no stack, which would
 * only point into the build's own code after it.
 */
export function editorError(message: string): Error {
  const error = new Error(message);
  // Astro prints a stack under the message when there is one.
  error.stack = "";
  return error;
}
