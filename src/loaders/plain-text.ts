// A content loader for files whose body is plain text (reader comments): front matter is
// parsed and validated, the body is kept as a string and never compiled as Markdown, so
// nothing a reader typed (an image reference, a tag) can reach the build as code or markup.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Loader } from "astro/loaders";
import { splitFrontMatter } from "../lib/front-matter.ts";

export function plainTextFiles(base: string): Loader {
  return {
    name: "pouls-plain-text",
    load: async ({ store, parseData, generateDigest, config }) => {
      const dir = resolve(config.root.pathname, base);
      let files: string[];
      try {
        files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") files = [];
        else throw error;
      }
      store.clear();
      for (const file of files.sort()) {
        const path = join(dir, file);
        const source = readFileSync(path, "utf8");
        const filePath = relative(config.root.pathname, path);
        const parts = splitFrontMatter(source);
        if (!parts) throw new Error(`${filePath} : en-tête YAML (front matter) manquant.`);
        const id = file.replace(/\.md$/, "");
        const data = await parseData({ id, data: parts.data, filePath });
        store.set({ id, data, body: parts.body.trim(), filePath, digest: generateDigest(source) });
      }
    },
  };
}
