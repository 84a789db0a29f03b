// A WordPress site moved in, end to end: our French export imported into a copy of the fixture
// site, built, served by npm start (scripts/start.ts) and read in Chromium, old addresses
// included; its pending comment in the moderation queue.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { describeViolations, launch } from "../helpers/browser.ts";
import { root } from "../helpers/build.ts";
import { axeViolations, E2eSite, watchedPage } from "./harness.ts";

const exports = join(root, "tests/fixtures/wordpress");
const NEW_PAGE = "/articles/immunotherapie-cancer-sein/";

describe("a WordPress site moved in (import, build, npm start, Chromium)", () => {
  let site: E2eSite;
  let browser: Browser;

  before(async () => {
    site = new E2eSite();
    const imported = spawnSync(
      process.execPath,
      [join(root, "src/import/wordpress/main.ts"), join(exports, "pouls-fr.xml"), "--uploads", join(exports, "uploads")],
      { cwd: site.work, encoding: "utf8", env: { ...process.env, ...site.env(), DATABASE_URL: "" } },
    );
    assert.equal(imported.status, 0, imported.stderr);
    await site.init();
    await site.start();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
    site?.cleanUp();
  });

  it("shows the imported article as a reader sees it: cover and captioned figure, sources, the thread with the editorial reply", async () => {
    const { page } = await watchedPage(await browser.newContext());
    await page.goto(`${site.url}${NEW_PAGE}`);
    assert.equal(await page.locator("h1").textContent(), "L’immunothérapie & le cancer du sein avancé");
    // Lazy images are asked for now; each must come, from the site itself.
    const loaded = await page.locator("main img").evaluateAll((imgs) =>
      Promise.all(
        imgs.map((node) => {
          const img = node as HTMLImageElement;
          img.loading = "eager";
          return img.decode().then(() => img.naturalWidth > 0 && new URL(img.currentSrc).origin === location.origin, () => false);
        }),
      ),
    );
    assert.ok(loaded.length >= 5 && loaded.every(Boolean), `every image loads from the site: ${JSON.stringify(loaded)}`);
    assert.equal(await page.locator(".prose figure figcaption").textContent(), "Des lymphocytes modifiés, vus au microscope");
    assert.equal(await page.locator(".sources li").count(), 3);
    const reply = page.locator("#commentaire-wp00000001 + .comment-list--replies .comment--staff");
    assert.equal(await reply.locator(".comment-staff").textContent(), "Réponse de la rédaction");
    assert.match((await reply.locator(".comment-body").textContent()) ?? "", /pris en charge dans le cadre de l.essai/);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  it("takes an old permalink and a /?p=ID to the new page", async () => {
    const { page } = await watchedPage(await browser.newContext());
    for (const old of ["/2018/06/immunoth%C3%A9rapie-cancer-sein/", "/?p=101"]) {
      await page.goto(`${site.url}${old}`);
      assert.equal(new URL(page.url()).pathname, NEW_PAGE, old);
      assert.equal(await page.locator("h1").textContent(), "L’immunothérapie & le cancer du sein avancé", old);
    }
  });

  it("puts the comment still pending in WordPress in the moderation queue", async () => {
    assert.match(await site.cliOk(["list"]), /wp00000003 +pending +immunotherapie-cancer-sein/);
  });
});
