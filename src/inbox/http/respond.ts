import type { Context } from "hono";

export function wantsJson(c: Context): boolean {
  return (c.req.header("accept") ?? "").toLowerCase().includes("application/json");
}
