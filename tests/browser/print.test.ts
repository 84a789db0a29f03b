// A printed article in real Chromium: the article, its figures and sources, with the site's name,
// the page's address and the print date on top; no navigation, forms, cards or empty headings.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { origin } from "../helpers/dist.ts";
import { siteInBrowser } from "../helpers/site-in-browser.ts";

// How many elements matching `selector` are laid out (not display: none, nor inside such an element).
const shown = (page: Page, selector: string) => page.$$eval(selector, (els) => els.filter((el) => el.getClientRects().length > 0).length);

describe("printing an article", () => {
  const site = siteInBrowser();

  for (const path of ["/articles/cancer-sein-avance-immunotherapie-cellulaire/", "/articles/paracetamol-bon-usage/"]) {
    it(`keeps what a reader needs on paper (${path})`, async () => {
      const page = await site.browser.newPage();
      await page.goto(site.url + path);
      await page.emulateMedia({ media: "print" });
      const header = await page.locator(".print-header").innerText();
      assert.ok(header.includes("Pouls") && header.includes(`${origin}${path}`), header);
      assert.match(header, /Imprimé le \d{1,2} \p{L}+ \d{4}/u);
      for (const kept of ["article h1", ".prose", ".sources"]) assert.ok((await shown(page, kept)) > 0, `${kept} is printed`);
      if (path.includes("cancer-sein")) assert.ok((await shown(page, ".cover img")) > 0, "the cover is printed");
      for (const dropped of [".site-header", ".site-footer", ".breadcrumbs", ".related", ".card", ".lire-aussi", ".tags", ".comments form", ".comments-empty"])
        assert.equal(await shown(page, dropped), 0, `${dropped} is not printed`);
      // Without any approved comment, nothing of the comment section is printed, heading included.
      if ((await page.$$(".comment-list li")).length === 0) assert.equal(await shown(page, ".comments"), 0);
      await page.emulateMedia({ media: "screen" });
      assert.equal(await shown(page, ".print-header"), 0, "the print header stays off screen");
      await page.close();
    });
  }
});
