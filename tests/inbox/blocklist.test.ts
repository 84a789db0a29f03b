// Block rules: what a rule matches, and that a matching comment goes to spam, counted, through
// the real inbox, the CLI and the web UI.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "node-html-parser";
import { blockedBy, normalizeRuleValue } from "../../src/inbox/blocklist.ts";
import type { BlockRule } from "../../src/inbox/store/types.ts";
import { BACKENDS, inboxOnBackend } from "./backends.ts";
import { Moderator, PASSWORD, postJson, runCli, validFields } from "./helpers.ts";

const rule = (id: number, kind: BlockRule["kind"], raw: string): BlockRule => ({ id, kind, value: normalizeRuleValue(kind, raw)!, created: new Date(0), caught: 0 });

describe("block rules", () => {
  it("match whole words accents and case aside, link domains and their subdomains, and one client", () => {
    const rules = [rule(1, "mot", "Casino"), rule(2, "domaine", "https://www.pilules.example/achat"), rule(3, "client", "a".repeat(64))];
    const match = (body: string, clientHash: string | null = null, name = "Léa") => blockedBy(rules, { name, body, clientHash }).map((r) => r.id);
    assert.deepEqual(match("Le CASINO en ligne !"), [1]);
    assert.deepEqual(match("Un casinotier n’est pas un mot de la liste."), []);
    assert.deepEqual(match("Voir https://shop.pilules.example/x"), [2]);
    assert.deepEqual(match("Voir https://pilules.example.fr/x"), []);
    assert.deepEqual(match("Bonjour", "a".repeat(64)), [3]);
    assert.deepEqual(match("Bonjour", null, "Casino Royal"), [1], "the name counts too");
    assert.equal(normalizeRuleValue("domaine", "pas un domaine"), undefined);
    assert.equal(normalizeRuleValue("client", "court"), undefined);
    assert.equal(normalizeRuleValue("mot", "  "), undefined);
  });
});

for (const backend of BACKENDS) describe(`block rules in the inbox: ${backend.name}`, { skip: backend.skip }, () => {
  const on = inboxOnBackend(backend);

  const cli = async (...args: string[]): Promise<string> => {
    const result = await runCli(on.fixture, args, on.database.env);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };
  const show = async (id: string) => JSON.parse(await cli("show", id, "--json")) as { status: string; signals: string[]; clientHash: string };

  it("send a matching comment to spam, say which rule, and count it (CLI)", async () => {
    assert.match(await cli("block", "add", "mot", "Casino"), /Règle n° \d+ : mot « casino »/u);
    assert.match(await cli("block", "add", "domaine", "www.pilules.example"), /domaine « pilules\.example »/u);
    const bad = await runCli(on.fixture, ["block", "add", "domaine", "n’importe quoi"], on.database.env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /n’est pas un nom de domaine/u);
    // The inbox reads the rules again every few seconds.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const caught = await postJson(on.inbox.url, validFields({ body: "Gagnez au casino, vraiment." }));
    assert.equal(caught.status, 201, "the reader sees the usual answer");
    const stored = await show(String(caught.body.id));
    assert.equal(stored.status, "spam");
    assert.ok(stored.signals.some((s) => /Règle de blocage n° \d+ \(mot : casino\)/u.test(s)), stored.signals.join(" | "));
    const fine = await postJson(on.inbox.url, validFields({ body: "Une question sur le vaccin." }));
    assert.equal((await show(String(fine.body.id))).status, "pending");
    const rules = JSON.parse(await cli("block", "list", "--json")) as { id: number; kind: string; caught: number }[];
    assert.deepEqual(rules.map((r) => [r.kind, r.caught]), [["mot", 1], ["domaine", 0]]);
    assert.match(await cli("block", "remove", String(rules[1]!.id)), /supprimée/u);
    assert.equal((await runCli(on.fixture, ["block", "remove", "9999"], on.database.env)).code, 1);
  });

  it("are listed with their counts in the web UI, added and removed there, and block a comment's sender", async () => {
    const moderator = new Moderator(on.inbox.url);
    await moderator.login(PASSWORD);
    const first = await postJson(on.inbox.url, validFields({ body: "Un message d’un expéditeur à bloquer." }));
    const id = String(first.body.id);
    const { csrf } = await moderator.page("/moderation/");
    const blocked = await moderator.post(`/moderation/commentaires/${id}/bloquer`, { _csrf: csrf, retour: "pending" });
    assert.equal(blocked.status, 303);
    assert.match(String(blocked.headers.get("location")), /message=blocked/u);

    const page = await moderator.page("/moderation/regles");
    const rows = parse(page.html).querySelectorAll("tbody tr").map((tr) => tr.querySelectorAll("td").map((td) => td.text.trim()));
    assert.ok(rows.some((cells) => cells[1] === "mot" && cells[2] === "casino" && cells[3] === "1"), JSON.stringify(rows));
    assert.ok(rows.some((cells) => cells[1] === "expéditeur (empreinte)"));
    assert.doesNotMatch(page.html, new RegExp((await show(id)).clientHash), "the whole hash is never shown");

    const added = await moderator.post("/moderation/regles", { _csrf: page.csrf, kind: "mot", value: "Viagra" });
    assert.equal(added.status, 303);
    const wrong = await moderator.post("/moderation/regles", { _csrf: page.csrf, kind: "domaine", value: "pas un domaine" });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /Attendu : un nom de domaine/u);
    const noToken = await moderator.post("/moderation/regles", { kind: "mot", value: "x" });
    assert.equal(noToken.status, 403);
    await noToken.body?.cancel();
    const after = await moderator.page("/moderation/regles");
    const viagra = parse(after.html).querySelectorAll("tbody tr").find((tr) => tr.text.includes("viagra"))!;
    const remove = viagra.querySelector("form")!.getAttribute("action")!;
    assert.equal((await moderator.post(remove, { _csrf: after.csrf })).status, 303);
    assert.doesNotMatch((await moderator.page("/moderation/regles")).html, /viagra/u);

    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const again = await postJson(on.inbox.url, validFields({ body: "Le même expéditeur écrit encore." }));
    assert.equal((await show(String(again.body.id))).status, "spam");
  });
});
