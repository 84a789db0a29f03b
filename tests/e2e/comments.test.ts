// Reader comments end to end: a copy of the fixture site is built, served with the inbox by
// scripts/start.ts, commented on in Chromium with JavaScript off and on, moderated from the web UI
// and the CLI, rebuilt, and read again. Two `astro build` runs in all.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "node-html-parser";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { describeViolations, launch } from "../helpers/browser.ts";
import { startSmtp, type Received } from "../inbox/smtp.ts";
import { freePort, waitFor } from "../helpers/net.ts";
import { atLeastSince, axeViolations, E2eSite, filesContaining, filesUnder, PASSWORD, watchedPage, type Watched } from "./harness.ts";

const ARTICLE = "article-principal";
const FORM = "form[data-comment-form]";
const PENDING = "#commentaire-en-attente";
// The inbox classes as spam a form filled in less than 3 s after its signed time was issued.
const HUMAN_DELAY_MS = 3_300;

// What readers type. Each body carries a marker so the stored comment can be found again.
const NOJS = { name: "Paul Sansjs", email: "paul.sansjs@exemple.fr", body: "Posté sans JavaScript [nojs-1].\n\nUn second paragraphe." };
const NOJS_422 = {
  name: "   ",
  email: "lea@exemple",
  body: "Trois liens [nojs-422] : https://a.example.org/1 https://b.example.org/2 https://c.example.org/3\n\nEt une seconde ligne.",
};
const NOJS_FIXED = {
  name: "Léa Corrigée",
  email: "lea.corrigee@exemple.fr",
  body: "Deux liens suffisent [nojs-422] : https://a.example.org/1 https://b.example.org/2\n\nEt une seconde ligne.",
};
const JS_BAD = {
  name: "   ",
  email: "julie@exemple",
  body: "Commentaire [js-1] avec trop de liens : https://a.example.org/1 https://b.example.org/2 https://c.example.org/3",
};
const JS_GOOD = { name: "Julie Avecjs", email: "julie.avecjs@exemple.fr", body: "Commentaire [js-1] envoyé avec JavaScript.\n\nMerci !" };
const JS_FIRST = { name: "Zoé Première", email: "zoe.premiere@exemple.fr", body: "Premier commentaire de l’article [js-first].\n\nSur deux lignes." };
const REPLY_NOJS = { name: "Rémi Répond", email: "remi.repond@exemple.fr", body: "Je réponds à Paul sans JavaScript [reply-nojs]." };
const REPLY_JS = { name: "Inès Enplace", email: "ines.enplace@exemple.fr", body: "Je réponds à Paul sur place [reply-js]." };
// Markup and script in every field. An <img src=x> that rendered would also show as a failed request.
const EVIL = {
  name: `<img src=x onerror=alert("n1")><script>alert("n2")</script>Mallory`,
  email: `"><svg/onload=alert("e1")>@exemple.fr`,
  body: [
    `<script>alert("b1")</script> [evil-1]`,
    `<img src=x onerror=alert("b2")> <b>gras</b> <a href="javascript:alert('b3')">clic</a>`,
    "",
    `"><svg onload=alert("b4")> </textarea><script>alert("b5")</script> https://example.org/x"onmouseover="alert('b6')`,
  ].join("\n"),
};
const EVIL_INVALID_EMAIL = `"><script>alert("e2")</script><img src=x onerror=alert("e3")>`;
// Readers who tick « Me prévenir par e-mail d’une réponse ».
const NOTIFY_NOJS = { name: "Odile Prévenue", email: "odile.prevenue@exemple.fr", body: "Prévenez-moi d’une réponse [notify-nojs]." };
const NOTIFY_JS = { name: "Hugo Prévenu", email: "hugo.prevenu@exemple.fr", body: "Prévenez-moi aussi [notify-js]." };
const NOTIFY_REPLY = "Bonne question, Odile : voici la réponse de la rédaction [notify-reply].";
const STAFF_REPLY = "Merci Paul : la réponse <em>de la rédaction</em> [staff-1] est ici.";
const EMAILS = [NOJS.email, NOJS_FIXED.email, JS_GOOD.email, EVIL.email, REPLY_NOJS.email, NOTIFY_NOJS.email, NOTIFY_JS.email];
// Elements a reader could only have brought in as markup (none of them is part of the pages around).
const INJECTED = "script, img, svg, iframe, object, embed, b, em";

let site: E2eSite;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
// The link of the reply's e-mail, followed once the site is rebuilt.
let replyLink = "";
const contexts: BrowserContext[] = [];
// Ids of the comments posted along the way, used by the moderation and rebuild steps.
const ids: Record<"nojs" | "fixed" | "js" | "evil" | "reply" | "notify", string> = { nojs: "", fixed: "", js: "", evil: "", reply: "", notify: "" };

async function context(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const created = await browser.newContext({ locale: "fr-FR", ...options });
  created.setDefaultTimeout(10_000);
  contexts.push(created);
  return created;
}

async function fill(page: Page, values: { name: string; email: string; body: string }): Promise<void> {
  await page.fill("#comment-name", values.name);
  await page.fill("#comment-email", values.email);
  await page.fill("#comment-body", values.body);
}

async function values(page: Page): Promise<{ name: string; email: string; body: string }> {
  return {
    name: await page.inputValue("#comment-name"),
    email: await page.inputValue("#comment-email"),
    body: await page.inputValue("#comment-body"),
  };
}

const isCommentPost = (url: string, method: string): boolean => method === "POST" && new URL(url).pathname === "/api/comments";

/** Clicks `selector` and returns the status of the comment POST it sends (navigation or fetch). */
async function submitAndStatus(page: Page, selector: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isCommentPost(r.url(), r.request().method())),
    page.click(selector),
  ]);
  return response.status();
}

/**
 * The browser's own form submission, as without JavaScript: `form.submit()` fires no submit
 * event (the page script's handler stays out of it) and skips the browser's constraint
 * validation, so what is typed reaches the inbox as is. Used where the page must then run axe,
 * which needs JavaScript.
 */
async function nativeSubmit(page: Page, selector: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isCommentPost(r.url(), r.request().method())),
    page.waitForEvent("load"),
    page.locator(selector).evaluate((form) => HTMLFormElement.prototype.submit.call(form)),
  ]);
  return response;
}

/** The first `count` messages to `address`, once they have arrived. */
function waitForMail(address: string, count: number): Promise<Received[]> {
  return waitFor(`${count} message(s) to ${address}`, () => {
    const found = smtp.received.filter((message) => message.to.includes(address));
    return found.length >= count ? found : undefined;
  }, 20_000);
}

/** A notification link in the message's text. */
function linkIn(message: Received, purpose: "confirm" | "unsubscribe"): string {
  const link = new RegExp(`https?://\\S+/api/notifications/${purpose}\\?\\S+`, "u").exec(message.text)?.[0];
  assert.ok(link, `a ${purpose} link in:\n${message.text}`);
  return link;
}

function assertNoViolations(violations: Awaited<ReturnType<typeof axeViolations>>): void {
  assert.equal(violations.length, 0, describeViolations(violations));
}

const REFUSED = "422 POST /api/comments";

/**
 * Nothing ran that the pages do not run themselves: no dialog, no uncaught error, no console
 * error or CSP report, no request beyond the expected failures (a markup <img src=x> that rendered
 * would ask for /x). The inbox's pages declare no icon, so Chromium's /favicon.ico 404 is fine.
 */
function assertQuiet(watched: Watched, what: string, expectedFailures: readonly string[] = []): void {
  assert.deepEqual(watched.dialogs, [], `${what}: no dialog opened`);
  assert.deepEqual(watched.errors, [], `${what}: no uncaught error`);
  const suspicious = watched.console.filter(
    (line) => !line.startsWith("error: Failed to load resource") && /^error:|Content Security Policy|alert|xss/iu.test(line),
  );
  assert.deepEqual(suspicious, [], `${what}: no console error, no CSP report`);
  const unexpected = watched.failures.filter((failure) => failure !== "404 GET /favicon.ico" && !expectedFailures.includes(failure));
  assert.deepEqual(unexpected, [], `${what}: no unexpected failed request`);
}

/** Markup elements or event-handler attributes inside `root` (a CSS selector), as the browser parsed them. */
async function injectedMarkup(page: Page, root: string): Promise<string[]> {
  return page.locator(root).evaluate((element, selector) => {
    const found = [...element.querySelectorAll(selector)].map((el) => el.outerHTML);
    for (const el of [element, ...element.querySelectorAll("*")]) {
      for (const attribute of el.getAttributeNames()) {
        if (/^on/iu.test(attribute)) found.push(`${el.tagName} ${attribute}`);
      }
      const href = el.getAttribute("href") ?? "";
      if (/^\s*javascript:/iu.test(href)) found.push(`${el.tagName} href=${href}`);
    }
    return found;
  }, INJECTED);
}

async function moderatorPage(): Promise<Watched> {
  const watched = await watchedPage(await context());
  const { page } = watched;
  await page.goto(`${site.url}/moderation/`);
  assert.equal(new URL(page.url()).pathname, "/moderation/connexion");
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(`${site.url}/moderation/`), page.click("main button[type=submit]")]);
  assert.equal(await page.locator("h1").textContent(), "Commentaires : en attente");
  return watched;
}

describe("reader comments end to end (npm start, Chromium, CLI, rebuild)", () => {
  before(async () => {
    site = new E2eSite();
    const smtpPort = await freePort();
    smtp = await startSmtp(smtpPort);
    site.extraEnv = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` };
    await site.init();
    await site.start();
    browser = await launch();
  });
  after(async () => {
    for (const created of contexts) await created.close().catch(() => undefined);
    await browser?.close();
    await site?.stop();
    await smtp?.close();
    site?.cleanUp();
  });

  it("without JavaScript, a comment is answered 303 back to the article, whose awaiting-moderation message shows", async () => {
    const watched = await watchedPage(await context({ javaScriptEnabled: false }));
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE));
    assert.equal(await page.locator(PENDING).isVisible(), false, "the message is hidden until a comment is sent");
    await fill(page, NOJS);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 303);
    const stored = await site.storedWith("[nojs-1]");
    ids.nojs = stored.id;
    assert.equal(stored.status, "pending", JSON.stringify(stored));
    assert.equal(stored.article, ARTICLE);
    assert.equal(stored.parent, null);
    assert.equal(stored.name, NOJS.name);
    assert.equal(stored.body, NOJS.body);

    await page.waitForURL(`${site.articleUrl(ARTICLE)}${PENDING}`);
    assert.ok(await page.locator(PENDING).isVisible(), "the awaiting-moderation message is visible");
    assert.match((await page.locator(PENDING).textContent()) ?? "", /publié après relecture/u);
    // Whole on screen, below the form's heading rather than cut at the top edge.
    const notice = (await page.locator(PENDING).boundingBox())!;
    const heading = (await page.locator("#laisser-un-commentaire-titre").boundingBox())!;
    assert.ok(heading.y >= 0 && heading.y < notice.y, `the heading above it shows (heading at ${heading.y}, notice at ${notice.y})`);
    assert.ok(notice.y + notice.height <= page.viewportSize()!.height);
    assert.match(await page.locator(`${FORM} #comment-body-hint`).innerText(), /^Texte simple, 5\u202f000 caractères au plus/u);
    assertQuiet(watched, "article page without JavaScript");
  });

  it("without JavaScript, a 422 page explains each problem and gives back everything typed; corrected there, the comment goes through", async () => {
    const watched = await watchedPage(await context({ javaScriptEnabled: false }));
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE));
    // Values the browser's own checks let through (required, type=email) but the inbox refuses.
    await fill(page, NOJS_422);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 422);
    const shownAt = Date.now();
    assert.equal(new URL(page.url()).pathname, "/api/comments");
    assert.equal(await page.locator("h1").textContent(), "Votre commentaire n’a pas pu être envoyé");
    // In the site's own layout and styles: its header and footer, its colours, the way back first.
    assert.equal(await page.locator("header.site-header a.brand").getAttribute("href"), `${site.url}/`);
    assert.equal(await page.locator("footer.site-footer").count(), 1);
    const siteBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const article = await (await context({ javaScriptEnabled: false })).newPage();
    await article.goto(site.articleUrl(ARTICLE));
    assert.equal(siteBackground, await article.evaluate(() => getComputedStyle(document.body).backgroundColor), "the site's stylesheet applies");
    const honeypot = await page.locator(".comment-form .honeypot").boundingBox();
    assert.ok(honeypot !== null && honeypot.x + honeypot.width < 0, "the honeypot stays out of sight");
    const back = page.locator("main a", { hasText: "Revenir à l’article" }).first();
    assert.equal(await back.getAttribute("href"), site.articleUrl(ARTICLE));
    assert.ok((await back.boundingBox())!.y < (await page.locator("h1").boundingBox())!.y, "the way back comes before the form");

    const problems = await page.locator(".problems li").allTextContents();
    assert.equal(problems.length, 3, problems.join("\n"));
    assert.match(problems[0] ?? "", /^Nom : Indiquez votre nom/u);
    assert.match(problems[1] ?? "", /^Adresse e-mail : Cette adresse e-mail ne semble pas valide/u);
    assert.match(problems[2] ?? "", /^Commentaire : Votre commentaire contient 3 liens/u);
    const targets = await page.locator(".problems li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.deepEqual(targets, ["#comment-name", "#comment-email", "#comment-body"]);

    assert.deepEqual(await values(page), NOJS_422, "everything typed is given back");
    assert.equal(await page.inputValue("input[name=article]"), ARTICLE);
    assert.equal(await page.inputValue("input[name=parent]"), "");
    for (const field of ["name", "email", "body"]) {
      const input = page.locator(`#comment-${field}`);
      assert.equal(await input.getAttribute("aria-invalid"), "true", field);
      assert.ok(((await input.getAttribute("aria-describedby")) ?? "").split(" ").includes(`comment-${field}-error`), field);
      assert.ok(await page.locator(`#comment-${field}-error`).isVisible(), field);
    }

    // (Sent again within 3 s, it would come back as a 422 that says so: tests/inbox/submit.test.ts.)
    await fill(page, NOJS_FIXED);
    await atLeastSince(shownAt, HUMAN_DELAY_MS);
    assert.equal(await submitAndStatus(page, "form.comment-form button[type=submit]"), 303);
    await page.waitForURL(`${site.articleUrl(ARTICLE)}${PENDING}`);
    assert.ok(await page.locator(PENDING).isVisible());
    const stored = await site.storedWith("[nojs-422]");
    ids.fixed = stored.id;
    assert.equal(stored.status, "pending", `a corrected comment is not spam: ${JSON.stringify(stored)}`);
    assert.equal(stored.name, NOJS_FIXED.name);
    assert.equal(stored.body, NOJS_FIXED.body);
    assertQuiet(watched, "422 page without JavaScript", [REFUSED]);
  });

  it("with JavaScript, back from a post the script did not see, the notice shows once: a reload does not thank again", async () => {
    const { page } = await watchedPage(await context());
    await page.goto(`${site.articleUrl(ARTICLE)}${PENDING}`);
    await page.waitForFunction(() => location.hash === "");
    assert.ok(await page.locator(PENDING).isVisible());
    await page.reload();
    assert.equal(await page.locator(PENDING).isVisible(), false);
  });

  it("with JavaScript, errors show beside the fields and the typed text stays until the inbox has accepted it", async () => {
    const watched = await watchedPage(await context());
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE));
    // The page script asks the inbox for a signed time as soon as the reader enters the form.
    const token = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/comments/token");
    await page.click("#comment-name");
    assert.equal((await token).status(), 200);
    const tokenAt = Date.now();
    // The response arrives before the script has read its body and filled the field.
    await page.waitForFunction((selector) => document.querySelector<HTMLInputElement>(selector)?.value !== "", `${FORM} input[name=ts]`, { timeout: 5000 }).catch(() => undefined);
    assert.notEqual(await page.inputValue(`${FORM} input[name=ts]`), "");

    await fill(page, JS_BAD);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 422);
    await page.locator("#comment-name-error:not(:empty)").waitFor();
    assert.equal(new URL(page.url()).pathname, `/articles/${ARTICLE}/`, "no page change with JavaScript");
    const expected: Record<string, RegExp> = {
      name: /Indiquez votre nom/u,
      email: /ne semble pas valide/u,
      body: /contient 3 liens/u,
    };
    for (const [field, message] of Object.entries(expected)) {
      const input = page.locator(`#comment-${field}`);
      assert.equal(await input.getAttribute("aria-invalid"), "true", field);
      assert.ok(((await input.getAttribute("aria-describedby")) ?? "").split(" ").includes(`comment-${field}-error`), field);
      const error = page.locator(`#comment-${field}-error`);
      assert.ok(await error.isVisible(), field);
      assert.match((await error.textContent()) ?? "", message);
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), "comment-name", "focus goes to the first field in error");
    assert.deepEqual(await values(page), JS_BAD, "the text is kept after a refusal");
    assert.equal(await page.locator(PENDING).isVisible(), false);

    // The inbox out of reach: a clear message, nothing lost.
    await fill(page, JS_GOOD);
    await page.route(`${site.url}/api/comments`, (route) => route.abort("internetdisconnected"));
    await page.click(`${FORM} button[type=submit]`);
    await page.locator("[data-form-error]:not(:empty)").waitFor();
    assert.match((await page.locator("[data-form-error]").textContent()) ?? "", /connexion impossible.*Votre texte est conservé/u);
    assert.deepEqual(await values(page), JS_GOOD, "the text is kept after a network failure");
    assert.equal(await page.locator("#comment-name").getAttribute("aria-invalid"), null, "old field errors are cleared");
    await page.unroute(`${site.url}/api/comments`);

    await atLeastSince(tokenAt, HUMAN_DELAY_MS);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 201);
    await page.locator(`${PENDING}.is-visible`).waitFor();
    assert.ok(await page.locator(PENDING).isVisible(), "the awaiting-moderation message shows in place");
    assert.deepEqual(await values(page), { name: "", email: "", body: "" }, "the form is emptied once accepted");
    // What was sent stays in sight, marked as waiting, and "no comment yet" no longer says otherwise.
    const sent = page.locator("[data-comment-sent] li");
    assert.equal(await sent.count(), 1);
    assert.equal(await sent.locator(".comment-sent__author").textContent(), JS_GOOD.name);
    assert.equal(await sent.locator(".comment-sent__body").innerText(), JS_GOOD.body);
    assert.match((await sent.locator(".comment-sent__status").textContent()) ?? "", /^En attente de relecture/u);
    assert.equal(await page.inputValue(`${FORM} input[name=ts]`), "", "the used signed time is dropped, the next comment asks for its own");
    assert.equal(await page.locator("[data-form-error]").textContent(), "");

    const stored = await site.storedWith("[js-1]");
    ids.js = stored.id;
    assert.equal(stored.status, "pending", JSON.stringify(stored));
    assert.equal(stored.parent, null);
    assert.equal(stored.name, JS_GOOD.name);
    assert.equal(stored.body, JS_GOOD.body);
    assert.deepEqual(stored.signals, [], "the page script's signed time was accepted");
    assertQuiet(watched, "article page with JavaScript", [REFUSED, "failed POST /api/comments"]);
  });

  it("with JavaScript, a comment sent under « Aucun commentaire pour le moment » takes its place, marked as waiting", async () => {
    const watched = await watchedPage(await context());
    const { page } = watched;
    await page.goto(site.articleUrl("avec-image"));
    assert.equal(await page.locator(".comments-empty").isVisible(), true, "an article nobody has commented on yet");
    await page.click("#comment-name");
    const openedAt = Date.now();
    await fill(page, JS_FIRST);
    await atLeastSince(openedAt, HUMAN_DELAY_MS);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 201);
    await page.locator("[data-comment-sent] li").waitFor();
    assert.equal(await page.locator(".comments-empty").isVisible(), false);
    assert.equal(await page.locator("[data-comment-sent] .comment-sent__body").innerText(), JS_FIRST.body);
    assertNoViolations(await axeViolations(page));
    assertQuiet(watched, "first comment with JavaScript");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`axe: the article page with the form showing its errors (JavaScript on, ${colorScheme}) has no WCAG 2.2 AA violation`, async () => {
      const { page } = await watchedPage(await context({ colorScheme }));
      await page.goto(site.articleUrl(ARTICLE));
      await fill(page, JS_BAD);
      assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 422);
      await page.locator("#comment-body-error:not(:empty)").waitFor();
      assertNoViolations(await axeViolations(page));
    });
  }

  it("axe: the 422 page a reader without JavaScript gets has no WCAG 2.2 AA violation", async () => {
    // axe needs JavaScript; the 422 page has no script of its own, so it renders the same.
    const watched = await watchedPage(await context());
    const { page } = watched;
    // Until the icon and the cover have arrived: the post would cut them off, a failed request.
    await page.goto(site.articleUrl(ARTICLE), { waitUntil: "networkidle" });
    await fill(page, NOJS_422);
    assert.equal((await nativeSubmit(page, FORM)).status(), 422);
    assert.equal(await page.locator(".problems li").count(), 3);
    assertNoViolations(await axeViolations(page));
    assertQuiet(watched, "422 page", [REFUSED]);
  });

  it("markup and script typed in every field come back inert on the 422 page", async () => {
    const watched = await watchedPage(await context());
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE), { waitUntil: "networkidle" });
    const typed = { name: EVIL.name, email: EVIL_INVALID_EMAIL, body: EVIL.body };
    await fill(page, typed);
    const response = await nativeSubmit(page, FORM);
    assert.equal(response.status(), 422);
    const source = await response.text();
    assert.doesNotMatch(source, /<script>alert|<img src=x|<svg[\s/]onload/u, "nothing typed is sent back as markup");
    assert.deepEqual(await values(page), typed, "everything typed is given back, character for character");
    assert.deepEqual(await injectedMarkup(page, "main"), []);
    assert.equal(await page.locator("textarea").count(), 1, "the body stays inside its textarea");
    assertQuiet(watched, "422 page with markup in every field", [REFUSED]);
  });

  it("markup and script in every field are stored as text and shown inert in the moderation UI", async () => {
    // Straight to the inbox, as a bot would: the browser's own checks cannot stop that.
    const response = await fetch(`${site.url}/api/comments`, {
      method: "POST",
      redirect: "manual",
      headers: { Accept: "text/html" },
      body: new URLSearchParams({ article: ARTICLE, parent: "", name: EVIL.name, email: EVIL.email, body: EVIL.body, website: "", ts: "" }),
    });
    assert.equal(response.status, 303, await response.text());
    const stored = await site.storedWith("[evil-1]");
    ids.evil = stored.id;
    assert.equal(stored.status, "pending", JSON.stringify(stored));
    assert.equal(stored.name, EVIL.name);

    const watched = await moderatorPage();
    const { page } = watched;
    const raw = await (await page.reload())?.text();
    assert.ok(raw?.includes("&lt;script&gt;alert"), "the markup is in the page, escaped");
    assert.doesNotMatch(raw ?? "", /<script>alert|<img src=x|<svg/u);
    const block = `#c-${ids.evil}`;
    assert.equal(await page.locator(`${block} h3`).textContent(), EVIL.name);
    const body = (await page.locator(`${block} .body`).innerText()).replace(/\s+/gu, " ");
    assert.ok(body.includes(`<script>alert("b1")</script> [evil-1]`), body);
    assert.ok(body.includes(`<b>gras</b> <a href="javascript:alert('b3')">clic</a>`), body);
    assert.deepEqual(await injectedMarkup(page, `${block} h3`), []);
    assert.deepEqual(await injectedMarkup(page, `${block} .body`), []);
    assert.deepEqual(await page.locator(`${block} .body a`).count(), 0, "moderators are never given a reader's link to click");
    // Opening the staff reply form shows the name in its label too.
    await page.locator(`${block} details.reply summary`).click();
    assert.deepEqual(await injectedMarkup(page, "main"), []);
    assertQuiet(watched, "moderation list");
  });

  it("moderation UI: log in, the pending list passes axe, approve from the web UI", async () => {
    const watched = await moderatorPage();
    const { page } = watched;
    assert.ok(ids.nojs && ids.evil, "earlier steps stored the comments to approve");
    for (const id of Object.values(ids).filter(Boolean)) {
      assert.equal(await page.locator(`#c-${id}`).count(), 1, `comment ${id} is listed as pending`);
    }
    await page.locator("details.reply summary").first().click();
    assertNoViolations(await axeViolations(page));

    for (const id of [ids.nojs, ids.evil]) {
      await Promise.all([
        page.waitForURL(/message=approved/u),
        page.locator(`#c-${id} button.action-approuver`).click(),
      ]);
      assert.match((await page.locator(".flash").textContent()) ?? "", /approuvé : il sera en ligne à la prochaine construction du site/u);
      assert.equal(await page.locator(`#c-${id}`).count(), 0, "no longer pending");
      assert.ok(existsSync(join(site.contentDir, "comments", ARTICLE, `${id}.md`)), `${id}.md written`);
    }
    assertNoViolations(await axeViolations(page));
    assertQuiet(watched, "moderation actions");
    const statuses = new Map((await site.stored()).map((comment) => [comment.id, comment.status]));
    assert.equal(statuses.get(ids.nojs), "approved");
    assert.equal(statuses.get(ids.evil), "approved");
    if (ids.fixed) assert.equal(statuses.get(ids.fixed), "pending", "left pending");
  });

  it("without JavaScript, the reply link's page at the inbox answers a comment approved a moment ago", async () => {
    const watched = await watchedPage(await context({ javaScriptEnabled: false }));
    const { page } = watched;
    // The href of « Répondre » under a published comment (checked on the rebuilt page below).
    await page.goto(`${site.url}/api/comments?article=${ARTICLE}&parent=${ids.nojs}`);
    const shownAt = Date.now();
    assert.equal(await page.locator("h1").textContent(), `Répondre à ${NOJS.name}`);
    assert.match((await page.locator("blockquote").innerText()).replace(/\s+/gu, " "), /Posté sans JavaScript \[nojs-1\]/u);
    assert.equal(await page.inputValue("input[name=parent]"), ids.nojs);
    await fill(page, REPLY_NOJS);
    await atLeastSince(shownAt, HUMAN_DELAY_MS);
    assert.equal(await submitAndStatus(page, "form.comment-form button[type=submit]"), 303);
    await page.waitForURL(`${site.articleUrl(ARTICLE)}${PENDING}`);
    assert.ok(await page.locator(PENDING).isVisible());
    const stored = await site.storedWith("[reply-nojs]");
    ids.reply = stored.id;
    assert.equal(stored.status, "pending", JSON.stringify(stored));
    assert.equal(stored.parent, ids.nojs);
    assertQuiet(watched, "reply page without JavaScript");
  });

  it("CLI: approve and reply as staff publish comment files without the e-mail address", async () => {
    const reply = await site.cliOk(["reply", ids.nojs, "--as", "redaction", STAFF_REPLY]);
    assert.match(reply, /enregistrée au nom de La rédaction de test \(écrit dans content\/comments\/, en ligne à la prochaine construction/u);
    for (const id of [ids.js, ids.reply]) {
      assert.ok(id, "earlier steps stored the comments to approve");
      assert.match(await site.cliOk(["approve", id]), new RegExp(`${id} : approved \\(écrit dans content/comments/, en ligne à la prochaine construction du site : npm run build\\)`, "u"));
    }
    const staff = (await site.stored()).find((comment) => comment.body.includes("[staff-1]"));
    assert.ok(staff, "the staff reply is stored");
    assert.equal(staff.parent, ids.nojs);
    assert.equal(staff.status, "approved");

    const dir = join(site.contentDir, "comments", ARTICLE);
    const file = readFileSync(join(dir, `${staff.id}.md`), "utf8");
    assert.match(file, /^staff: true$/mu);
    assert.match(file, new RegExp(`^parent: ${ids.nojs}$`, "mu"));
    const published = readFileSync(join(dir, `${ids.js}.md`), "utf8");
    const keys = [...(/^---\n([\s\S]*?)\n---/u.exec(published)?.[1] ?? "").matchAll(/^(\w+):/gmu)].map((m) => m[1]);
    assert.deepEqual(keys.sort(), ["article", "author", "date", "id", "parent", "staff"]);
    assert.ok(!existsSync(join(dir, `${ids.fixed}.md`)), "a pending comment is not published");
    for (const email of EMAILS) assert.deepEqual(filesContaining(join(site.contentDir, "comments"), email), [], email);
  });

  it("without JavaScript, « Me prévenir » leads to the confirmation notice; the e-mail's links, opened in Chromium, confirm and then unsubscribe with one button each; the reply's e-mail links to its anchor", async () => {
    const watched = await watchedPage(await context({ javaScriptEnabled: false }));
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE));
    await fill(page, NOTIFY_NOJS);
    assert.equal(await page.locator("#comment-notify").isChecked(), false, "unticked until the reader ticks it");
    await page.check("#comment-notify");
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 303);
    await page.waitForURL(`${site.articleUrl(ARTICLE)}#commentaire-en-attente-confirmation`);
    assert.ok(await page.locator("#commentaire-en-attente-confirmation").isVisible());
    assert.equal(await page.locator(PENDING).isVisible(), false, "one notice, the one that says what happens next");
    assert.match(await page.locator("#commentaire-en-attente-confirmation").innerText(), /e-mail de confirmation/u);

    const [confirmation] = await waitForMail(NOTIFY_NOJS.email, 1);
    const confirm = linkIn(confirmation!, "confirm");
    await page.goto(confirm);
    assert.equal(await page.locator("h1").textContent(), "Confirmer : être prévenu d’une réponse");
    await Promise.all([page.waitForURL(confirm), page.click("main button[type=submit]")]);
    assert.equal(await page.locator("h1").textContent(), "C’est confirmé");

    const stored = await site.storedWith("[notify-nojs]");
    ids.notify = stored.id;
    await site.cliOk(["approve", stored.id]);
    const replyId = /Réponse (\S+) enregistrée/u.exec(await site.cliOk(["reply", stored.id, "--as", "redaction", NOTIFY_REPLY]))?.[1];
    assert.ok(replyId);
    const [, replyMail] = await waitForMail(NOTIFY_NOJS.email, 2);
    assert.match(replyMail!.text, /\[notify-reply\]/u);
    replyLink = `${site.articleUrl(ARTICLE)}#commentaire-${replyId}`;
    assert.ok(replyMail!.text.includes(replyLink), replyMail!.text);

    const unsubscribe = linkIn(replyMail!, "unsubscribe");
    await page.goto(unsubscribe);
    assert.equal(await page.locator("h1").textContent(), "Ne plus être prévenu des réponses");
    await Promise.all([page.waitForURL(unsubscribe), page.click("main button[type=submit]")]);
    assert.equal(await page.locator("h1").textContent(), "Vous êtes désabonné");
    await page.goto(unsubscribe);
    assert.equal(await page.locator("h1").textContent(), "Déjà désabonné");
    assertQuiet(watched, "notification links without JavaScript", ["410 GET /api/notifications/unsubscribe"]);
  });

  it("with JavaScript, « Me prévenir » shows the confirmation notice in place; the link's page passes axe", async () => {
    const watched = await watchedPage(await context());
    const { page } = watched;
    await page.goto(site.articleUrl(ARTICLE));
    await page.click("#comment-name");
    const openedAt = Date.now();
    await fill(page, NOTIFY_JS);
    await page.check("#comment-notify");
    await atLeastSince(openedAt, HUMAN_DELAY_MS);
    assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 201);
    const notice = page.locator("#commentaire-en-attente-confirmation");
    await notice.and(page.locator(".is-visible")).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "commentaire-en-attente-confirmation", "focus goes to the notice");
    assert.equal(await page.locator("#comment-notify").isChecked(), false, "the form is reset, the box with it");

    const [confirmation] = await waitForMail(NOTIFY_JS.email, 1);
    await page.goto(linkIn(confirmation!, "confirm"));
    assertNoViolations(await axeViolations(page));
    assertQuiet(watched, "notification with JavaScript");
  });

  describe("after a rebuild of the content tree", () => {
    before(async () => {
      await site.stop();
      await site.rebuild();
      await site.start();
    });

    it("the article shows the new comments threaded, and the staff reply as « Réponse de la rédaction »", async () => {
      const watched = await watchedPage(await context());
      const { page } = watched;
      await page.goto(site.articleUrl(ARTICLE));
      // c1, c2, c3 of the fixture; the no-JS comment, its reader and staff replies, the JS comment,
      // the hostile one, the one whose author asked to be told of replies and its staff reply.
      assert.equal(await page.locator("#commentaires-titre").textContent(), "10 commentaires");

      const top = page.locator(`#commentaires > ol > li > #commentaire-${ids.nojs}`);
      assert.ok(await top.isVisible(), "the no-JS comment is at the top level");
      assert.equal(await top.locator(".comment-author").textContent(), NOJS.name);
      assert.deepEqual(await top.locator(".comment-body p").allTextContents(), NOJS.body.split("\n\n"));

      assert.equal(
        await top.locator("a.comment-reply").getAttribute("href"),
        `/api/comments?article=${ARTICLE}&parent=${ids.nojs}`,
        "the reply link a reader without JavaScript follows",
      );

      const replies = page.locator(`li:has(> #commentaire-${ids.nojs}) > ol.comment-list--replies > li > article`);
      const replyIds = await replies.evaluateAll((articles) => articles.map((a) => a.id));
      assert.equal(replyIds.length, 2, `two replies nested under the comment: ${replyIds.join(", ")}`);
      assert.equal(replyIds[0], `commentaire-${ids.reply}`, "the reader's reply first (older)");
      const reader = page.locator(`#commentaire-${ids.reply}`);
      assert.equal(await reader.locator(".comment-author").textContent(), REPLY_NOJS.name);
      assert.equal(await reader.locator(".comment-body").innerText(), REPLY_NOJS.body);
      assert.equal(await reader.locator(".comment-staff").count(), 0);

      const staff = page.locator(`li:has(> #commentaire-${ids.nojs}) > ol.comment-list--replies > li > article.comment--staff`);
      assert.equal(await staff.count(), 1, "the staff reply is nested under the comment it answers");
      assert.equal(`#${await staff.getAttribute("id")}`, `#${replyIds[1]}`);
      assert.ok(await staff.locator(".comment-staff").isVisible());
      assert.equal(await staff.locator(".comment-staff").textContent(), "Réponse de la rédaction");
      assert.equal(await staff.locator(".comment-author").textContent(), "La rédaction de test");
      assert.equal(await staff.locator(".comment-body").innerText(), STAFF_REPLY);
      assert.equal(await staff.locator(".comment-body em").count(), 0);

      const js = page.locator(`#commentaires > ol > li > #commentaire-${ids.js}`);
      assert.ok(await js.isVisible(), "the comment posted with JavaScript is at the top level");
      assert.equal(await js.locator(".comment-author").textContent(), JS_GOOD.name);
      const order = await page.locator("#commentaires > ol > li > article").evaluateAll((articles) => articles.map((a) => a.id));
      assert.deepEqual(order, ["c1", "c3", ids.nojs, ids.js, ids.evil, ids.notify].map((id) => `commentaire-${id}`), "top level, oldest first");

      const html = await page.content();
      assert.ok(!html.includes("[nojs-422]"), "the comment left pending is not published");
      assertQuiet(watched, "rebuilt article");
    });

    it("markup typed by a reader is text on the rebuilt page, in the HTML and in Chromium", async () => {
      const file = readFileSync(join(site.outDir, "articles", ARTICLE, "index.html"), "utf8");
      const doc = parse(file);
      const comment = doc.querySelector(`#commentaire-${ids.evil}`);
      // An injected element left open (a <script> or <textarea>) would swallow the comment's own markup.
      assert.ok(comment, "the hostile comment is found in the parsed page");
      assert.equal(comment.querySelector(".comment-author")?.textContent.trim(), EVIL.name, "the name is text once parsed");
      assert.equal(comment.querySelectorAll(INJECTED).length, 0, comment.toString());
      for (const element of [comment, ...comment.querySelectorAll("*")]) {
        for (const attribute of Object.keys(element.attributes)) assert.doesNotMatch(attribute, /^on/iu, element.toString());
      }
      const links = comment.querySelectorAll(".comment-body a");
      assert.deepEqual(
        links.map((a) => [a.getAttribute("href"), a.getAttribute("rel")]),
        [["https://example.org/x", "nofollow ugc noopener"]],
        "only the plain URL becomes a link, cut before the quote",
      );

      const watched = await watchedPage(await context());
      const { page } = watched;
      await page.goto(site.articleUrl(ARTICLE));
      const block = `#commentaire-${ids.evil}`;
      assert.equal(await page.locator(`${block} .comment-author`).textContent(), EVIL.name);
      const body = (await page.locator(`${block} .comment-body`).innerText()).replace(/\s+/gu, " ");
      assert.ok(body.includes(`<script>alert("b1")</script> [evil-1]`), body);
      assert.ok(body.includes(`<img src=x onerror=alert("b2")> <b>gras</b>`), body);
      assert.deepEqual(await injectedMarkup(page, block), []);
      assert.deepEqual(await injectedMarkup(page, "#commentaire-c3"), [], "the fixture's hostile comment too");
      // The page script reads the name back when replying to it: as text.
      await page.locator(`${block} a.comment-reply`).click();
      assert.equal(await page.locator("[data-replying-text]").textContent(), `En réponse à ${EVIL.name}.`);
      assert.deepEqual(await injectedMarkup(page, "#laisser-un-commentaire"), []);
      await page.locator(`${block} .comment-body a`).hover();
      assertQuiet(watched, "rebuilt article with hostile comments");
    });

    it("with JavaScript, « Répondre » under a published comment replies in place", async () => {
      const watched = await watchedPage(await context());
      const { page } = watched;
      await page.goto(site.articleUrl(ARTICLE));
      const token = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/comments/token");
      await page.locator(`#commentaire-${ids.nojs} a.comment-reply`).click();
      assert.equal((await token).status(), 200);
      const tokenAt = Date.now();
      assert.equal(new URL(page.url()).pathname, `/articles/${ARTICLE}/`, "the link does not leave the article");
      assert.ok(await page.locator("[data-replying]").isVisible());
      assert.equal(await page.locator("[data-replying-text]").textContent(), `En réponse à ${NOJS.name}.`);
      assert.equal(await page.inputValue(`${FORM} input[name=parent]`), ids.nojs);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "comment-name", "focus goes to the first empty field");
      await fill(page, REPLY_JS);
      await atLeastSince(tokenAt, HUMAN_DELAY_MS);
      assert.equal(await submitAndStatus(page, `${FORM} button[type=submit]`), 201);
      await page.locator(`${PENDING}.is-visible`).waitFor();
      assert.equal(await page.locator("[data-replying]").isVisible(), false);
      assert.equal(await page.inputValue(`${FORM} input[name=parent]`), "");
      const stored = await site.storedWith("[reply-js]");
      assert.equal(stored.status, "pending", JSON.stringify(stored));
      assert.equal(stored.parent, ids.nojs);
      assert.deepEqual(stored.signals, []);
      assertQuiet(watched, "in-place reply");
    });

    it("the reply's e-mail link opens the reply on the rebuilt article", async () => {
      const { page } = await watchedPage(await context({ javaScriptEnabled: false }));
      await page.goto(replyLink);
      const reply = page.locator(`#${new URL(replyLink).hash.slice(1)}`);
      assert.ok(await reply.isVisible());
      assert.match(await reply.innerText(), /\[notify-reply\]/u);
    });

    it("no e-mail address appears in any file of content/, whatever path its comment took", () => {
      for (const email of EMAILS) assert.deepEqual(filesContaining(site.contentDir, email), [], email);
    });

    it("no e-mail address appears in any file of the rebuilt dist/", () => {
      const files = filesUnder(site.outDir);
      assert.ok(files.length > 20, `dist/ has files (${files.length})`);
      // The search finds what is there: published names are.
      assert.notDeepEqual(filesContaining(site.outDir, NOJS.name), [], "sanity check of the search");
      for (const email of EMAILS) assert.deepEqual(filesContaining(site.outDir, email), [], email);
      for (const email of EMAILS) {
        const local = email.split("@")[0] as string;
        assert.deepEqual(filesContaining(site.outDir, `${local}@`), [], `${local}@`);
      }
    });

    for (const colorScheme of ["light", "dark"] as const) {
      it(`axe: the rebuilt article page with its threaded comments and the awaiting-moderation message (${colorScheme}) has no WCAG 2.2 AA violation`, async () => {
        const { page } = await watchedPage(await context({ colorScheme }));
        await page.goto(`${site.articleUrl(ARTICLE)}${PENDING}`);
        assert.ok(await page.locator(PENDING).isVisible());
        assert.ok(await page.locator(".comment--staff").first().isVisible());
        assertNoViolations(await axeViolations(page));
      });
    }
  });
});
