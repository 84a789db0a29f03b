import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { startAlertWorker } from "./alerts.ts";
import { startReaderMail } from "./reader-mail.ts";
import type { ServerConfig } from "./config.ts";
import { createInboxApp } from "./http/app.ts";
import { watchManifest } from "./manifest.ts";
import { watchShell } from "./site-shell.ts";
import { SHELL_FILE } from "../lib/comments/shell.ts";
import { cachedRules } from "./blocklist.ts";
import { createModeration } from "./moderation.ts";
import { createPublisher } from "./publish.ts";
import { createRebuildRunner } from "./rebuild.ts";
import { openStore } from "./store/open.ts";
import type { CommentStore } from "./store/types.ts";

const HOUR_MS = 60 * 60 * 1000;
const REBUILD_DELAY_MS = 2_000;

export interface Inbox {
  app: Hono;
  // First step of a shutdown: /healthz answers 503 and connections close after their response.
  drain(): void;
  // Last step, once no request is in flight: alerts, timers and the store.
  close(): Promise<void>;
}

export async function purgeExpired(store: CommentStore, retentionDays: number, now: Date = new Date()): Promise<number> {
  return store.purgePersonalData(new Date(now.getTime() - retentionDays * 24 * HOUR_MS));
}

// Everything the inbox needs before it answers: store migrated, old personal data erased,
// unfinished publications completed.
export async function openInbox(config: ServerConfig, log: (message: string) => void): Promise<Inbox> {
  const store = await openStore(config, log);
  const articles = watchManifest(config.manifestPath, log);
  const rebuild = createRebuildRunner(config.rebuildCommand, REBUILD_DELAY_MS, log);
  const publisher = createPublisher({
    contentDir: config.contentDir,
    gitCommit: config.gitCommit,
    onChange: () => rebuild.schedule(),
    log,
  });
  const moderation = createModeration(store, publisher, config.contentDir);

  const purge = async (): Promise<void> => {
    const erased = await purgeExpired(store, config.retentionDays);
    if (erased > 0) log(`Données personnelles effacées pour ${erased} commentaire(s) de plus de ${config.retentionDays} jours.`);
  };
  await purge();
  const timer = setInterval(() => {
    purge().catch((error: unknown) => log(`Purge impossible : ${String(error)}`));
  }, HOUR_MS);
  timer.unref();
  const resumed = await moderation.resume();
  if (resumed > 0) log(`Publication reprise pour ${resumed} commentaire(s).`);

  const alerts =
    config.alerts === null
      ? null
      : startAlertWorker({
          store,
          config: config.alerts,
          titleOf: (slug) => articles.find(slug)?.title ?? slug,
          log,
        });
  const readerMail =
    config.notifications === null
      ? null
      : startReaderMail({ store, config: config.notifications, secret: config.secret, retentionDays: config.retentionDays, articles, log });
  let draining = false;
  // The build writes the site's layout for the inbox beside the article manifest.
  const shell = watchShell(join(dirname(config.manifestPath), SHELL_FILE), config.siteUrl);
  const app = createInboxApp({ ...config, store, moderation, articles, alerts, readerMail, shell, blockRules: cachedRules(store), draining: () => draining, log });
  return {
    app,
    drain() {
      draining = true;
    },
    async close() {
      clearInterval(timer);
      rebuild.stop();
      await alerts?.stop();
      await readerMail?.stop();
      await store.close();
    },
  };
}

export interface Listening {
  port: number;
  // Stops accepting connections and resolves once the requests in flight are answered; past
  // graceMs the connections still open are cut.
  close(graceMs?: number): Promise<void>;
}

export function listen(app: Hono, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: (graceMs = 10_000) =>
          new Promise((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            // Also closes the idle keep-alive connections; busy ones close after their response.
            server.close(() => {
              clearTimeout(force);
              done();
            });
          }),
      });
    }) as Server;
    server.on("error", reject);
  });
}
