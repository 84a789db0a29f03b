import type { MiddlewareHandler } from "hono";

export interface PolicySources {
  /** Where forms may post or redirect to, beyond 'self'. */
  formTargets?: readonly string[];
  /** Stylesheets beyond 'self' (the site's, on readers' pages in its layout). */
  styles?: readonly string[];
  images?: readonly string[];
}

const list = (sources: readonly string[] = []) => sources.map((source) => ` ${source}`).join("");

export function contentSecurityPolicy(sources: PolicySources): string {
  return [
    "default-src 'none'",
    `style-src 'self'${list(sources.styles)}`,
    `img-src 'self'${list(sources.images)}`,
    `form-action 'self'${list(sources.formTargets)}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

const HEADERS = (formTargets: readonly string[]): [string, string][] => [
  ["Content-Security-Policy", contentSecurityPolicy({ formTargets })],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
];

// No script, no inline style, no framing: the inbox's pages are plain forms and text (readers'
// pages in the site's layout widen style-src to the site's styles: src/inbox/http/reader-page.ts).
// Set before the route runs, so that they go into the response as it is made: a header added to
// a finished response makes @hono/node-server rebuild it as a web Response, a large share of a
// submission's CPU time. A response made without the context (an HTTPException's) gets them after.
export function securityHeaders(formTargets: readonly string[]): MiddlewareHandler {
  const headers = HEADERS(formTargets);
  return async (c, next) => {
    for (const [name, value] of headers) c.header(name, value);
    await next();
    if (c.res.headers.has("Content-Security-Policy")) return;
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}

// CORS for the site's own origin only, with the answers of hono/cors, its headers likewise set
// before the route runs (hono/cors adds Vary to the finished response).
export function siteCors(siteUrl: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header("origin") === siteUrl) c.header("Access-Control-Allow-Origin", siteUrl);
    c.header("Vary", "Origin");
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Max-Age", "600");
      c.header("Access-Control-Allow-Methods", "GET,POST");
      c.header("Access-Control-Allow-Headers", "Content-Type,Accept");
      c.header("Vary", "Access-Control-Request-Headers", { append: true });
      return c.body(null, 204);
    }
    await next();
  };
}
