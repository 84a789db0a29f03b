// The whole comment loop with real processes: a fixture copy built by `astro build`, served
// with the inbox by `scripts/start.ts` (npm start), moderated with `src/inbox/cli.ts`, and
// Chromium (playwright-core) as the reader's and the moderator's browser.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { build, fixtureCopy, root } from "../helpers/build.ts";
import { freePort } from "../helpers/net.ts";
import type { AxeViolation } from "../helpers/browser.ts";
import { tempDir } from "../helpers/temp.ts";

export const PASSWORD = "un mot de passe de modération très solide";
const SECRET = "e2e-0123456789abcdef0123456789abcdef";


export interface StoredSummary {
  id: string;
  article: string;
  parent: string | null;
  name: string;
  body: string;
  status: string;
  created: string;
  spamScore: number;
  signals: string[];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class E2eSite {
  readonly work = tempDir("pouls-e2e-");
  readonly contentDir = fixtureCopy(() => undefined);
  readonly dbPath = join(this.work, "inbox.sqlite");
  port = 0;
  url = "";
  outDir = "";
  output = "";
  private readonly builds: string[] = [];
  private stopServer: () => Promise<void> = async () => undefined;
  /** Added to env(): SMTP_URL, for one. */
  extraEnv: Record<string, string> = {};

  /** What both the server and the CLI get: the same database and content tree. */
  env(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? "",
      HOME: this.work,
      PORT: String(this.port),
      SITE_URL: this.url,
      POULS_OUT_DIR: this.outDir,
      POULS_CONTENT_DIR: this.contentDir,
      INBOX_DB: this.dbPath,
      INBOX_SECRET: SECRET,
      MODERATION_PASSWORD: PASSWORD,
      INBOX_FLOOD_LIMIT: "1000",
      // The tests rebuild the site themselves, at the moment they choose.
      INBOX_REBUILD_COMMAND: "",
      ASTRO_TELEMETRY_DISABLED: "1",
      ...this.extraEnv,
    };
  }

  async init(): Promise<void> {
    this.port = await freePort();
    this.url = `http://localhost:${this.port}`;
    await this.rebuild();
  }

  /** `astro build` of the content tree as it is now (approved comments included), into a new dir. */
  async rebuild(): Promise<void> {
    const result = await build(this.contentDir, { SITE_URL: this.url, PUBLIC_INBOX_URL: "" });
    assert.equal(result.code, 0, result.output);
    this.outDir = result.outDir;
    this.builds.push(join(result.outDir, ".."));
    // Newer than every source: scripts/start.ts serves this build instead of starting its own.
    const future = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
    utimesSync(join(this.outDir, "index.html"), future, future);
  }

  /** `node scripts/start.ts` on the chosen port, serving `outDir`. */
  async start(): Promise<void> {
    await this.stopServer();
    const child = spawn(process.execPath, ["scripts/start.ts"], { cwd: root, env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    this.stopServer = () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`scripts/start.ts did not start:\n${output}`));
      }, 30_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        this.output = output;
        if (output.includes(`Site : ${this.url}/`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`scripts/start.ts exited with ${code}:\n${output}`));
      });
    });
    assert.doesNotMatch(output, /astro build/u, "start.ts must serve the test build, not build again");
  }

  async stop(): Promise<void> {
    await this.stopServer();
  }

  cleanUp(): void {
    for (const dir of [this.work, join(this.contentDir, ".."), ...this.builds]) rmSync(dir, { recursive: true, force: true });
  }

  /** `node src/inbox/cli.ts …` with the server's environment. */
  cli(args: string[]): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["src/inbox/cli.ts", ...args], {
        cwd: root,
        env: this.env(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.once("error", reject);
      child.once("exit", (code) => resolve({ code, stdout, stderr }));
    });
  }

  async cliOk(args: string[]): Promise<string> {
    const result = await this.cli(args);
    assert.equal(result.code, 0, `cli ${args.join(" ")}:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  /** Every comment the inbox holds, through the CLI's JSON listing. */
  async stored(): Promise<StoredSummary[]> {
    return JSON.parse(await this.cliOk(["list", "--status", "all", "--json"])) as StoredSummary[];
  }

  /** The one stored comment whose body contains `marker`. */
  async storedWith(marker: string): Promise<StoredSummary> {
    const all = await this.stored();
    const found = all.filter((comment) => comment.body.includes(marker));
    assert.equal(found.length, 1, `one stored comment containing ${JSON.stringify(marker)}:\n${JSON.stringify(all, null, 2)}`);
    return found[0] as StoredSummary;
  }

  articleUrl(slug: string): string {
    return `${this.url}/articles/${slug}/`;
  }
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Files under `dir` whose bytes (or gunzipped bytes: Pagefind's fragments) contain `needle`, case-insensitively. */
export function filesContaining(dir: string, needle: string): string[] {
  const lower = needle.toLowerCase();
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    const texts = [bytes.toString("utf8")];
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        texts.push(gunzipSync(bytes).toString("utf8"));
      } catch {
        // not gzip after all
      }
    }
    return texts.some((text) => text.toLowerCase().includes(lower));
  });
}

export interface Watched {
  page: Page;
  dialogs: string[];
  console: string[];
  errors: string[];
  /** "<status> <method> <path>" of answers ≥ 400, "failed <method> <path>" of requests that got none (other than cancelled by leaving the page). */
  failures: string[];
}

/** A page whose dialogs (alert, confirm, prompt), console messages, uncaught errors and failed requests are recorded. */
export async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const watched: Watched = { page, dialogs: [], console: [], errors: [], failures: [] };
  page.on("dialog", (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("console", (message) => watched.console.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => watched.errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) {
      watched.failures.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on("requestfailed", (request) => {
    // Leaving a page cancels what it still loads (its icon, a lazy image): the browser's doing, not the site's.
    if (request.failure()?.errorText === "net::ERR_ABORTED") return;
    watched.failures.push(`failed ${request.method()} ${new URL(request.url()).pathname}`);
  });
  return watched;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * WCAG 2.2 AA violations (same tags as tests/helpers/browser.ts). axe is evaluated through the
 * DevTools protocol rather than a <script> tag, so it also runs on the inbox's pages, whose CSP
 * allows no script at all; the page's own CSP stays in force.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** Milliseconds to wait so that at least `ms` have passed since `since`. */
export async function atLeastSince(since: number, ms: number): Promise<void> {
  const left = since + ms - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
