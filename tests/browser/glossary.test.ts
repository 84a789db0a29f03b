// Glossary words in an article, in Chromium without JavaScript: what a screen reader is given for
// the linked word, the definitions readers see under the text, and the link to the glossary.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { siteInBrowser } from "../helpers/site-in-browser.ts";

const site = siteInBrowser();

describe("glossary words in an article", () => {
  it("announce their definition with the word, show it under the text, and lead to the glossary entry", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/articles/bronchiolite-nourrisson-gestes/`);
    const word = page.locator('.prose a.glossary-term[href="/glossaire/#virus"]');
    assert.equal(await word.count(), 1);

    // What the browser hands to assistive technologies for the link: its name and its description.
    const cdp = await context.newCDPSession(page);
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: '.prose a.glossary-term[href="/glossaire/#virus"]' });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    const link = nodes[0]!;
    assert.equal(link.role?.value, "link");
    assert.match(String(link.name?.value), /^virus$/i);
    const definition = (await page.locator("#definition-virus").innerText()).trim();
    assert.ok(definition.length > 20, definition);
    assert.equal(String(link.description?.value).trim(), definition);

    // Nothing hidden: the definitions are text on the page, under a heading of their own.
    const list = page.getByRole("complementary", { name: "Mots expliqués" });
    assert.ok(await list.isVisible());
    assert.ok(await page.locator("#definition-virus").isVisible());

    await word.click();
    await page.waitForURL(/\/glossaire\/#virus$/);
    assert.ok(await page.locator("#virus").isVisible());
    assert.match(await page.locator("#virus").innerText(), new RegExp(definition.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await context.close();
  });
});
