// A short fingerprint of any data a page is built from: equal data, equal fingerprint, whatever
// the order its object keys were set in. Pages share objects (an article's view is on its own page,
// on list pages and in other articles' cards), so the fingerprint of a large object is computed
// once: an object must not change after it was fingerprinted, as a build's data does not.
import { createHash } from "node:crypto";

const known = new WeakMap<object, string>();

// An object whose data takes this many characters written out is stood for by the hash of them;
// a smaller one is written out where it is met, which costs less than hashing it (one hash per
// small object took most of the time of the cache keys of 10,000 articles).
const HASHED_FROM = 1024;
// An object whose fingerprint cost this many characters of data to compute is remembered: the
// articles, their entries and rendered bodies, and what holds them, not each small object inside
// them. V8 gives objects about two million distinct identity hashes, so a WeakMap of millions of
// keys degrades (measured: 6 million keys, 15 µs a lookup and 4 minutes to fill); remembering every
// object made the cache keys of 200,000 articles take more than 15 minutes.
const WORTH_REMEMBERING = 4096;
// Characters serialised so far, to tell what an object's fingerprint cost.
let serialised = 0;

const hash = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The fingerprint of `value`: plain data, dates, arrays, maps and sets, nested in any way. */
export function digest(value: unknown): string {
  return hash(serialise(value, new Set()));
}

function serialise(value: unknown, path: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "undefined":
      return "undefined";
    case "string":
      serialised += value.length;
      // A long text (an article's body, its HTML) costs less hashed than escaped and copied.
      return value.length < HASHED_FROM ? JSON.stringify(value) : `$${hash(value)}`;
    case "number":
    case "boolean":
    case "bigint":
      return `${typeof value}:${String(value)}`;
    case "object":
      return objectPart(value, path);
    default:
      // A function's output is not known before it runs: data keyed with one could go stale.
      throw new TypeError(`digest: cannot fingerprint a ${typeof value}; give the data it computes instead.`);
  }
}

// Whether an object is written out or hashed depends on its data alone, so equal data gives the
// same fingerprint wherever it is met, remembered or not.
function objectPart(value: object, path: Set<object>): string {
  const seen = known.get(value);
  if (seen !== undefined) return seen;
  if (path.has(value)) throw new TypeError("digest: the data refers to itself; give a tree of data.");
  path.add(value);
  const before = serialised;
  const written = members(value, path);
  path.delete(value);
  const part = written.length < HASHED_FROM ? written : `#${hash(written)}`;
  if (serialised - before >= WORTH_REMEMBERING) known.set(value, part);
  return part;
}

function members(value: object, path: Set<object>): string {
  const each = (items: Iterable<unknown>) => [...items].map((item) => serialise(item, path)).join(",");
  if (value instanceof Date) return `date:${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()}`;
  if (Array.isArray(value)) return `[${each(value)}]`;
  if (value instanceof Map) return `map[${[...value].map(([k, v]) => `${serialise(k, path)}=>${serialise(v, path)}`).join(",")}]`;
  if (value instanceof Set) return `set[${each(value)}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${serialise((value as Record<string, unknown>)[k], path)}`).join(",")}}`;
}
