// Who a reply may answer: an approved comment of the same article, known to this inbox's store or
// published as content/comments/<article>/<id>.md (placed by hand, imported, or approved before a
// restore from an older backup). Readers see a "Répondre" link under every published comment.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitFrontMatter } from "../lib/front-matter.ts";
import type { CommentStore } from "./store/types.ts";

export interface ParentComment {
  name: string;
  body: string;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function publishedParent(contentDir: string, article: string, id: string): ParentComment | undefined {
  if (!SAFE_ID.test(id) || !SAFE_ID.test(article)) return undefined;
  let source: string;
  try {
    source = readFileSync(join(contentDir, "comments", article, `${id}.md`), "utf8");
  } catch {
    return undefined;
  }
  let parts;
  try {
    parts = splitFrontMatter(source);
  } catch {
    return undefined;
  }
  if (!parts) return undefined;
  const { data, body } = parts;
  if (data["article"] !== article || typeof data["author"] !== "string") return undefined;
  return { name: data["author"], body: body.trim() };
}

export async function findParent(
  store: CommentStore,
  contentDir: string,
  article: string,
  id: string,
): Promise<ParentComment | undefined> {
  const stored = await store.get(id);
  if (stored) return stored.article === article && stored.status === "approved" ? stored : undefined;
  return publishedParent(contentDir, article, id);
}
