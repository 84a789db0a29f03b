import { stringify } from "yaml";
import type { StoredComment } from "./store/types.ts";

// The published form of an approved comment: what the site's `comments` collection reads.
// Only what readers see: never the e-mail address or the client hash.
export function commentFile(comment: StoredComment): string {
  const frontMatter = stringify({
    id: comment.id,
    article: comment.article,
    parent: comment.parent,
    author: comment.name,
    date: comment.created.toISOString(),
    staff: comment.staff,
  });
  return `---\n${frontMatter}---\n\n${comment.body}\n`;
}
