import { createHmac } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

// Behind the operator's own proxy the last X-Forwarded-For entry is the one that proxy added;
// entries further left come from the client and can be forged.
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
    const last = forwarded?.at(-1);
    if (last !== undefined) return last;
  }
  return getConnInfo(c).remote.address ?? "unknown";
}

// Only this keyed hash is stored: it lets the inbox count a client's posts without keeping the
// address, and cannot be reversed without INBOX_SECRET.
export function hashClient(secret: string, address: string): string {
  return createHmac("sha256", secret).update(`pouls-client:${address}`).digest("hex");
}
