// Lets the build's prerendered pages read Astro's content store from its file rather than from a
// copy of it compiled into the bundle.
//
// Astro turns the store (`<cacheDir>/data-store.json`) into a module holding it as one string
// literal: about 94 MB at 10,000 articles. Node compiles that module before the first page renders,
// which took 15-25 s on one 2-core machine and 65-73 s on another, every time the content had
// changed (Node's compile cache only spares an unchanged rebuild, and the literal changes with any
// article). Reading the file when the module runs takes about a second. Only `astro build` is affected: the prerendered code runs on
// the machine that built it, beside the file; `astro dev` keeps Astro's module, which it reloads
// when content changes.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** The module id Astro gives its content store (a Vite virtual module). */
export const DATA_STORE_MODULE = "\0astro:data-layer-content";
const STORE_FILE = "data-store.json";
// How Astro's module starts when it holds the file's content (see astro/dist/content/vite-plugin-content-virtual-mod.js).
const FROM_STORE_FILE = "export default JSON.parse(";

/** The module's code: the store read from its file when the prerendered code starts. */
function dataStoreModule(file: string): string {
  return [
    'import { readFileSync } from "node:fs";',
    `export default JSON.parse(readFileSync(${JSON.stringify(file)}, "utf8"));`,
  ].join("\n");
}

export function dataStoreFromDisk(): AstroIntegration {
  return {
    name: "pouls-data-store-from-disk",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build") return;
        // Astro keeps the store in one file unless its experimental chunked storage is on, whose
        // module imports small chunks instead and needs no help.
        if (config.experimental.collectionStorage !== "single-file") return;
        const file = join(fileURLToPath(config.cacheDir), STORE_FILE);
        updateConfig({
          vite: {
            plugins: [
              {
                name: "pouls-data-store-from-disk",
                // Astro's own plugin loads the module first; this one replaces its code.
                transform: {
                  // Matched by the bundler, so the other modules never reach this hook.
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler(code, id) {
                    // Without a file Astro serves an empty store; let it.
                    if (id !== DATA_STORE_MODULE || !code.startsWith(FROM_STORE_FILE) || !existsSync(file)) return null;
                    return { code: dataStoreModule(file), map: { mappings: "" } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
