// The build's content store module: read from Astro's file instead of compiled in as a string.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

describe("Astro's content store module, as the integration expects it", () => {
  // The integration relies on an Astro-internal module id and code shape. Should Astro change
  // either, the build still works, only slower (Astro's own module, compiled in): this test is what
  // says so, loudly, on the day of the upgrade.
  const astro = dirname(createRequire(import.meta.url).resolve("astro/package.json"));
  const read = (file: string) => readFileSync(join(astro, "dist/content", file), "utf8");

  it("still has the id and the code the integration replaces", () => {
    const advice =
      "Astro a changé le module de son magasin de contenu : src/integrations/data-store-from-disk.ts ne s’applique plus (le build marche, plus lentement, le magasin compilé dans le code). Mettez à jour DATA_STORE_MODULE ou FROM_STORE_FILE d’après node_modules/astro/dist/content/.";
    const id = /const DATA_STORE_VIRTUAL_ID = "([^"]+)";/.exec(read("consts.js"))?.[1];
    assert.equal(`\0${id}`, DATA_STORE_MODULE, advice);
    assert.ok(read("vite-plugin-content-virtual-mod.js").includes("code: `export default JSON.parse(${JSON.stringify(jsonData)})`"), advice);
  });
});
