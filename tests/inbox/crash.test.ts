// Durability: what the inbox acknowledged (201) survives a SIGKILL at any moment, exactly once.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BACKENDS } from "./backends.ts";
import { freePort, makeFixture, startInbox, validFields, type RunningInbox } from "./helpers.ts";

const COMMENTS = 300;
const CLIENTS = 8;
const KILLS = 3;

// Every stored body with the ids it is stored under.
function group(rows: Record<string, unknown>[]): Map<string, string[]> {
  const bodies = new Map<string, string[]>();
  for (const row of rows) bodies.set(String(row.body), [...(bodies.get(String(row.body)) ?? []), String(row.id)]);
  return bodies;
}

for (const backend of BACKENDS) {
  describe(`crash: ${backend.name}`, { skip: backend.skip }, () => {
    it(`keeps every acknowledged comment, once, through ${KILLS} SIGKILLs during ${COMMENTS} submissions`, async (t) => {
      const fixture = makeFixture();
      const database = await backend.prepare(fixture);
      const env = { ...database.env, PORT: String(await freePort()), INBOX_FLOOD_LIMIT: "100000" };
      let inbox: RunningInbox = await startInbox(fixture, env);
      const acknowledged = new Map<string, string>();
      let failedAttempts = 0;
      let next = 0;
      let done = false;

      // Each client posts its comments one after another; a comment whose request fails (the
      // inbox died under it) is sent again, unchanged, until it is acknowledged: the retry of a
      // comment that was in fact stored must come back as the same comment, not a second one.
      const client = async (): Promise<void> => {
        while (next < COMMENTS) {
          const body = `Commentaire de charge n° ${next} (${Math.random().toString(36).slice(2)})`;
          next += 1;
          for (;;) {
            try {
              const response = await fetch(`${inbox.url}/api/comments`, {
                method: "POST",
                body: new URLSearchParams(validFields({ body })),
                headers: { Accept: "application/json" },
              });
              const answer = (await response.json()) as { id?: string; error?: string };
              // Sent again after a kill, a comment that was stored is known again by its id.
              const known = response.status === 409 && answer.error === "duplicate";
              assert.ok(response.status === 201 || known, JSON.stringify(answer));
              acknowledged.set(body, String(answer.id));
              break;
            } catch (error) {
              if (error instanceof assert.AssertionError) throw error;
              failedAttempts += 1;
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }
        }
      };

      const killer = async (): Promise<void> => {
        for (let kill = 0; kill < KILLS && !done; kill += 1) {
          const delay = 100 + Math.floor(Math.random() * 600);
          await new Promise((resolve) => setTimeout(resolve, delay));
          if (done) break;
          t.diagnostic(`SIGKILL after ${delay} ms, ${acknowledged.size} acknowledged`);
          const dead = new Promise((resolve) => inbox.process.once("exit", resolve));
          inbox.process.kill("SIGKILL");
          await dead;
          inbox = await startInbox(fixture, env);
        }
      };

      try {
        const clients = Promise.all(Array.from({ length: CLIENTS }, client)).finally(() => (done = true));
        await Promise.all([clients, killer()]);
        t.diagnostic(`${failedAttempts} attempts cut by a kill or refused during a restart, then sent again`);
        assert.equal(acknowledged.size, COMMENTS);
        const stored = group(await database.query("SELECT id, body FROM comments"));
        for (const [body, id] of acknowledged) assert.deepEqual(stored.get(body), [id], body);
        assert.equal(stored.size, COMMENTS);
      } finally {
        await inbox.stop();
        await database.drop();
      }
    });
  });
}
