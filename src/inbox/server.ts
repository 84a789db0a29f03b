import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { ServerConfig } from "./config.ts";
import { createInboxApp } from "./http/app.ts";
import { watchManifest } from "./manifest.ts";
import { createModeration } from "./moderation.ts";
import { createPublisher } from "./publish.ts";
import { createRebuildRunner } from "./rebuild.ts";
import { openSqliteStore } from "./store/sqlite.ts";
import type { CommentStore } from "./store/types.ts";

const HOUR_MS = 60 * 60 * 1000;
const REBUILD_DELAY_MS = 2_000;

export interface Inbox {
  app: Hono;
  close(): Promise<void>;
}

export async function purgeExpired(store: CommentStore, retentionDays: number, now: Date = new Date()): Promise<number> {
  return store.purgePersonalData(new Date(now.getTime() - retentionDays * 24 * HOUR_MS));
}

// Everything the inbox needs before it answers: store migrated, old personal data erased,
// unfinished publications completed.
export async function openInbox(config: ServerConfig, log: (message: string) => void): Promise<Inbox> {
  const store = openSqliteStore(config.dbPath);
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

  const app = createInboxApp({ ...config, store, moderation, articles, log });
  return {
    app,
    async close() {
      clearInterval(timer);
      rebuild.stop();
      await store.close();
    },
  };
}

export function listen(app: Hono, port: number): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on("error", reject);
  });
}
