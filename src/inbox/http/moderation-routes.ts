import { readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { listStaffAuthors } from "../authors.ts";
import { clientAddress, hashClient } from "../client.ts";
import type { ArticleIndex } from "../manifest.ts";
import { ModerationError, type Moderation } from "../moderation.ts";
import { verifyPassword, type PasswordHash } from "../password.ts";
import { checkModerator, SHARED_PASSWORD_ACTOR } from "../accounts.ts";
import { STATUSES, type CommentStatus, type CommentStore, type ModeratorAccount } from "../store/types.ts";
import { createAttemptLimiter } from "./attempt-limiter.ts";
import { limitBody, MalformedBody, readForm } from "./form-body.ts";
import { createSessionStore, sameToken, type Session } from "./sessions.ts";
import { normalizeRuleValue, BLOCK_KINDS } from "../blocklist.ts";
import {
  ACTIONS,
  blockRulesPage,
  flashMessage,
  inboxPage,
  loginPage,
  moderationMessagePage,
} from "./views/moderation-pages.ts";

export interface ModerationRoutesDeps {
  store: CommentStore;
  moderation: Moderation;
  articles: ArticleIndex;
  contentDir: string;
  passwordHash: PasswordHash;
  siteUrl: string;
  secret: string;
  trustProxy: boolean;
  // Set when the inbox rebuilds the site after each publication.
  rebuildCommand: string | null;
}

// Routes carry their full path: "/moderation/" (with its slash) is the inbox page.
const BASE = "/moderation";
const COOKIE = "pouls_moderation";
const LOGIN_ATTEMPTS = 5;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const STYLESHEET = readFileSync(new URL("./style.css", import.meta.url), "utf8");

type Env = { Variables: { session: Session; form: Map<string, string>; account: ModeratorAccount | undefined } };

const actorOf = (session: Session): string => session.moderator ?? SHARED_PASSWORD_ACTOR;

function statusParam(value: string | undefined): CommentStatus {
  return STATUSES.find((status) => status === value) ?? "pending";
}

export function moderationRoutes(deps: ModerationRoutesDeps): Hono<Env> {
  const app = new Hono<Env>();
  const sessions = createSessionStore();
  const limiter = createAttemptLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_MS);

  const isHttps = (c: Context): boolean =>
    deps.siteUrl.startsWith("https:") ||
    new URL(c.req.url).protocol === "https:" ||
    (deps.trustProxy && c.req.header("x-forwarded-proto") === "https");

  const giveCookie = (c: Context, session: Session): void => {
    setCookie(c, COOKIE, session.id, {
      path: "/moderation",
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
    });
  };

  const formOf = async (c: Context): Promise<Map<string, string> | undefined> => {
    try {
      return await readForm(c.req.raw);
    } catch (error) {
      if (error instanceof MalformedBody) return undefined;
      throw error;
    }
  };

  const forbidden = (c: Context): Response =>
    c.text("Action refusée : session expirée ou jeton de sécurité invalide. Rechargez la page et recommencez.", 403);

  app.get(`${BASE}/style.css`, (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(STYLESHEET, 200, { "Content-Type": "text/css; charset=utf-8" });
  });

  app.use(`${BASE}/*`, async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });

  // Every POST carries the session's CSRF token; SameSite=Strict alone is not relied upon.
  app.use(`${BASE}/*`, limitBody(32 * 1024, (c) => c.text("Envoi trop volumineux.", 413)));
  app.use(`${BASE}/*`, async (c, next) => {
    const session = sessions.get(getCookie(c, COOKIE));
    if (c.req.method === "POST") {
      const form = await formOf(c);
      if (session === undefined || form === undefined || !sameToken(form.get("_csrf") ?? "", session.csrf)) {
        return forbidden(c);
      }
      c.set("form", form);
    }
    if (session !== undefined) c.set("session", session);
    await next();
  });

  app.get(`${BASE}/connexion`, (c) => {
    const existing = c.get("session");
    if (existing?.authenticated) return c.redirect("/moderation/", 303);
    const session = existing ?? sessions.start(false);
    giveCookie(c, session);
    return c.html(loginPage(session.csrf));
  });

  app.post(`${BASE}/connexion`, async (c) => {
    const anonymous = c.get("session");
    const form = c.get("form");
    const name = (form.get("name") ?? "").trim().toLowerCase();
    const password = form.get("password") ?? "";
    // Limited per client and, for a named account, per account whatever the client.
    const keys = [hashClient(deps.secret, clientAddress(c, deps.trustProxy)), ...(name ? [`compte:${name}`] : [])];
    const wait = Math.max(...keys.map((key) => limiter.retryAfter(key)));
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return c.html(loginPage(anonymous.csrf, `Trop d’essais. Réessayez dans ${Math.ceil(wait / 60)} minute(s).`), 429);
    }
    const account = name ? await checkModerator(deps.store, name, password) : undefined;
    if (name ? account === undefined : !verifyPassword(password, deps.passwordHash)) {
      for (const key of keys) limiter.fail(key);
      return c.html(loginPage(anonymous.csrf, name ? "Identifiant ou mot de passe incorrect." : "Mot de passe incorrect."), 401);
    }
    for (const key of keys) limiter.clear(key);
    // A fresh session id at login: one planted before it (session fixation) is worth nothing.
    sessions.end(anonymous.id);
    giveCookie(c, sessions.start(true, account?.name ?? null));
    return c.redirect("/moderation/", 303);
  });

  app.use(`${BASE}/*`, async (c, next) => {
    const session = c.get("session");
    // A disabled account's sessions end at their next request, on every instance.
    if (session?.authenticated && session.moderator !== null) {
      const account = await deps.store.getModerator(session.moderator);
      c.set("account", account);
      if (account === undefined || account.disabled) {
        sessions.end(session.id);
        deleteCookie(c, COOKIE, { path: "/moderation" });
        if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect("/moderation/connexion", 303);
        return forbidden(c);
      }
    }
    if (session?.authenticated) return next();
    if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect("/moderation/connexion", 303);
    return forbidden(c);
  });

  app.post(`${BASE}/deconnexion`, (c) => {
    sessions.end(c.get("session").id);
    deleteCookie(c, COOKIE, { path: "/moderation" });
    return c.redirect("/moderation/connexion", 303);
  });

  app.get(`${BASE}/`, async (c) => {
    const status = statusParam(c.req.query("statut"));
    const all = await deps.store.list({ status: "all" });
    // "<id>.<status before>" of the action just done, offered back as « Annuler ».
    const [undoId = "", undoStatus] = (c.req.query("annuler") ?? "").split(".");
    const undone = STATUSES.find((s) => s === undoStatus);
    const shown = all.filter((comment) => comment.status === status);
    const actions = new Map(await Promise.all(shown.map(async (comment) => [comment.id, await deps.store.actions(comment.id)] as const)));
    return c.html(
      inboxPage({
        status,
        comments: shown,
        actions,
        reports: Map.groupBy(await deps.store.listReports(), (report) => report.commentId),
        all,
        titleOf: (slug) => deps.articles.find(slug)?.title ?? slug,
        linkOf: (slug) => {
          const article = deps.articles.find(slug);
          return article ? `${deps.siteUrl}${article.url}` : undefined;
        },
        undo: undone && all.some((comment) => comment.id === undoId) ? { id: undoId, status: undone } : undefined,
        staff: listStaffAuthors(deps.contentDir),
        signAs: c.get("account")?.authorId ?? null,
        csrf: c.get("session").csrf,
        flash: flashMessage(c.req.query("message") ?? "", deps.rebuildCommand !== null, Number(c.req.query("nombre") ?? 0)),
      }),
    );
  });

  app.get(`${BASE}/regles`, async (c) => {
    const flash = c.req.query("message") === "ajoutee" ? "Règle ajoutée." : c.req.query("message") === "supprimee" ? "Règle supprimée." : undefined;
    return c.html(blockRulesPage(c.get("session").csrf, await deps.store.listBlockRules(), flash));
  });

  app.post(`${BASE}/regles`, async (c) => {
    const form = c.get("form");
    const kind = BLOCK_KINDS.find((k) => k === form.get("kind") && k !== "client");
    const value = kind === undefined ? undefined : normalizeRuleValue(kind, form.get("value") ?? "");
    if (kind === undefined || value === undefined) {
      const error = kind === "domaine" ? "Attendu : un nom de domaine, par ex. exemple.com." : "Attendu : un mot, ou un nom de domaine avec la sorte « domaine de lien ».";
      return c.html(blockRulesPage(c.get("session").csrf, await deps.store.listBlockRules(), undefined, error), 422);
    }
    await deps.store.addBlockRule(kind, value, new Date());
    return c.redirect("/moderation/regles?message=ajoutee", 303);
  });

  app.post(`${BASE}/regles/:id/supprimer`, async (c) => {
    await deps.store.removeBlockRule(Number(c.req.param("id")));
    return c.redirect("/moderation/regles?message=supprimee", 303);
  });

  // Several comments at once: each is set in turn, as one click on each would.
  app.post(`${BASE}/lot`, async (c) => {
    const form = c.get("form");
    const back = statusParam(form.get("retour"));
    const csrf = c.get("session").csrf;
    const action = form.get("action") ?? "";
    const ids = [...form.keys()].filter((key) => key.startsWith("c-") && form.get(key) === "1").map((key) => key.slice(2));
    if (!(action in ACTIONS)) return c.html(moderationMessagePage(csrf, "Action inconnue", "Cette action n’existe pas."), 404);
    if (ids.length === 0) return c.html(moderationMessagePage(csrf, "Aucun commentaire coché", "Cochez au moins un commentaire, puis choisissez l’action."), 422);
    const status = ACTIONS[action as keyof typeof ACTIONS];
    try {
      for (const id of ids) await deps.moderation.setStatus(id, status, actorOf(c.get("session")));
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      return c.html(moderationMessagePage(csrf, "Action groupée interrompue", error.message), 422);
    }
    return c.redirect(`/moderation/?statut=${back}&message=lot-${status}&nombre=${ids.length}`, 303);
  });

  app.post(`${BASE}/commentaires/:id/:action`, async (c) => {
    const { id, action } = c.req.param();
    const form = c.get("form");
    const back = statusParam(form.get("retour"));
    const done = (message: string, undo?: string): Response =>
      c.redirect(`/moderation/?statut=${back}&message=${message}${undo ? `&annuler=${encodeURIComponent(undo)}` : ""}`, 303);
    const csrf = c.get("session").csrf;
    const actor = actorOf(c.get("session"));
    try {
      if (action === "repondre") {
        const result = await deps.moderation.reply(id, form.get("author") ?? "", form.get("body") ?? "");
        return done(result.parentApproved ? "replied-approved" : "replied");
      }
      if (action === "modifier") {
        const edited = await deps.moderation.edit(id, form.get("body") ?? "", actor);
        return done(edited.status === "approved" ? "edited-published" : "edited");
      }
      if (action === "bloquer") {
        const comment = await deps.store.get(id);
        if (comment?.clientHash == null) return c.html(moderationMessagePage(csrf, "Action impossible", "L’empreinte de cet expéditeur n’est plus connue (effacée avec les données personnelles)."), 422);
        await deps.store.addBlockRule("client", comment.clientHash, new Date());
        return done("blocked");
      }
      if (action === "retirer") {
        await deps.moderation.unpublish(id, { actor, reason: form.get("reason")?.trim() || null, withReplies: form.get("with-replies") === "1" });
        return done("unpublished");
      }
      if (action in ACTIONS) {
        const status = ACTIONS[action as keyof typeof ACTIONS];
        const before = (await deps.store.get(id))?.status;
        await deps.moderation.setStatus(id, status, actor);
        return done(status, before && before !== status ? `${id}.${before}` : undefined);
      }
      if (action === "annuler") {
        const status = STATUSES.find((s) => s === form.get("statut"));
        if (status === undefined) return c.html(moderationMessagePage(csrf, "Action impossible", "Statut à rétablir inconnu."), 422);
        await deps.moderation.setStatus(id, status, actor);
        return done(status);
      }
      return c.html(moderationMessagePage(csrf, "Action inconnue", "Cette action n’existe pas."), 404);
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
      return c.html(moderationMessagePage(csrf, "Action impossible", error.message, form.get("body")), 422);
    }
  });

  return app;
}
