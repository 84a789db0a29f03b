// The footer's light / dark / auto switch in Chromium: hidden without JavaScript (the device's
// scheme applies), remembered across pages, applied before the first paint, back to the device's
// scheme on « Comme l’appareil ».
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import type { Page } from "playwright-core";
import { dist } from "../helpers/dist.ts";
import { siteInBrowser } from "../helpers/site-in-browser.ts";

const site = siteInBrowser();
const ARTICLE = "/articles/cancer-sein-avance-immunotherapie-cellulaire/";
const LIGHT_BG = "rgb(253, 252, 249)";
const DARK_BG = "rgb(18, 23, 21)";
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe("theme switch", () => {
  it("is not shown without JavaScript, where the device's scheme applies", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    assert.equal(await page.locator("[data-theme-switch]").isVisible(), false);
    assert.equal(await background(page), DARK_BG);
    await context.close();
  });

  it("applies the reader's choice at once, remembers it on the next page, and gives the device back its say", async () => {
    const context = await site.browser.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const select = page.getByLabel("Apparence");
    assert.ok(await select.isVisible());
    assert.equal(await select.inputValue(), "auto");
    assert.equal(await background(page), LIGHT_BG);

    await select.selectOption("dark");
    assert.equal(await background(page), DARK_BG);
    await page.goto(`${site.url}${ARTICLE}`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    assert.equal(await background(page), DARK_BG);
    assert.equal(await page.getByLabel("Apparence").inputValue(), "dark");

    await page.getByLabel("Apparence").selectOption("auto");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    await page.emulateMedia({ colorScheme: "dark" });
    assert.equal(await background(page), DARK_BG, "the device's scheme again");
    await page.emulateMedia({ colorScheme: "light" });
    assert.equal(await background(page), LIGHT_BG);
    await page.reload();
    assert.equal(await page.getByLabel("Apparence").inputValue(), "auto");
    await context.close();
  });

  it("is applied before the first paint: its script comes before every stylesheet of every page template", () => {
    for (const path of ["index.html", `${ARTICLE.slice(1)}index.html`, "recherche/index.html", "404.html"]) {
      const head = parse(readFileSync(join(dist, path), "utf8")).querySelector("head")!;
      const order = head.querySelectorAll("script, link[rel=stylesheet], style").map((element) => element.tagName.toLowerCase());
      const first = head.querySelector("script");
      assert.match(first?.textContent ?? "", /dataset\.theme/u, path);
      assert.equal(order[0], "script", `${path}: ${order.join(", ")}`);
    }
  });
});
