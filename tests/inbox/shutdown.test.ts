import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { BACKENDS } from "./backends.ts";
import { makeFixture, runCli, startInbox, validFields, waitFor } from "./helpers.ts";

// One HTTP/1.1 request over a socket the test controls, so that it can be left half-sent.
function openRequest(url: string, body: string): { sendRest: () => void; response: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  const bytes = Buffer.from(body);
  socket.write(
    `POST /api/comments HTTP/1.1\r\nHost: ${hostname}\r\nAccept: application/json\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${bytes.length}\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, 10));
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
  const response = new Promise<string>((resolve, reject) => {
    socket.once("error", reject);
    socket.once("close", () => resolve(received));
  });
  return { sendRest: () => socket.write(bytes.subarray(10)), response };
}

for (const backend of BACKENDS) {
  describe(`/healthz and SIGTERM: ${backend.name}`, { skip: backend.skip }, () => {
    it("answers /healthz with 200 while the store answers, 503 once it does not", async () => {
      const fixture = makeFixture();
      const database = await backend.prepare(fixture);
      const inbox = await startInbox(fixture, database.env);
      try {
        const healthy = await fetch(`${inbox.url}/healthz`);
        assert.equal(healthy.status, 200);
        assert.deepEqual(await healthy.json(), { ok: true });
        assert.equal(healthy.headers.get("cache-control"), "no-store");
        await database.query("DROP TABLE schema_version");
        const broken = await fetch(`${inbox.url}/healthz`);
        assert.equal(broken.status, 503);
        assert.deepEqual(await broken.json(), { ok: false, error: "store" });
        await waitFor("the log line", () => (/\/healthz : le stockage ne répond pas/u.test(inbox.output()) ? true : undefined));
      } finally {
        await inbox.stop();
        await database.drop();
      }
    });

    it("on SIGTERM stops accepting, answers the request in flight, stores its comment, then exits 0", async () => {
      const fixture = makeFixture();
      const database = await backend.prepare(fixture);
      const inbox = await startInbox(fixture, database.env);
      try {
        const body = "Envoyé pendant l’arrêt : il doit être enregistré et confirmé.";
        const request = openRequest(inbox.url, new URLSearchParams(validFields({ body })).toString());
        // The request's headers are in: the inbox is handling it when the signal comes.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const exited = new Promise<number | null>((resolve) => inbox.process.once("exit", (code) => resolve(code)));
        inbox.process.kill("SIGTERM");
        await waitFor("the shutdown to begin", () => (/SIGTERM reçu/u.test(inbox.output()) ? true : undefined));
        await assert.rejects(fetch(`${inbox.url}/healthz`), "no new connection is accepted");

        request.sendRest();
        const response = await request.response;
        assert.match(response, /^HTTP\/1\.1 201 /u);
        assert.match(response, /^connection: close\r$/imu);
        const id = String((JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)) as { id: string }).id);
        assert.equal(await exited, 0);
        assert.match(inbox.output(), /Arrêt terminé/u);

        const shown = await runCli(fixture, ["show", id, "--json"], database.env);
        assert.equal(shown.code, 0, shown.stderr);
        assert.equal((JSON.parse(shown.stdout) as { body: string }).body, body);
      } finally {
        await inbox.stop();
        await database.drop();
      }
    });
  });
}
