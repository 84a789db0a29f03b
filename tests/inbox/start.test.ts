import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ARTICLES, makeFixture, Moderator, postComment, ROOT, validFields } from "./helpers.ts";

describe("npm start (local all-in-one mode)", () => {
  const fixture = makeFixture();
  const dist = path.join(fixture.dir, "dist");
  let url = "";
  let password = "";
  let stop: () => Promise<void> = async () => undefined;

  before(async () => {
    mkdirSync(path.join(dist, "articles", "immunotherapie-sein"), { recursive: true });
    mkdirSync(path.join(dist, "_astro"), { recursive: true });
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Accueil</title>");
    writeFileSync(path.join(dist, "404.html"), "<!doctype html><title>Page introuvable</title>");
    writeFileSync(path.join(dist, "articles", "immunotherapie-sein", "index.html"), "<!doctype html><title>Article</title>");
    writeFileSync(path.join(dist, "_astro", "site.css"), "body{}");
    writeFileSync(path.join(dist, "_redirects"), "/2018/06/immunoth%C3%A9rapie/ /articles/immunotherapie-sein/ 301\n/ p=101 /articles/immunotherapie-sein/ 301\n");
    writeFileSync(path.join(dist, "_pouls", "articles.json"), JSON.stringify({ articles: ARTICLES }), { flag: "w" });
    // Newer than every source file: no build is started.
    const future = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
    utimesSync(path.join(dist, "index.html"), future, future);

    const env: Record<string, string> = { ...fixture.env, POULS_OUT_DIR: dist };
    delete env.MODERATION_PASSWORD;
    delete env.INBOX_SECRET;
    delete env.INBOX_MANIFEST;
    const child = spawn(process.execPath, ["scripts/start.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    stop = () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not start:\n${output}`)), 15_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const site = /Site : (http:\/\/localhost:\d+)\//u.exec(output);
        const secret = /Mot de passe de modération \(valable pour cette exécution\) : (\S+)/u.exec(output);
        if (site && secret) {
          clearTimeout(timer);
          url = site[1] as string;
          password = secret[1] as string;
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    assert.doesNotMatch(output, /astro build/u);
    // Approved comments go online by themselves in the local mode.
    assert.match(output, /Après chaque publication, le site est reconstruit : npm run build/u);
  });
  after(() => stop());

  it("serves dist/ with index.html for directories, content types and the 404 page", async () => {
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get("content-type") ?? "", /^text\/html/u);
    assert.match(await home.text(), /Accueil/u);
    const noSlash = await fetch(`${url}/articles/immunotherapie-sein?x=1`, { redirect: "manual" });
    assert.equal(noSlash.status, 301);
    assert.equal(noSlash.headers.get("location"), "/articles/immunotherapie-sein/?x=1");
    const css = await fetch(`${url}/_astro/site.css`);
    assert.match(css.headers.get("content-type") ?? "", /^text\/css/u);
    await css.body?.cancel();
    for (const pathname of ["/nulle-part/", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fpackage.json"]) {
      const missing = await fetch(`${url}${pathname}`);
      assert.equal(missing.status, 404, pathname);
      assert.match(await missing.text(), /Page introuvable/u);
    }
  });

  it("follows the build's dist/_redirects: an old permalink and a /?p=ID lead to the new page", async () => {
    for (const old of ["/2018/06/immunoth%C3%A9rapie/", "/2018/06/immunoth%c3%a9rapie/", "/?p=101"]) {
      const response = await fetch(`${url}${old}`, { redirect: "manual" });
      assert.equal(response.status, 301, old);
      assert.equal(response.headers.get("location"), "/articles/immunotherapie-sein/", old);
    }
    const home = await fetch(`${url}/`, { redirect: "manual" });
    assert.equal(home.status, 200);
    await home.body?.cancel();
  });

  it("takes comments on the same origin and redirects back to the article", async () => {
    const response = await postComment(url, validFields({ body: "Posté en mode local." }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), `http://pouls.test/articles/immunotherapie-sein/#commentaire-en-attente`);
  });

  it("prints a one-time moderation password that opens the moderation UI", async () => {
    assert.ok(password.length >= 12);
    const moderator = new Moderator(url);
    assert.equal((await moderator.login(password)).status, 303);
    const { status, html } = await moderator.page("/moderation/");
    assert.equal(status, 200);
    assert.match(html, /Posté en mode local\./u);
  });
});
