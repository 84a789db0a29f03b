import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RecentSubmissions, type RecentRow } from "../../src/inbox/store/recent-submissions.ts";

const MINUTE = 60_000;
const row = (id: string, minute: number, overrides: Partial<RecentRow> = {}): RecentRow => ({
  id,
  article: "vaccins-grippe",
  bodyHash: `corps-${id}`,
  clientHash: "lecteur",
  createdMs: minute * MINUTE,
  ...overrides,
});

describe("recent submissions held in memory", () => {
  it("finds the earliest same body on the same article within the window, not elsewhere or before it", () => {
    const recent = new RecentSubmissions();
    recent.add(row("a", 10, { bodyHash: "copie" }));
    recent.add(row("b", 5, { bodyHash: "copie" }));
    recent.add(row("c", 12, { bodyHash: "copie", article: "autre" }));
    assert.equal(recent.duplicateOf("vaccins-grippe", "copie", 0), "b");
    assert.equal(recent.duplicateOf("vaccins-grippe", "copie", 6 * MINUTE), "a");
    assert.equal(recent.duplicateOf("vaccins-grippe", "copie", 11 * MINUTE), undefined);
    assert.equal(recent.duplicateOf("autre", "copie", 0), "c");
    assert.equal(recent.duplicateOf("vaccins-grippe", "autre-texte", 0), undefined);
  });

  it("counts a client's comments within the window and tells when the oldest was made", () => {
    const recent = new RecentSubmissions();
    for (const [id, minute] of [["a", 1], ["b", 20], ["c", 30]] as const) recent.add(row(id, minute));
    recent.add(row("d", 25, { clientHash: "autre" }));
    recent.add(row("e", 26, { clientHash: null }));
    assert.deepEqual(recent.floodOf("lecteur", 10 * MINUTE), { recent: 2, firstMs: 20 * MINUTE });
    assert.deepEqual(recent.floodOf("lecteur", 0), { recent: 3, firstMs: MINUTE });
    assert.deepEqual(recent.floodOf("inconnu", 0), { recent: 0, firstMs: undefined });
    assert.deepEqual(recent.idsOf("lecteur", 10 * MINUTE), ["b", "c"]);
  });

  it("counts a row read twice once", () => {
    const recent = new RecentSubmissions();
    recent.add(row("a", 1));
    recent.add(row("a", 1));
    assert.equal(recent.floodOf("lecteur", 0).recent, 1);
    assert.equal(recent.size, 1);
  });

  it("forgets a deleted comment, or only its client, and prunes what the windows no longer reach", () => {
    const recent = new RecentSubmissions();
    recent.add(row("a", 1, { bodyHash: "copie" }));
    recent.add(row("b", 2));
    recent.add(row("c", 3));
    recent.forget("a");
    assert.equal(recent.duplicateOf("vaccins-grippe", "copie", 0), undefined);
    recent.forgetClient("b");
    assert.equal(recent.floodOf("lecteur", 0).recent, 1);
    assert.equal(recent.duplicateOf("vaccins-grippe", "corps-b", 0), "b");
    recent.prune(3 * MINUTE);
    assert.equal(recent.size, 1);
    assert.equal(recent.duplicateOf("vaccins-grippe", "corps-b", 0), undefined);
    assert.deepEqual(recent.floodOf("lecteur", 0), { recent: 1, firstMs: 3 * MINUTE });
  });
});
