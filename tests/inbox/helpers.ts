import { randomUUID } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "../helpers/temp.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PASSWORD = "un mot de passe très solide";
export const SECRET = "0123456789abcdef0123456789abcdef-test";
export const SITE_URL = "http://pouls.test";

export interface Fixture {
  dir: string;
  contentDir: string;
  manifestPath: string;
  dbPath: string;
  env: Record<string, string>;
}

export const ARTICLES = [
  { slug: "immunotherapie-sein", url: "/articles/immunotherapie-sein/", title: "Immunothérapie et cancer du sein", comments: "open" },
  { slug: "vaccins-grippe", url: "/articles/vaccins-grippe/", title: "Vaccins contre la grippe", comments: "open" },
  { slug: "archive-2010", url: "/articles/archive-2010/", title: "Une archive", comments: "closed" },
];

export function makeFixture(): Fixture {
  const dir = tempDir("pouls-inbox-");
  const contentDir = path.join(dir, "content");
  mkdirSync(path.join(contentDir, "authors"), { recursive: true });
  writeFileSync(
    path.join(contentDir, "authors", "redaction.yaml"),
    "name: L’équipe Pouls\ncredentials: Rédaction\nbio: La rédaction de Pouls.\nstaff: true\n",
  );
  writeFileSync(
    path.join(contentDir, "authors", "invite.yaml"),
    "name: Jeanne Invitée\ncredentials: Médecin\nbio: Contributrice.\n",
  );
  const manifestPath = path.join(dir, "dist", "_pouls", "articles.json");
  mkdirSync(path.dirname(manifestPath), { recursive: true });
  writeFileSync(manifestPath, JSON.stringify({ articles: ARTICLES }));
  const dbPath = path.join(dir, "data", "inbox.sqlite");
  return {
    dir,
    contentDir,
    manifestPath,
    dbPath,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      INBOX_DB: dbPath,
      INBOX_MANIFEST: manifestPath,
      POULS_CONTENT_DIR: contentDir,
      INBOX_SECRET: SECRET,
      MODERATION_PASSWORD: PASSWORD,
      SITE_URL,
      PORT: "0",
      INBOX_FLOOD_LIMIT: "1000",
    },
  };
}

export interface RunningInbox {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startInbox(fixture: Fixture, extraEnv: Record<string, string> = {}): Promise<RunningInbox> {
  const child = spawn(process.execPath, ["src/inbox/main.ts"], {
    cwd: ROOT,
    env: { ...fixture.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`inbox did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Modération : (http:\/\/localhost:\d+)\//u.exec(output);
      if (match) {
        clearTimeout(timeout);
        resolve({ url: match[1] as string, process: child, output: () => output, stop });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`inbox exited with ${code}:\n${output}`));
    });
  });
}

export function exitOf(fixture: Fixture, extraEnv: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["src/inbox/main.ts"], {
      cwd: ROOT,
      env: { ...fixture.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(fixture: Fixture, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["src/inbox/cli.ts", ...args], {
      cwd: ROOT,
      env: { ...fixture.env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface CommentFields {
  article?: string;
  parent?: string;
  name?: string;
  email?: string;
  body?: string;
  website?: string;
  ts?: string;
  notify?: string;
}

export function validFields(overrides: CommentFields = {}): Record<string, string> {
  return {
    article: "immunotherapie-sein",
    parent: "",
    name: "Marie Dupont",
    email: "marie@exemple.fr",
    body: "Merci pour cet article très clair.\n\nOù ce traitement est-il proposé ?",
    website: "",
    ...overrides,
  } as Record<string, string>;
}

export function postComment(
  url: string,
  fields: Record<string, string>,
  options: { json?: boolean; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${url}/api/comments`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: { ...(options.json ? { Accept: "application/json" } : { Accept: "text/html" }), ...options.headers },
  });
}

export async function postJson(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await postComment(url, fields, { json: true, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// A comment that is accepted and then approved through the CLI, to reply to. `env` points the CLI
// at the inbox's store (PostgreSQL: tests/inbox/backends.ts); `headers` go with the post.
export async function approvedComment(
  fixture: Fixture,
  url: string,
  overrides: CommentFields = {},
  options: { env?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<string> {
  const { status, body } = await postJson(url, validFields({ body: `Un commentaire à approuver ${randomUUID()}`, ...overrides }), options.headers);
  if (status !== 201) throw new Error(`post failed: ${status} ${JSON.stringify(body)}`);
  const id = String(body.id);
  const result = await runCli(fixture, ["approve", id], options.env);
  if (result.code !== 0) throw new Error(`approve failed: ${result.stderr}`);
  return id;
}

export async function assertAlive(url: string): Promise<void> {
  const response = await fetch(`${url}/api/comments/token`);
  if (response.status !== 200) throw new Error(`inbox no longer answers: ${response.status}`);
  await response.body?.cancel();
}

// A moderator's browser: keeps the session cookie and reads the CSRF token from each page.
export class Moderator {
  url: string;
  cookie = "";
  /** Sent with every request (an X-Forwarded-For, to be another client behind a trusted proxy). */
  headers: Record<string, string>;
  constructor(url: string, headers: Record<string, string> = {}) {
    this.url = url;
    this.headers = headers;
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.url}${pathname}`, {
      ...init,
      redirect: "manual",
      headers: { ...this.headers, ...(init.headers as Record<string, string>), ...(this.cookie ? { Cookie: this.cookie } : {}) },
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0] as string;
      this.cookie = pair.endsWith("=") ? "" : pair;
    }
    return response;
  }

  async page(pathname: string): Promise<{ status: number; html: string; csrf: string }> {
    const response = await this.request(pathname);
    const html = await response.text();
    return { status: response.status, html, csrf: /name="_csrf" value="([^"]+)"/u.exec(html)?.[1] ?? "" };
  }

  post(pathname: string, fields: Record<string, string>): Promise<Response> {
    return this.request(pathname, { method: "POST", body: new URLSearchParams(fields) });
  }

  /** Logs in with the shared password, or with a named account when `name` is given. */
  async login(password: string = PASSWORD, name?: string): Promise<Response> {
    const { csrf } = await this.page("/moderation/connexion");
    return this.post("/moderation/connexion", { _csrf: csrf, password, ...(name === undefined ? {} : { name }) });
  }
}

export { freePort, waitFor } from "../helpers/net.ts";
