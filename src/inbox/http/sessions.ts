import { randomBytes, timingSafeEqual } from "node:crypto";

export interface Session {
  id: string;
  csrf: string;
  authenticated: boolean;
  // The named account logged in, or null with the shared password (and before login).
  moderator: string | null;
  expiresAt: number;
}

export interface SessionStore {
  start(authenticated: boolean, moderator?: string | null): Session;
  get(id: string | undefined): Session | undefined;
  end(id: string): void;
}

const LOGGED_IN_IDLE_MS = 8 * 60 * 60 * 1000;
const ANONYMOUS_MS = 30 * 60 * 1000;
const MAX_SESSIONS = 5_000;

const token = (): string => randomBytes(32).toString("base64url");

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// In memory on purpose: a restart logs moderators out, which is cheap, and nothing about
// sessions ever reaches the disk. Anonymous sessions exist only to carry the login form's CSRF
// token.
export function createSessionStore(now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, Session>();

  const prune = (): void => {
    const time = now();
    for (const [id, session] of sessions) if (session.expiresAt <= time) sessions.delete(id);
    // Still too many (a flood of login page views): drop the oldest; Maps iterate in insertion order.
    for (const id of sessions.keys()) {
      if (sessions.size < MAX_SESSIONS) break;
      sessions.delete(id);
    }
  };

  return {
    start(authenticated, moderator = null) {
      prune();
      const session = {
        id: token(),
        csrf: token(),
        authenticated,
        moderator,
        expiresAt: now() + (authenticated ? LOGGED_IN_IDLE_MS : ANONYMOUS_MS),
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(id);
        return undefined;
      }
      if (session.authenticated) session.expiresAt = now() + LOGGED_IN_IDLE_MS;
      return session;
    },
    end(id) {
      sessions.delete(id);
    },
  };
}
