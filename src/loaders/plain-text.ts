// A content loader for files whose body is plain text (reader comments): front matter is
// parsed and validated, the body is kept as a string and never compiled as Markdown, so
// nothing a reader typed (an image reference, a tag) can reach the build as code or markup.
import { join, relative, resolve } from "node:path";
import type { Loader } from "astro/loaders";
import { readCommentFiles } from "../lib/comments/comment-files.ts";

export function plainTextFiles(base: string): Loader {
  return {
    name: "pouls-plain-text",
    load: async ({ store, parseData, generateDigest, config }) => {
      const dir = resolve(config.root.pathname, base);
      // Named from the project's root, as Astro names the files it reads.
      const named = (file: string) => relative(config.root.pathname, join(dir, file));
      const files = readCommentFiles(dir, named);
      store.clear();
      for (const { id, file, source, data, body } of files) {
        const filePath = named(file);
        store.set({ id, data: await parseData({ id, data, filePath }), body, filePath, digest: generateDigest(source) });
      }
    },
  };
}
