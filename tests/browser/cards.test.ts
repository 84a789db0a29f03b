// Article cards in real Chromium, on a desktop and a phone: sharp thumbnails, rows of equal
// height, a section and a date on every card.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { siteInBrowser } from "../helpers/site-in-browser.ts";

const listings = ["/", "/rubriques/cancer/", "/tags/immunotherapie/", "/articles/cancer-sein-avance-immunotherapie-cellulaire/"];
const screens = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

describe("article cards in Chromium", () => {
  const site = siteInBrowser();

  for (const screen of screens) {
    for (const dpr of [1, 2]) {
      it(`shows thumbnails at least as sharp as they are drawn (${screen.name}, DPR ${dpr})`, async () => {
        const context = await site.browser.newContext({ viewport: screen, deviceScaleFactor: dpr });
        const page = await context.newPage();
        const blurry: string[] = [];
        let checked = 0;
        for (const path of listings) {
          await page.goto(site.url + path);
          const images = await page.$$eval(".card__img", async (imgs) => {
            const all = imgs as HTMLImageElement[];
            for (const img of all) img.loading = "eager";
            await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
            // naturalWidth is divided by the density the srcset implies; the file's own width is
            // the w descriptor of the candidate Chromium chose.
            const fileWidth = (img: HTMLImageElement) => {
              const chosen = img.srcset.split(",").map((c) => c.trim().split(/\s+/)).find(([url]) => new URL(url!, location.href).href === img.currentSrc);
              return chosen ? Number.parseInt(chosen[1] ?? "", 10) : img.naturalWidth;
            };
            return all.map((img) => ({ src: img.currentSrc, natural: fileWidth(img), drawn: img.getBoundingClientRect().width }));
          });
          checked += images.length;
          for (const img of images)
            if (img.natural < Math.round(img.drawn * dpr)) blurry.push(`${path}: ${img.src} is ${img.natural} px wide, drawn at ${img.drawn * dpr} device px`);
        }
        assert.ok(checked >= 8, `only ${checked} card thumbnails seen`);
        assert.deepEqual(blurry, []);
        await context.close();
      });
    }

    it(`gives cards of a row one height, each with a section and a date (${screen.name})`, async () => {
      const context = await site.browser.newContext({ viewport: screen });
      const page = await context.newPage();
      for (const path of listings) {
        await page.goto(site.url + path);
        const cards = await page.$$eval(".card", (els) =>
          els.map((el) => {
            const box = el.getBoundingClientRect();
            return {
              top: Math.round(box.top + window.scrollY),
              height: Math.round(box.height),
              section: el.querySelector(".card__section a")?.textContent?.trim() ?? "",
              date: el.querySelector(".card__meta time")?.getAttribute("datetime") ?? "",
            };
          }),
        );
        assert.ok(cards.length > 0, `${path}: no card`);
        for (const card of cards) {
          assert.ok(card.section, `${path}: a card without its section`);
          assert.match(card.date, /^\d{4}-\d{2}-\d{2}$/, `${path}: a card without its date`);
        }
        const rows = Map.groupBy(cards, (c) => c.top);
        for (const [top, row] of rows)
          assert.equal(new Set(row.map((c) => c.height)).size, 1, `${path}: cards at ${top} px of unequal heights ${row.map((c) => c.height)}`);
        if (screen.width > 1000) assert.ok([...rows.values()].some((row) => row.length > 1), `${path}: one card a row on a desktop`);
      }
      await context.close();
    });
  }
});
