import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { ArticleIndex } from "../manifest.ts";
import type { Moderation } from "../moderation.ts";
import type { PasswordHash } from "../password.ts";
import type { CommentStore } from "../store/types.ts";
import { commentRoutes } from "./comment-routes.ts";
import { moderationRoutes } from "./moderation-routes.ts";
import { failure } from "./respond.ts";
import { securityHeaders } from "./security-headers.ts";
import { messagePage } from "./views/reader-pages.ts";

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
  log: (message: string) => void;
}

export function createInboxApp(deps: AppDeps): Hono {
  const app = new Hono();

  // Details go to the operator's log, never to the client.
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    deps.log(`Erreur interne sur ${c.req.method} ${new URL(c.req.url).pathname} : ${error.stack ?? String(error)}`);
    return failure(c, 500, "internal", "Erreur du serveur ; réessayez plus tard.", () =>
      messagePage(
        "Erreur du serveur",
        "Une erreur est survenue de notre côté. Revenez à la page précédente : votre texte y est sans doute encore ; réessayez dans quelques minutes.",
        { siteUrl: deps.siteUrl },
      ),
    );
  });

  // The no-JS form posts from the site's pages and redirects back to them: both must be allowed.
  app.use("/api/*", securityHeaders([deps.siteUrl]));
  app.use(
    "/api/*",
    cors({ origin: deps.siteUrl, allowMethods: ["GET", "POST"], allowHeaders: ["Content-Type", "Accept"], maxAge: 600 }),
  );
  app.route("/api/comments", commentRoutes(deps));

  app.use("/moderation/*", securityHeaders([]));
  app.get("/moderation", (c) => c.redirect("/moderation/", 301));
  app.route("/", moderationRoutes(deps));

  return app;
}
