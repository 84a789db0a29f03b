import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Html } from "./views/layout.ts";

export function wantsJson(c: Context): boolean {
  return (c.req.header("accept") ?? "").toLowerCase().includes("application/json");
}

// One answer in two shapes: JSON for the article page's script, a French HTML page otherwise.
export function failure(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  page: () => Html,
): Response | Promise<Response> {
  if (wantsJson(c)) return c.json({ ok: false, error: code, message }, status);
  return c.html(page(), status);
}
