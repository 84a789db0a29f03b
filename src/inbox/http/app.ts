import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AlertWorker } from "../alerts.ts";
import type { ArticleIndex } from "../manifest.ts";
import type { Moderation } from "../moderation.ts";
import type { PasswordHash } from "../password.ts";
import type { BlockRule, CommentStore } from "../store/types.ts";
import { commentRoutes } from "./comment-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import { notificationRoutes } from "./notification-routes.ts";
import type { OutboxLoop } from "../outbox-loop.ts";
import { moderationRoutes } from "./moderation-routes.ts";
import { failure, readerPages } from "./reader-page.ts";
import { SERVER_ERROR } from "../../i18n/inbox.fr.ts";
import type { SiteShell } from "../site-shell.ts";
import { securityHeaders, siteCors } from "./security-headers.ts";

export interface AppDeps {
  store: CommentStore;
  moderation: Moderation;
  articles: ArticleIndex;
  contentDir: string;
  passwordHash: PasswordHash;
  siteUrl: string;
  secret: string;
  floodLimit: number;
  trustProxy: boolean;
  alerts: AlertWorker | null;
  // Messages to readers (reply notifications); null without SMTP.
  readerMail: OutboxLoop | null;
  blockRules: () => Promise<BlockRule[]>;
  // Run after each publication, or null (moderators are told when comments go online).
  rebuildCommand: string | null;
  // The site's layout for readers' pages, once a build has written it.
  shell: () => SiteShell | undefined;
  // True once a shutdown has begun.
  draining: () => boolean;
  log: (message: string) => void;
}

export function createInboxApp(deps: AppDeps): Hono {
  const app = new Hono();
  const show = readerPages(deps.shell, deps.siteUrl);

  // While shutting down, each connection closes after its current response, so that keep-alive
  // clients reconnect to another instance instead of holding this one open.
  app.use("*", async (c, next) => {
    await next();
    if (deps.draining()) c.header("Connection", "close");
  });

  // For a load balancer or supervisor: 200 only if this instance can reach its store and is not
  // shutting down. Says nothing more to the outside; the reason goes to the log.
  app.get("/healthz", async (c) => {
    c.header("Cache-Control", "no-store");
    if (deps.draining()) return c.json({ ok: false, error: "stopping" }, 503);
    try {
      await deps.store.ping();
    } catch (error) {
      deps.log(`/healthz : le stockage ne répond pas : ${error instanceof Error ? error.message : String(error)}`);
      return c.json({ ok: false, error: "store" }, 503);
    }
    return c.json({ ok: true });
  });

  // Details go to the operator's log, never to the client.
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    deps.log(`Erreur interne sur ${c.req.method} ${new URL(c.req.url).pathname} : ${error.stack ?? String(error)}`);
    return failure(c, show, 500, "internal", SERVER_ERROR, { siteUrl: deps.siteUrl });
  });

  // The no-JS form posts from the site's pages and redirects back to them: both must be allowed.
  app.use("/api/*", securityHeaders([deps.siteUrl]));
  app.use("/api/*", siteCors(deps.siteUrl));
  app.route("/api/comments", commentRoutes({ ...deps, show }));
  app.route("/api/reports", reportRoutes({ ...deps, show }));
  app.route("/api/notifications", notificationRoutes({ ...deps, show }));

  app.use("/moderation/*", securityHeaders([]));
  app.get("/moderation", (c) => c.redirect("/moderation/", 301));
  app.route("/", moderationRoutes(deps));

  return app;
}
