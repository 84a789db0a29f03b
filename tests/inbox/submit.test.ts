import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import {
  approvedComment,
  assertAlive,
  makeFixture,
  postComment,
  postJson,
  runCli,
  SECRET,
  SITE_URL,
  startInbox,
  validFields,
  type Fixture,
  type RunningInbox,
} from "./helpers.ts";
import { signTimestamp } from "../../src/inbox/timestamp.ts";

let fixture: Fixture;
let inbox: RunningInbox;

before(async () => {
  fixture = makeFixture();
  inbox = await startInbox(fixture);
});
after(() => inbox.stop());
afterEach(() => assertAlive(inbox.url));

async function listed(status: string): Promise<Record<string, unknown>[]> {
  const result = await runCli(fixture, ["list", "--status", status, "--json"]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

describe("accepted comments", () => {
  it("answers a no-JS post with 303 to the article's pending-moderation anchor", async () => {
    const response = await postComment(inbox.url, validFields({ body: "Un premier commentaire, envoyé sans JavaScript." }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), `${SITE_URL}/articles/immunotherapie-sein/#commentaire-en-attente`);
    const pending = await listed("pending");
    assert.ok(pending.some((comment) => comment.body === "Un premier commentaire, envoyé sans JavaScript."));
  });

  it("answers a JSON post with 201 and the new id, stored as pending", async () => {
    const { status, body } = await postJson(inbox.url, validFields({ body: "Envoyé avec JavaScript." }));
    assert.equal(status, 201);
    assert.equal(body.ok, true);
    assert.equal(body.status, "pending");
    assert.match(String(body.id), /^[a-z0-9]{8,32}$/u);
    const show = JSON.parse((await runCli(fixture, ["show", String(body.id), "--json"])).stdout) as Record<string, unknown>;
    assert.equal(show.status, "pending");
    assert.equal(show.article, "immunotherapie-sein");
  });

  it("lets the site's own origin read the JSON answer, and no other origin", async () => {
    const own = await postComment(inbox.url, validFields({ body: "Depuis le site lui-même." }), { json: true, headers: { Origin: SITE_URL } });
    assert.equal(own.headers.get("access-control-allow-origin"), SITE_URL);
    await own.body?.cancel();
    const foreign = await fetch(`${inbox.url}/api/comments/token`, { headers: { Origin: "https://ailleurs.example" } });
    assert.notEqual(foreign.headers.get("access-control-allow-origin"), "https://ailleurs.example");
    assert.notEqual(foreign.headers.get("access-control-allow-origin"), "*");
    await foreign.body?.cancel();
  });

  it("normalises to NFC and strips control and bidi characters from the name", async () => {
    const { body } = await postJson(
      inbox.url,
      validFields({ name: "Ame\u0301lie\u202E\u0007 \u200BB.", body: "Cafe\u0301 au lait\u0000 et\u0007 croissant\nligne deux" }),
    );
    const show = JSON.parse((await runCli(fixture, ["show", String(body.id), "--json"])).stdout) as Record<string, unknown>;
    assert.equal(show.name, "Amélie B.");
    assert.equal(show.body, "Café au lait et croissant\nligne deux");
  });

  it("tells a reader who sends the same text twice that it was already received, without a second row", async () => {
    const fields = validFields({ body: "Texte envoyé deux fois par un double clic." });
    const first = await postJson(inbox.url, fields);
    assert.equal(first.status, 201);
    const second = await postJson(inbox.url, fields);
    assert.equal(second.status, 409);
    assert.equal(second.body.error, "duplicate");
    assert.equal(second.body.id, first.body.id);
    assert.match(String(second.body.message), /^Vous avez déjà envoyé ce commentaire : il a bien été reçu/u);
    const page = await postComment(inbox.url, fields);
    assert.equal(page.status, 409);
    const html = await page.text();
    assert.match(html, /<h1>Commentaire déjà reçu<\/h1>/u);
    assert.doesNotMatch(html, /Merci/u, "not thanked as for a new comment");
    const all = await listed("all");
    assert.equal(all.filter((comment) => comment.body === "Texte envoyé deux fois par un double clic.").length, 1);
  });
});

describe("invalid fields", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["name", { name: "   " }, "name"],
    ["name", { name: "N".repeat(81) }, "name"],
    ["email", { email: "" }, "email"],
    ["email", { email: "pas-une-adresse" }, "email"],
    ["email", { email: `${"a".repeat(250)}@ex.fr` }, "email"],
    ["body", { body: " " }, "body"],
    ["body", { body: "x" }, "body"],
    ["body", { body: "e".repeat(5001) }, "body"],
  ];
  for (const [label, overrides, field] of cases) {
    it(`rejects a bad ${label} (${JSON.stringify(overrides).slice(0, 40)}) with 422 and a message for that field`, async () => {
      const { status, body } = await postJson(inbox.url, validFields(overrides));
      assert.equal(status, 422);
      assert.equal(body.ok, false);
      const errors = body.errors as Record<string, string>;
      assert.deepEqual(Object.keys(errors), [field]);
      assert.match(errors[field] as string, /\S/u);
    });
  }

  it("gives everything typed back, escaped, on the 422 HTML page", async () => {
    const typed = validFields({
      name: `Jean "<b>gras</b>"`,
      email: `jean@<script>x</script>`,
      body: `Mon texte <script>alert('x')</script>\n\ndeuxième paragraphe & co`,
    });
    const response = await postComment(inbox.url, typed);
    assert.equal(response.status, 422);
    assert.match(response.headers.get("content-type") ?? "", /text\/html/u);
    const html = await response.text();
    assert.match(html, /<html lang="fr">/u);
    assert.match(html, /adresse e-mail ne semble pas valide/u);
    assert.ok(html.includes(`value="Jean &quot;&lt;b&gt;gras&lt;/b&gt;&quot;"`));
    assert.ok(html.includes(`value="jean@&lt;script&gt;x&lt;/script&gt;"`));
    assert.ok(html.includes(`Mon texte &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\n\ndeuxième paragraphe &amp; co</textarea>`));
    assert.doesNotMatch(html, /<script/u);
    assert.match(html, /name="article" value="immunotherapie-sein"/u);
  });

  it("refuses more than two links", async () => {
    const { status, body } = await postJson(
      inbox.url,
      validFields({ body: "Voir https://a.example.fr, https://b.example.fr et www.c.example.fr" }),
    );
    assert.equal(status, 422);
    assert.match((body.errors as Record<string, string>).body ?? "", /3 liens/u);
    const two = await postJson(inbox.url, validFields({ body: "Voir https://a.example.fr et https://b.example.fr" }));
    assert.equal(two.status, 201);
  });
});

describe("articles and parents", () => {
  it("answers 404 for an unknown article, giving the text back", async () => {
    const response = await postComment(inbox.url, validFields({ article: "n-existe-pas", body: "Mon texte à garder" }));
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Mon texte à garder<\/textarea>/u);
    const json = await postJson(inbox.url, validFields({ article: "" }));
    assert.equal(json.status, 404);
    assert.equal(json.body.error, "unknown-article");
  });

  it("answers 409 for an article whose comments are closed", async () => {
    const json = await postJson(inbox.url, validFields({ article: "archive-2010" }));
    assert.equal(json.status, 409);
    assert.equal(json.body.error, "closed");
    const page = await postComment(inbox.url, validFields({ article: "archive-2010", body: "Texte fermé" }));
    assert.equal(page.status, 409);
    assert.match(await page.text(), /Texte fermé/u);
  });

  it("re-reads the manifest when the build rewrites it", async () => {
    const { utimesSync } = await import("node:fs");
    const { ARTICLES } = await import("./helpers.ts");
    const added = { slug: "nouvel-article", url: "/articles/nouvel-article/", title: "Nouveau", comments: "open" };
    writeFileSync(fixture.manifestPath, JSON.stringify({ articles: [...ARTICLES, added] }));
    const later = new Date(Date.now() + 5_000);
    utimesSync(fixture.manifestPath, later, later);
    const { status } = await postJson(inbox.url, validFields({ article: "nouvel-article" }));
    assert.equal(status, 201);
  });

  it("notices within a second that a build closed comments on an article it knows", async () => {
    const { utimesSync } = await import("node:fs");
    const { ARTICLES } = await import("./helpers.ts");
    const rewrite = (articles: typeof ARTICLES, at: Date): void => {
      writeFileSync(fixture.manifestPath, JSON.stringify({ articles }));
      utimesSync(fixture.manifestPath, at, at);
    };
    const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    rewrite(
      ARTICLES.map((article) => (article.slug === "vaccins-grippe" ? { ...article, comments: "closed" } : article)),
      new Date(Date.now() + 10_000),
    );
    await pause(1_100);
    assert.equal((await postJson(inbox.url, validFields({ article: "vaccins-grippe" }))).status, 409);
    rewrite(ARTICLES, new Date(Date.now() + 20_000));
    await pause(1_100);
    assert.equal((await postJson(inbox.url, validFields({ article: "vaccins-grippe", body: "Rouvert." }))).status, 201);
  });

  it("refuses comments from the day the build said they close by age, without waiting for a new build", async () => {
    const { utimesSync } = await import("node:fs");
    const { ARTICLES } = await import("./helpers.ts");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      fixture.manifestPath,
      JSON.stringify({
        articles: [
          ...ARTICLES,
          { slug: "ferme-ce-jour", url: "/articles/ferme-ce-jour/", title: "Fermé ce jour", comments: "open", closes: today },
          { slug: "ferme-demain", url: "/articles/ferme-demain/", title: "Fermé demain", comments: "open", closes: tomorrow },
        ],
      }),
    );
    const later = new Date(Date.now() + 30_000);
    utimesSync(fixture.manifestPath, later, later);
    const closed = await postJson(inbox.url, validFields({ article: "ferme-ce-jour" }));
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error, "closed");
    assert.equal((await postJson(inbox.url, validFields({ article: "ferme-demain" }))).status, 201);
  });

  it("accepts a reply to an approved comment of the same article", async () => {
    const parent = await approvedComment(fixture, inbox.url);
    const { status, body } = await postJson(inbox.url, validFields({ parent, body: "Je réponds." }));
    assert.equal(status, 201);
    const show = JSON.parse((await runCli(fixture, ["show", String(body.id), "--json"])).stdout) as Record<string, unknown>;
    assert.equal(show.parent, parent);
  });

  it("refuses a parent from another article, a pending parent, or an unknown one", async () => {
    const otherArticle = await approvedComment(fixture, inbox.url, { article: "vaccins-grippe" });
    const pending = String((await postJson(inbox.url, validFields({ body: "Pas encore approuvé." }))).body.id);
    for (const parent of [otherArticle, pending, "zzzzzzzzzz"]) {
      const { status, body } = await postJson(inbox.url, validFields({ parent, body: `Réponse à ${parent}` }));
      assert.equal(status, 422, parent);
      assert.ok((body.errors as Record<string, string>).parent, parent);
    }
    const page = await postComment(inbox.url, validFields({ parent: pending, body: "Réponse gardée" }));
    assert.equal(page.status, 422);
    const html = await page.text();
    assert.match(html, /Réponse gardée/u);
    assert.match(html, /name="parent" value=""/u);
  });

  it("serves a reply form for readers without JavaScript, only for published comments", async () => {
    const parent = await approvedComment(fixture, inbox.url, { name: "Paul <i>" });
    const response = await fetch(`${inbox.url}/api/comments?article=immunotherapie-sein&parent=${parent}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Répondre à Paul &lt;i&gt;<\/h1>/u);
    assert.match(html, new RegExp(`name="parent" value="${parent}"`, "u"));
    assert.match(html, /name="ts" value="[0-9a-z]+\.[\w-]{8}\.[\w-]+"/u);
    const wrong = await fetch(`${inbox.url}/api/comments?article=vaccins-grippe&parent=${parent}`);
    assert.equal(wrong.status, 404);
    await wrong.body?.cancel();
  });
  it("accepts a reply to a comment published in content/ that this inbox's store does not hold", async () => {
    const dir = path.join(fixture.contentDir, "comments", "immunotherapie-sein");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "importe1.md"),
      "---\nid: importe1\narticle: immunotherapie-sein\nparent: null\nauthor: Lectrice importée\ndate: 2020-01-01T00:00:00Z\nstaff: false\n---\n\nUn commentaire importé.\n",
    );
    const { status } = await postJson(inbox.url, validFields({ parent: "importe1", body: "Réponse à un commentaire importé." }));
    assert.equal(status, 201);
    const form = await fetch(`${inbox.url}/api/comments?article=immunotherapie-sein&parent=importe1`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /Répondre à Lectrice importée/u);
    const elsewhere = await postJson(inbox.url, validFields({ article: "vaccins-grippe", parent: "importe1", body: "Mauvais article." }));
    assert.equal(elsewhere.status, 422, "a published comment of another article is not a parent");
  });
});

describe("spam defence", () => {
  it("stores a filled honeypot as spam while the client sees the usual success", async () => {
    const page = await postComment(inbox.url, validFields({ website: "http://spam.example", body: "Achetez maintenant !" }));
    assert.equal(page.status, 303);
    const json = await postJson(inbox.url, validFields({ website: "x", body: "Encore du spam robotique." }));
    assert.equal(json.status, 201);
    assert.equal(json.body.status, "pending");
    const spam = await listed("spam");
    assert.ok(spam.some((comment) => comment.body === "Achetez maintenant !"));
    assert.ok(spam.some((comment) => comment.id === json.body.id));
    assert.ok(!(await listed("pending")).some((comment) => comment.id === json.body.id));
  });

  it("asks a reader whose form went too fast, or whose signed time is not ours, to send again, storing nothing", async () => {
    // Signed a minute ahead, so that it is too fast however slow the machine.
    const token = { ts: signTimestamp(SECRET, new Date(Date.now() + 60_000)) };
    const fast = await postJson(inbox.url, validFields({ ts: token.ts, body: "Rempli en une milliseconde." }));
    assert.equal(fast.status, 422);
    assert.equal(fast.body.error, "resend");
    assert.match(String(fast.body.message), /moins de trois secondes.*n’a pas été enregistré/u);
    assert.notEqual(fast.body.ts, token.ts, "a new signed time comes with the answer");
    const forged = await postComment(inbox.url, validFields({ ts: "zzzzzzzz.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", body: "Horodatage inventé." }));
    assert.equal(forged.status, 422);
    const html = await forged.text();
    assert.match(html, /Le formulaire n’est plus valable/u);
    assert.match(html, /Horodatage inventé\.<\/textarea>/u, "the text is given back");
    const none = await postJson(inbox.url, validFields({ body: "Sans JavaScript, sans horodatage." }));
    assert.equal(none.status, 201);
    const all = await listed("all");
    assert.ok(!all.some((comment) => comment.body === "Rempli en une milliseconde." || comment.body === "Horodatage inventé."));
    assert.ok((await listed("pending")).some((comment) => comment.id === none.body.id));
  });

  it("lets one signed form time serve one comment, and says so to a reader who reuses it", async () => {
    const ts = signTimestamp(SECRET, new Date(Date.now() - 10_000));
    const first = await postJson(inbox.url, validFields({ ts, body: "Premier commentaire avec ce formulaire." }));
    assert.equal(first.status, 201);
    const again = await postComment(inbox.url, validFields({ ts, body: "Un second avec le même formulaire." }));
    assert.equal(again.status, 422);
    const html = await again.text();
    assert.match(html, /Ce formulaire a déjà servi à envoyer un commentaire/u);
    const fresh = /name="ts" value="([^"]+)"/u.exec(html)?.[1] ?? "";
    assert.notEqual(fresh, ts, "the page carries a new signed time");
    assert.ok(!(await listed("all")).some((comment) => comment.body === "Un second avec le même formulaire."));
  });

  it("keeps the reader's own signed time on the 422 page, so a quick correction is not taken for a robot", async () => {
    const ts = signTimestamp(SECRET, new Date(Date.now() - 10_000));
    const refused = await postComment(inbox.url, validFields({ ts, email: "pas-une-adresse", body: "Corrigé aussitôt." }));
    assert.equal(refused.status, 422);
    const carried = /name="ts" value="([^"]+)"/u.exec(await refused.text())?.[1];
    assert.equal(carried, ts);
    const fixed = await postJson(inbox.url, validFields({ ts: carried, body: "Corrigé aussitôt." }));
    assert.equal(fixed.status, 201);
    assert.ok((await listed("pending")).some((comment) => comment.id === fixed.body.id));
  });
});

describe("malformed requests", () => {
  it("refuses a body over 16 KB with 413 before reading it, with or without Content-Length", async () => {
    const big = validFields({ body: "a".repeat(20_000) });
    const response = await postComment(inbox.url, big, { json: true });
    assert.equal(response.status, 413);
    await response.body?.cancel();
    const chunks = new TextEncoder().encode(new URLSearchParams(big).toString());
    const streamed = await fetch(`${inbox.url}/api/comments`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < chunks.length; i += 4096) controller.enqueue(chunks.slice(i, i + 4096));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
    await streamed.body?.cancel();
  });

  it("answers 415 to anything but a urlencoded form", async () => {
    for (const type of ["application/json", "multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded; charset=latin1"]) {
      const response = await fetch(`${inbox.url}/api/comments`, {
        method: "POST",
        headers: { "Content-Type": type, Accept: "application/json" },
        body: JSON.stringify(validFields()),
      });
      assert.equal(response.status, 415, type);
      await response.body?.cancel();
    }
  });

  it("answers 400 to broken encoding or repeated fields", async () => {
    const bodies: (string | Uint8Array<ArrayBuffer>)[] = [
      "article=immunotherapie-sein&name=A&email=a%40b.fr&body=caf%E9",
      "article=immunotherapie-sein&name=A&email=a%40b.fr&body=%zz",
      "article=immunotherapie-sein&name=A&name=B&email=a%40b.fr&body=bonjour",
      new Uint8Array([0x62, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe]),
    ];
    for (const body of bodies) {
      const response = await fetch(`${inbox.url}/api/comments`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body,
      });
      assert.equal(response.status, 400, String(body));
      const json = (await response.json()) as Record<string, unknown>;
      assert.equal(json.error, "malformed");
    }
  });

  it("never leaks internals: unknown routes get a plain 404", async () => {
    const response = await fetch(`${inbox.url}/api/comments/nope`, { method: "DELETE" });
    assert.equal(response.status, 404);
    assert.doesNotMatch(await response.text(), /at |Error|\.ts/u);
  });
});
