// The build's content store module: read from Astro's file instead of compiled in as a string.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { DATA_STORE_MODULE, dataStoreFromDisk } from "../../src/integrations/data-store-from-disk.ts";
import { tempDir } from "../helpers/temp.ts";

type SetupOptions = Parameters<NonNullable<AstroIntegration["hooks"]["astro:config:setup"]>>[0];

/** The Vite plugins the integration adds for this command, with the cache dir at `cacheDir`. */
function pluginsFor(command: "build" | "dev", cacheDir: string, collectionStorage = "single-file"): Plugin[] {
  const plugins: Plugin[] = [];
  const setup = dataStoreFromDisk().hooks["astro:config:setup"];
  void setup?.({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental: { collectionStorage } },
    updateConfig: (config: { vite?: { plugins?: Plugin[] } }) => plugins.push(...(config.vite?.plugins ?? [])),
  } as unknown as SetupOptions);
  return plugins;
}

function transform(plugin: Plugin, code: string, id: string): { code: string } | null {
  const hook = plugin.transform as { handler: (code: string, id: string) => { code: string } | null };
  return hook.handler.call({}, code, id);
}

const importModule = async (code: string): Promise<unknown> =>
  ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;

// What Astro's module holds: the file's text as a string literal, parsed when the module runs.
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

describe("content store read from its file", () => {
  const store = JSON.stringify([{ articles: 1 }, [2], "« l’article »", "2026-12-04T00:00:00.000Z"]);

  it("gives the pages of a build what Astro's module would, read from the file", async () => {
    const dir = tempDir("pouls-store-");
    writeFileSync(join(dir, "data-store.json"), store);
    const [plugin] = pluginsFor("build", dir);
    assert.ok(plugin);
    const replaced = transform(plugin, astroModule(store), DATA_STORE_MODULE);
    assert.ok(replaced);
    assert.doesNotMatch(replaced.code, /l’article/, "the store is no longer in the code");
    assert.deepEqual(await importModule(replaced.code), await importModule(astroModule(store)));
  });

  it("leaves every other module, and a build without a store file, to Astro", () => {
    const dir = tempDir("pouls-store-");
    const [plugin] = pluginsFor("build", dir);
    assert.ok(plugin);
    assert.equal(transform(plugin, astroModule(store), DATA_STORE_MODULE), null, "no file: Astro's empty store stays");
    writeFileSync(join(dir, "data-store.json"), store);
    assert.equal(transform(plugin, astroModule(store), "\0astro:content"), null);
    assert.equal(transform(plugin, "export default new Map()", DATA_STORE_MODULE), null);
  });

  it("changes nothing in `astro dev` nor with Astro's chunked storage", () => {
    const dir = tempDir("pouls-store-");
    assert.deepEqual(pluginsFor("dev", dir), []);
    assert.deepEqual(pluginsFor("build", dir, "chunked"), []);
  });
});
