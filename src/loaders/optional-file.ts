// Astro's file() loader for a data file that editors may leave out: with no file there is simply
// no entry, instead of the "File not found" error Astro logs on every build.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { file, type Loader } from "astro/loaders";

export function optionalFile(path: string): Loader {
  const loader = file(path);
  return {
    name: "pouls-optional-file",
    load: async (context) => {
      if (existsSync(resolve(context.config.root.pathname, path))) return loader.load(context);
      context.store.clear();
    },
  };
}
