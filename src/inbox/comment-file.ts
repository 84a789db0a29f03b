import { toYaml } from "../lib/yaml.ts";
import type { StoredComment } from "./store/types.ts";

// The published form of an approved comment: what the site's `comments` collection reads.
// Only what readers see: never the e-mail address or the client hash. A comment taken down with
// its replies kept is only its place in the thread: no author, no text.
export function commentFile(comment: StoredComment): string {
  if (comment.status !== "approved" && comment.removed) {
    const placeholder = toYaml({ id: comment.id, article: comment.article, parent: comment.parent, date: comment.created.toISOString(), removed: true });
    return `---\n${placeholder}---\n`;
  }
  const frontMatter = toYaml({
    id: comment.id,
    article: comment.article,
    parent: comment.parent,
    author: comment.name,
    date: comment.created.toISOString(),
    staff: comment.staff,
  });
  return `---\n${frontMatter}---\n\n${comment.body}\n`;
}
