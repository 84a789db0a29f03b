import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

export class MalformedBody extends Error {}

const MAX_FIELDS = 32;

const FORM_TYPE = "application/x-www-form-urlencoded";

export function isFormContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  // What browsers send for a form, answered without taking the header apart.
  if (header === FORM_TYPE) return true;
  const [type = "", ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  if (type !== FORM_TYPE) return false;
  const charset = params.find((param) => param.startsWith("charset="));
  return charset === undefined || ["charset=utf-8", 'charset="utf-8"'].includes(charset);
}

function decode(part: string): string {
  if (!part.includes("%") && !part.includes("+")) return part;
  try {
    return decodeURIComponent(part.replace(/\+/gu, " "));
  } catch {
    throw new MalformedBody("bad percent-encoding");
  }
}

// Fatal: broken UTF-8 throws instead of becoming replacement characters. Stateless between
// calls, since each decodes a whole body in one go.
const utf8 = new TextDecoder("utf-8", { fatal: true });

// Stricter than URLSearchParams, which silently turns broken input into replacement characters:
// the reader would then see their text altered. Broken encoding or repeated fields are refused.
export async function readForm(request: Request): Promise<Map<string, string>> {
  let text: string;
  try {
    text = utf8.decode(await request.arrayBuffer());
  } catch {
    throw new MalformedBody("not UTF-8");
  }
  const fields = new Map<string, string>();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const name = decode(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? "" : decode(pair.slice(separator + 1));
    if (fields.has(name)) throw new MalformedBody(`repeated field ${name}`);
    if (fields.size >= MAX_FIELDS) throw new MalformedBody("too many fields");
    fields.set(name, value);
  }
  return fields;
}

// Hono's bodyLimit reads `request.body` first, which makes @hono/node-server build a full web
// Request and stream around the Node request: a large share of a submission's CPU time. A body
// with a Content-Length needs none of it (Node's parser never delivers more than it declares),
// so only chunked bodies go through the streaming check.
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streaming(c, next);
    if (Number.parseInt(length, 10) > maxSize) return onError(c);
    await next();
  };
}
