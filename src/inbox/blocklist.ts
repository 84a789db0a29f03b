// Moderators' block rules: a word, a link's domain or a client (its keyed hash) that sends a
// comment straight to spam, each counting what it caught. Kept in the store, so that every inbox
// instance applies the same rules; read again every few seconds rather than at each submission.
import { findUrls } from "../lib/comments/links.ts";
import { fold } from "../lib/search/term-match.ts";
import type { BlockKind, BlockRule, CommentStore } from "./store/types.ts";

export { BLOCK_KINDS } from "./store/types.ts";

export const BLOCK_KIND_LABELS: Readonly<Record<BlockKind, string>> = {
  mot: "mot",
  domaine: "domaine de lien",
  client: "expéditeur (empreinte)",
};

/** A rule's value as compared: a word folded (accents and case aside), a domain without "www.". */
export function normalizeRuleValue(kind: BlockKind, value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (kind === "mot") return fold(trimmed).replace(/\s+/gu, " ");
  if (kind === "domaine") {
    const host = trimmed.toLowerCase().replace(/^[a-z]+:\/\//u, "").replace(/[/?#].*$/u, "").replace(/^www\./u, "");
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/u.test(host) ? host : undefined;
  }
  return /^[0-9a-f]{64}$/u.test(trimmed) ? trimmed : undefined;
}

/** The rules a comment meets. */
export function blockedBy(rules: readonly BlockRule[], comment: { name: string; body: string; clientHash: string | null }): BlockRule[] {
  if (rules.length === 0) return [];
  const text = ` ${fold(`${comment.name}\n${comment.body}`).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  const hosts = findUrls(comment.body).flatMap((url) => {
    try {
      return [new URL(url.href).hostname.toLowerCase()];
    } catch {
      return [];
    }
  });
  return rules.filter((rule) => {
    if (rule.kind === "mot") return text.includes(` ${rule.value.replace(/[^\p{L}\p{N}]+/gu, " ")} `);
    if (rule.kind === "domaine") return hosts.some((host) => host === rule.value || host.endsWith(`.${rule.value}`));
    return comment.clientHash === rule.value;
  });
}

/** The store's rules, read again once `ttlMs` has passed since the last read. */
export function cachedRules(store: CommentStore, ttlMs = 5_000, now: () => number = () => performance.now()): () => Promise<BlockRule[]> {
  let rules: Promise<BlockRule[]> | undefined;
  let readAt = -Infinity;
  return () => {
    if (rules === undefined || now() - readAt >= ttlMs) {
      readAt = now();
      rules = store.listBlockRules();
      rules.catch(() => {
        rules = undefined;
      });
    }
    return rules;
  };
}
