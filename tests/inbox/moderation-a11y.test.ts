import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { approvedComment, PASSWORD, postJson, runCli, validFields, type Fixture, type RunningInbox } from "./helpers.ts";
import { BACKENDS, inboxOnBackend } from "./backends.ts";

// Debian's Chromium (apt-get install chromium), driven by playwright-core.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate("axe.run(document).then((r) => r.violations)")) as AxeViolation[];
  return found.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

// On both stores: the pages and their flows go through the same store calls as the CLI's.
for (const backend of BACKENDS) describe(`inbox pages in a browser: accessibility (axe-core) and CSP: ${backend.name}`, { skip: backend.skip }, () => {
  let fixture: Fixture;
  let inbox: RunningInbox;
  let browser: Browser;
  let page: Page;
  const cspErrors: string[] = [];
  const on = inboxOnBackend(backend);
  const cli = (args: string[]) => runCli(fixture, args, on.database.env);

  before(async () => {
    ({ fixture, inbox } = on);
    const parent = await approvedComment(fixture, inbox.url, { name: "Claire" }, { env: on.database.env });
    await postJson(inbox.url, validFields({ parent, body: "Une réponse avec https://exemple.fr" }));
    await postJson(inbox.url, validFields({ article: "vaccins-grippe", body: "Question <b>en gras</b> ?" }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/u.test(message.text())) cspErrors.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
  });

  it("login page", async () => {
    await page.goto(`${inbox.url}/moderation/`);
    assert.equal(new URL(page.url()).pathname, "/moderation/connexion");
    assert.deepEqual(await violations(page), []);
  });

  it("pending list after logging in through the form, with the stylesheet allowed by the CSP", async () => {
    await page.fill("#password", PASSWORD);
    await Promise.all([page.waitForURL(`${inbox.url}/moderation/`), page.click("button[type=submit]")]);
    assert.equal(await page.locator("h1").textContent(), "Commentaires : en attente");
    const maxWidth = await page.locator("main").evaluate((main) => getComputedStyle(main).maxWidth);
    assert.notEqual(maxWidth, "none");
    await page.locator("details.reply summary").first().click();
    assert.deepEqual(await violations(page), []);
  });

  it("tells Rejeter and Spam apart at a glance", async () => {
    const look = (selector: string) =>
      page.locator(selector).first().evaluate((button) => {
        const style = getComputedStyle(button);
        return [style.color, style.backgroundColor, style.borderStyle].join(" ");
      });
    assert.notEqual(await look("button.action-rejeter"), await look("button.action-spam"));
  });

  it("approves in one click from the browser", async () => {
    const count = await page.locator("article.comment").count();
    await Promise.all([page.waitForURL(/message=approved/u), page.locator("article.comment button.action-approuver").first().click()]);
    assert.equal(await page.locator("article.comment").count(), count - 1);
    assert.match((await page.locator(".flash").textContent()) ?? "", /approuvé/u);
    assert.deepEqual(await violations(page), []);
    // Taken back from the message: the comment is in the queue again.
    await Promise.all([page.waitForURL(/message=pending/u), page.locator(".flash button.action-annuler").click()]);
    assert.equal(await page.locator("article.comment").count(), count);
    assert.deepEqual(await violations(page), []);
  });

  it("edits a comment's text from the browser", async () => {
    const block = page.locator("article.comment").first();
    await block.locator("details.edit summary").click();
    assert.deepEqual(await violations(page), []);
    await block.locator("details.edit textarea").fill("Un texte corrigé par la rédaction.");
    await Promise.all([page.waitForURL(/message=edited/u), block.locator("details.edit button[type=submit]").click()]);
    assert.match((await page.locator(".flash").textContent()) ?? "", /Texte du commentaire modifié/u);
    assert.match((await page.locator("main").textContent()) ?? "", /Un texte corrigé par la rédaction\.[\s\S]*Texte modifié le .* par mot de passe commun/u);
  });

  it("marks several comments as spam at once from the browser, and takes a published one down", async () => {
    const count = await page.locator("article.comment").count();
    assert.ok(count >= 2, `${count} comments`);
    await page.locator(".pick input").nth(0).check();
    await page.locator(".pick input").nth(1).check();
    await Promise.all([page.waitForURL(/message=lot-spam&nombre=2/u), page.locator("#lot button.action-spam").click()]);
    assert.equal(await page.locator("article.comment").count(), count - 2);
    assert.match((await page.locator(".flash").textContent()) ?? "", /2 commentaire\(s\) classé\(s\) comme spam/u);
    assert.deepEqual(await violations(page), []);

    await page.goto(`${inbox.url}/moderation/?statut=approved`);
    const published = page.locator("article.comment").first();
    await published.locator("details.edit summary", { hasText: "Retirer du site" }).click();
    assert.deepEqual(await violations(page), []);
    await published.locator('input[name="reason"]').fill("doublon");
    await Promise.all([page.waitForURL(/message=unpublished/u), published.locator("button", { hasText: "Retirer du site" }).click()]);
    assert.match((await page.locator(".flash").textContent()) ?? "", /Commentaire retiré du site/u);
  });

  it("block rules page: a rule added from the browser is listed with its count, and removed there", async () => {
    await page.goto(`${inbox.url}/moderation/regles`);
    assert.equal(await page.locator("h1").textContent(), "Règles de blocage");
    assert.deepEqual(await violations(page), []);
    await page.selectOption("#regle-sorte", "domaine");
    await page.fill("#regle-valeur", "casino.example");
    await Promise.all([page.waitForLoadState("load"), page.click("main form[action='/moderation/regles'] button[type=submit]")]);
    const row = page.locator("tbody tr", { hasText: "casino.example" });
    assert.equal(await row.count(), 1);
    assert.match((await row.innerText()).replace(/\s+/gu, " "), /casino\.example 0/u);
    assert.deepEqual(await violations(page), []);
    await Promise.all([page.waitForLoadState("load"), row.locator("button", { hasText: "Supprimer" }).click()]);
    assert.equal(await page.locator("tbody tr", { hasText: "casino.example" }).count(), 0);
  });

  it("a named account logs in with its name from the browser, and its approval is signed with it", async () => {
    const made = await cli(["user", "add", "claire"]);
    assert.equal(made.code, 0, made.stderr);
    const password = made.stdout.trim().split("\n").at(-1)!;
    const context = await browser.newContext();
    try {
      const own = await context.newPage();
      await own.goto(`${inbox.url}/moderation/`);
      await own.fill("#name", "claire");
      await own.fill("#password", "pas le bon");
      await Promise.all([own.waitForLoadState("load"), own.click("button[type=submit]")]);
      assert.match((await own.locator("main").textContent()) ?? "", /Identifiant ou mot de passe incorrect/u);
      assert.deepEqual(await violations(own), [], "the login page with its error");
      await own.fill("#name", "claire");
      await own.fill("#password", password);
      await Promise.all([own.waitForURL(`${inbox.url}/moderation/`), own.click("button[type=submit]")]);
      const { body } = await postJson(inbox.url, validFields({ body: "Un commentaire que Claire approuve." }));
      const id = String(body.id);
      await own.reload();
      await Promise.all([own.waitForURL(/message=approved/u), own.locator(`#c-${id} button.action-approuver`).click()]);
      await own.goto(`${inbox.url}/moderation/?statut=approved`);
      assert.match((await own.locator(`#c-${id}`).textContent()) ?? "", /Approuvé le .* par claire/u);
    } finally {
      await context.close();
    }
  });

  it("reader's error page (no JavaScript) and reply page", async () => {
    await page.goto(`${inbox.url}/api/comments?article=immunotherapie-sein`);
    await page.fill("#comment-name", "Léa");
    await page.fill("#comment-email", "lea@exemple.fr");
    await page.fill("#comment-body", "Trop de liens : https://a.fr https://b.fr https://c.fr");
    await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
    assert.match((await page.locator("h1").textContent()) ?? "", /n’a pas pu être envoyé/u);
    assert.equal(await page.inputValue("#comment-body"), "Trop de liens : https://a.fr https://b.fr https://c.fr");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(cspErrors, []);
  });
});
