// Comment inbox benchmark: throughput and latency of comment submission (POST /api/comments)
// under 1, 10 and 100 concurrent clients on localhost (autocannon), for the SQLite and the
// PostgreSQL store, side by side with a minimal Hono server measured in the same run.
//
// The minimal server is the floor the inbox is compared with: the same kind of store (SQLite
// file in WAL with synchronous=FULL, or the same PostgreSQL server with synchronous_commit on),
// the same table with the same indexes (made by the store's own migrations), one INSERT of a row
// of the same shape per request and nothing else: no validation, spam score, duplicate check,
// flood limit or security headers, and no group commit.
//
// Every request carries a different body (duplicate detection would answer early otherwise),
// a different X-Forwarded-For (with TRUST_PROXY=1; INBOX_FLOOD_LIMIT is raised as well) and a
// valid form timestamp, so that each one takes the full path of an accepted comment.
//
// The machine is shared (2 cores, also running autocannon and PostgreSQL): the two servers
// alternate in three short rounds per level and each keeps its median round, and the CPU time
// per request (server process, plus PostgreSQL's processes) is reported beside throughput, as it
// depends far less on what else runs. Both servers are warmed up first with enough requests for
// V8 to have compiled their hot code: the inbox runs far more JavaScript than the minimal
// server, and with a short warm-up its first rounds paid for the compiler as well.
//
// Usage: node_modules/.bin/node bench/inbox.ts [--duration SECONDS]
// PostgreSQL is measured when TEST_DATABASE_URL is set (`source .ci/postgres.sh` sets it).
import "../src/inbox/quiet-warnings.ts";
import { spawn, type ChildProcess } from "node:child_process";
import { hash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import pg from "pg";
import { newCommentId } from "../src/inbox/ids.ts";
import { openPostgresStore } from "../src/inbox/store/postgres.ts";
import { openSqliteStore } from "../src/inbox/store/sqlite.ts";
import { signTimestamp } from "../src/inbox/timestamp.ts";
import { makeFixture, ROOT, SECRET, startInbox, validFields, type RunningInbox } from "../tests/inbox/helpers.ts";
import { freshSchema, TEST_DATABASE_URL } from "../tests/inbox/postgres.ts";

export const INBOX_TARGETS = { minShareOfMinimal: 0.7, maxP99Ms: 50, atConnections: 100 } as const;
const CONNECTIONS = [1, 10, 100] as const;
const ROUNDS = 3;

export type StoreName = "SQLite" | "PostgreSQL";
export type ServerName = "inbox" | "minimal";

export interface InboxBenchRow {
  store: StoreName;
  server: ServerName;
  connections: number;
  /** Accepted submissions (2xx) per second, in the round of median throughput. */
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  /** Over all rounds. */
  accepted: number;
  /**
   * CPU time of the server process (all its threads) per accepted submission, in microseconds.
   * Changed far less than throughput by other work competing for the cores, though not
   * untouched: a request costs more CPU on cores that other processes keep busy.
   */
  serverCpuUs: number;
  /** The same for PostgreSQL's processes (0 for SQLite, which runs inside the server). */
  databaseCpuUs: number;
}

export interface InboxBenchComparison {
  store: StoreName;
  connections: number;
  /** Inbox throughput over the minimal server's. */
  shareOfMinimal: number;
  inboxP99Ms: number;
  errors: number;
  meetsTargets: boolean;
}

export interface InboxBenchResult {
  durationSeconds: number;
  rows: InboxBenchRow[];
  comparisons: InboxBenchComparison[];
  skipped: string[];
}

export interface InboxBenchOptions {
  /** Per server and number of clients, split into rounds. */
  durationSeconds?: number;
  log?: (line: string) => void;
}

const MINIMAL_INSERT_COLUMNS = `(id, article, parent, name, email, client_hash, body, body_hash, status, created_ms)`;
const WARM_UP_SECONDS = 6;

// The minimal server, run in a child process like the inbox so that both compete with the load
// generator for the same cores in the same way.
async function serveMinimal(kind: string, target: string): Promise<void> {
  const app = new Hono();
  // [id, article, name, email, client_hash, body, body_hash]
  type MinimalRow = [string, string, string, string, string, string, string];
  let insert: (row: MinimalRow) => Promise<void>;
  if (kind === "sqlite") {
    // Same file settings as the store (openSqliteStore made the file and set WAL).
    const db = new DatabaseSync(target);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000");
    const statement = db.prepare(
      `INSERT INTO comments ${MINIMAL_INSERT_COLUMNS} VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    insert = async (row) => {
      statement.run(...row, Date.now());
    };
  } else {
    // As the inbox does for its submissions, whatever the server's default: same durability.
    const url = new URL(target);
    url.searchParams.set("options", `${url.searchParams.get("options") ?? ""} -c synchronous_commit=on`.trim());
    const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
    insert = async (row) => {
      await pool.query({
        name: "insert",
        text: `INSERT INTO comments (id, article, parent, name, email, client_hash, body, body_hash, status, created)
               VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, 'pending', now())`,
        values: row,
      });
    };
  }
  // The row has the inbox's shape and the same kind of values, 64-hex hashes in the client and
  // body columns: it goes into the same indexes (with PostgreSQL, indexes keyed by those hashes,
  // the client's partial: a row without one would skip it), and like the inbox's its keys land
  // anywhere in them, where ids or addresses counting up would always be appended to the same
  // last page.
  app.post("/api/comments", async (c) => {
    const id = newCommentId();
    const form = new URLSearchParams(await c.req.text());
    const body = form.get("body") ?? "";
    await insert([
      id,
      form.get("article") ?? "",
      form.get("name") ?? "",
      form.get("email") ?? "",
      hash("sha256", c.req.header("x-forwarded-for") ?? ""),
      body,
      hash("sha256", body),
    ]);
    return c.json({ ok: true, id, status: "pending" }, 201);
  });
  serve({ fetch: app.fetch, port: 0 }, (info) => console.log(`minimal server on http://127.0.0.1:${info.port}`));
}

interface Running {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

function startMinimal(kind: "sqlite" | "postgres", target: string): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.url), "--minimal-server", kind, target], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/u.exec(output);
      if (match) {
        resolve({
          url: match[1] as string,
          pid: child.pid ?? 0,
          stop: () =>
            new Promise((done) => {
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`minimal server exited with ${code}: ${output}`)));
  });
}

// CPU time of a process, all its threads (V8's compiler and GC threads run beside the main
// one), in microseconds: the scheduler's exact account (/proc/…/schedstat, Linux), where the
// user and system times of /proc/…/stat are sampled at each clock tick.
function processCpuUs(pid: number): number {
  let ns = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return ns / 1000;
}

// PostgreSQL's processes (all of them: the backends, and the WAL writer and the others that
// work for them), plus what the ones that have exited used, which the postmaster's account of
// its children keeps: pg's pool closes idle connections, and their backends' CPU time must not
// vanish from the count. That account comes in clock ticks, but exits are few.
function postgresCpuUs(): number {
  let us = 0;
  const parents = new Map<number, number>();
  const childrenTicks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      childrenTicks.set(Number(entry), Number(fields[13]) + Number(fields[14]));
      us += processCpuUs(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  for (const [pid, parent] of parents) {
    // Clock ticks are 1/100 s on Linux.
    if (!parents.has(parent)) us += (childrenTicks.get(pid) ?? 0) * 10_000;
  }
  return us;
}

async function load(
  url: string,
  connections: number,
  durationSeconds: number,
  serverPid: number,
  postgres: boolean,
): Promise<Omit<InboxBenchRow, "store" | "server">> {
  const databaseCpu = (): number => (postgres ? postgresCpuUs() : 0);
  const serverBefore = processCpuUs(serverPid);
  const databaseBefore = databaseCpu();
  let sequence = 0;
  // Signed as if the form had been shown a minute ago: the comment is a plausible reader's.
  const ts = signTimestamp(SECRET, new Date(Date.now() - 60_000));
  const run = randomBytes(4).toString("hex");
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: "POST",
        path: "/api/comments",
        setupRequest: (request) => {
          sequence += 1;
          const body = new URLSearchParams(
            validFields({ body: `Commentaire de charge ${run}-${sequence} : merci pour cet article très clair.`, ts }),
          ).toString();
          return {
            ...request,
            body,
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Accept: "application/json",
              "X-Forwarded-For": `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
            },
          };
        },
      },
    ],
  });
  const accepted = result["2xx"];
  const perRequest = (us: number): number => (accepted === 0 ? 0 : us / accepted);
  return {
    connections,
    requestsPerSec: accepted / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    accepted,
    serverCpuUs: perRequest(processCpuUs(serverPid) - serverBefore),
    databaseCpuUs: perRequest(databaseCpu() - databaseBefore),
  };
}

interface Target {
  store: StoreName;
  inboxEnv: Record<string, string>;
  minimal: () => Promise<Running>;
  cleanup: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const fixture = makeFixture();
  const minimalFile = `${fixture.dir}/minimal.sqlite`;
  // The store's own migrations make the minimal server's table and indexes.
  await openSqliteStore(minimalFile).close();
  return {
    store: "SQLite",
    inboxEnv: {},
    minimal: () => startMinimal("sqlite", minimalFile),
    cleanup: async () => rmSync(fixture.dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const inboxSchema = await freshSchema();
  const minimalSchema = await freshSchema();
  await (await openPostgresStore(minimalSchema.url, { log: () => undefined })).close();
  return {
    store: "PostgreSQL",
    inboxEnv: { DATABASE_URL: inboxSchema.url },
    minimal: () => startMinimal("postgres", minimalSchema.url),
    cleanup: async () => {
      await inboxSchema.drop();
      await minimalSchema.drop();
    },
  };
}

// The round of median throughput, its latencies with it; errors of every round.
function median(rounds: Omit<InboxBenchRow, "store" | "server">[]): Omit<InboxBenchRow, "store" | "server"> {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  const middle = sorted[Math.floor(sorted.length / 2)] as Omit<InboxBenchRow, "store" | "server">;
  return {
    ...middle,
    errors: rounds.reduce((sum, round) => sum + round.errors, 0),
    accepted: rounds.reduce((sum, round) => sum + round.accepted, 0),
  };
}

function compare(rows: InboxBenchRow[]): InboxBenchComparison[] {
  const comparisons: InboxBenchComparison[] = [];
  for (const inbox of rows.filter((row) => row.server === "inbox")) {
    const minimal = rows.find((row) => row.server === "minimal" && row.store === inbox.store && row.connections === inbox.connections);
    if (minimal === undefined) continue;
    const shareOfMinimal = inbox.requestsPerSec / minimal.requestsPerSec;
    const p99Checked = inbox.connections === INBOX_TARGETS.atConnections;
    comparisons.push({
      store: inbox.store,
      connections: inbox.connections,
      shareOfMinimal,
      inboxP99Ms: inbox.p99Ms,
      errors: inbox.errors,
      meetsTargets:
        shareOfMinimal >= INBOX_TARGETS.minShareOfMinimal && inbox.errors === 0 && (!p99Checked || inbox.p99Ms <= INBOX_TARGETS.maxP99Ms),
    });
  }
  return comparisons;
}

export async function runInboxBench(options: InboxBenchOptions = {}): Promise<InboxBenchResult> {
  const durationSeconds = options.durationSeconds ?? 9;
  const log = options.log ?? ((line: string) => console.error(line));
  const rows: InboxBenchRow[] = [];
  const skipped: string[] = [];
  const targets: (() => Promise<Target>)[] = [sqliteTarget];
  if (TEST_DATABASE_URL === "") skipped.push("PostgreSQL: TEST_DATABASE_URL is not set (source .ci/postgres.sh)");
  else targets.push(postgresTarget);

  for (const makeTarget of targets) {
    const target = await makeTarget();
    const fixture = makeFixture();
    let inbox: RunningInbox | undefined;
    let minimal: Running | undefined;
    try {
      inbox = await startInbox(fixture, { ...target.inboxEnv, INBOX_FLOOD_LIMIT: "1000000", TRUST_PROXY: "1" });
      minimal = await target.minimal();
      const servers: [ServerName, string, number][] = [
        ["minimal", minimal.url, minimal.pid],
        ["inbox", inbox.url, inbox.process.pid ?? 0],
      ];
      // Warm both (JIT, connection pools, file cache) before anything is counted.
      for (const [name, url, pid] of servers) {
        log(`${target.store} ${name}: warming up`);
        await load(url, 10, WARM_UP_SECONDS, pid, target.store === "PostgreSQL");
      }
      for (const connections of CONNECTIONS) {
        // The two servers take turns, in short rounds, so that a burst of other work on the
        // machine falls on both alike; each keeps its median round.
        const rounds = new Map<ServerName, Omit<InboxBenchRow, "store" | "server">[]>();
        for (let round = 0; round < ROUNDS; round += 1) {
          for (const [server, url, pid] of servers) {
            const measured = await load(url, connections, durationSeconds / ROUNDS, pid, target.store === "PostgreSQL");
            rounds.set(server, [...(rounds.get(server) ?? []), measured]);
          }
        }
        for (const [server, measured] of rounds) {
          const row = { store: target.store, server, ...median(measured) };
          rows.push(row);
          log(
            `${target.store} ${server.padEnd(7)} ${String(connections).padStart(3)} clients: ` +
              `${row.requestsPerSec.toFixed(0)} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.errors} errors, ` +
              `CPU/request ${row.serverCpuUs.toFixed(0)} µs server` +
              (target.store === "PostgreSQL" ? ` + ${row.databaseCpuUs.toFixed(0)} µs database` : ""),
          );
        }
      }
    } finally {
      await inbox?.stop();
      await minimal?.stop();
      rmSync(fixture.dir, { recursive: true, force: true });
      await target.cleanup();
    }
  }
  return { durationSeconds, rows, comparisons: compare(rows), skipped };
}

export function inboxTable(result: InboxBenchResult): string {
  const lines = [
    "| store | clients | minimal req/s | inbox req/s | inbox / minimal | minimal p50 / p99 ms | inbox p50 / p99 ms | inbox errors | CPU µs/request minimal / inbox |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const comparison of result.comparisons) {
    const pick = (server: ServerName): InboxBenchRow | undefined =>
      result.rows.find((row) => row.server === server && row.store === comparison.store && row.connections === comparison.connections);
    const minimal = pick("minimal");
    const inbox = pick("inbox");
    if (minimal === undefined || inbox === undefined) continue;
    lines.push(
      `| ${comparison.store} | ${comparison.connections} | ${minimal.requestsPerSec.toFixed(0)} | ${inbox.requestsPerSec.toFixed(0)} | ` +
        `${(comparison.shareOfMinimal * 100).toFixed(0)} % | ${minimal.p50Ms} / ${minimal.p99Ms} | ${inbox.p50Ms} / ${inbox.p99Ms} | ${inbox.errors} | ` +
        `${(minimal.serverCpuUs + minimal.databaseCpuUs).toFixed(0)} / ${(inbox.serverCpuUs + inbox.databaseCpuUs).toFixed(0)} |`,
    );
  }
  const misses = result.comparisons.filter((comparison) => !comparison.meetsTargets);
  lines.push(
    "",
    `Targets: inbox ≥ ${INBOX_TARGETS.minShareOfMinimal * 100} % of the minimal server's throughput at every level, ` +
      `p99 ≤ ${INBOX_TARGETS.maxP99Ms} ms at ${INBOX_TARGETS.atConnections} clients, no errors — ` +
      (misses.length === 0 ? "all met." : `missed: ${misses.map((miss) => `${miss.store} ${miss.connections}`).join(", ")}.`),
    `Minimal server: one INSERT per request of a row shaped like the inbox's, same table, indexes and durability, nothing else. ` +
      `Each level: ${ROUNDS} rounds of ${(result.durationSeconds / ROUNDS).toFixed(0)} s per server, taking turns, median round kept, ` +
      `after ${WARM_UP_SECONDS} s of warm-up at 10 clients. CPU: the server process (all threads), plus PostgreSQL's processes, per accepted submission.`,
  );
  for (const reason of result.skipped) lines.push("", `Skipped: ${reason}`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const minimalAt = process.argv.indexOf("--minimal-server");
  if (minimalAt > 0) {
    await serveMinimal(process.argv[minimalAt + 1] ?? "", process.argv[minimalAt + 2] ?? "");
  } else {
    const durationAt = process.argv.indexOf("--duration");
    const result = await runInboxBench({ durationSeconds: durationAt > 0 ? Number(process.argv[durationAt + 1]) : undefined });
    console.log(inboxTable(result));
  }
}
