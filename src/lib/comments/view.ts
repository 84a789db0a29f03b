import { formatInstantFr } from "../dates.ts";
import { THREAD_TEXT } from "../../i18n/comments.fr.ts";
import { commentAnchor } from "./fields.ts";
import { plainTextToHtml } from "./text.ts";
import { buildThread, DEFAULT_MAX_DEPTH, type ThreadNode } from "./thread.ts";

// What the site passes in: one approved comment from content/comments.
export interface PublishedComment {
  id: string;
  parent: string | null;
  author: string;
  date: Date;
  staff: boolean;
  /** Taken down after publication, shown as a placeholder for the replies under it. */
  removed: boolean;
  body: string;
}

// Everything the Astro components print, already computed and (for `html`) already escaped.
export interface CommentView {
  id: string;
  anchor: string;
  author: string;
  staff: boolean;
  removed: boolean;
  dateIso: string;
  dateLabel: string;
  html: string;
  depth: number;
  inReplyTo: { anchor: string; author: string } | null;
  replyHref: string | null;
  /** The inbox's form to report it (none for a placeholder). */
  reportHref: string | null;
  replies: CommentView[];
}

/** How many comments readers can read: removed ones are only placeholders. */
export const readableCount = (comments: readonly PublishedComment[]): number => comments.filter((c) => !c.removed).length;

// Without JavaScript the reply link opens the inbox's own reply form; the page's script turns
// it into an in-place reply instead.
export function replyHref(action: string, article: string, parent: string): string {
  const separator = action.includes("?") ? "&" : "?";
  return `${action}${separator}${new URLSearchParams({ article, parent }).toString()}`;
}

// The report form sits beside the comment API on the inbox: `${inbox}/api/reports?comment=…`.
export function reportHref(action: string, comment: string): string {
  const base = action.replace(/\/api\/comments(?=$|\?)/u, "/api/reports").replace(/\?.*$/u, "");
  return `${base}?${new URLSearchParams({ comment }).toString()}`;
}

export function commentThreadView(
  comments: readonly PublishedComment[],
  options: { article: string; action: string; open: boolean; maxDepth?: number },
): CommentView[] {
  const toView = (node: ThreadNode<PublishedComment>): CommentView => ({
    id: node.comment.id,
    anchor: commentAnchor(node.comment.id),
    author: node.comment.removed ? THREAD_TEXT.removedAuthor : node.comment.author,
    staff: node.comment.staff && !node.comment.removed,
    removed: node.comment.removed,
    dateIso: node.comment.date.toISOString(),
    dateLabel: formatInstantFr(node.comment.date),
    html: plainTextToHtml(node.comment.removed ? THREAD_TEXT.removedText : node.comment.body),
    depth: node.depth,
    inReplyTo: node.inReplyTo && { anchor: commentAnchor(node.inReplyTo.id), author: node.inReplyTo.removed ? THREAD_TEXT.removedAuthor.toLowerCase() : node.inReplyTo.author },
    replyHref: options.open && !node.comment.removed ? replyHref(options.action, options.article, node.comment.id) : null,
    reportHref: node.comment.removed ? null : reportHref(options.action, node.comment.id),
    replies: node.replies.map(toView),
  });
  return buildThread(comments, options.maxDepth ?? DEFAULT_MAX_DEPTH).map(toView);
}
