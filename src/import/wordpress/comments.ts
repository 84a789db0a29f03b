// A post's WordPress comments in Pouls's own forms: approved ones as the files the inbox publishes
// (content/comments/<article>/<id>.md, threads and dates kept, a site author's as an editorial
// reply), pending ones for the inbox's queue. Comment HTML becomes the plain text Pouls shows:
// links as their URLs, markup never rendered. No e-mail or IP address reaches a file.
import { decodeHTML } from "entities";
import { commentFile } from "../../inbox/comment-file.ts";
import { normalizeParagraphs } from "../../lib/comments/text.ts";
import type { WxrComment } from "./read.ts";
import { wordpressDate } from "./text.ts";

export interface PendingComment {
  id: string;
  article: string;
  parent: string | null;
  name: string;
  email: string | null;
  body: string;
  created: Date;
}

export interface ImportedComments {
  files: { path: string; text: string }[];
  pending: PendingComment[];
  /** Comments left out, by reason ("spam", "corbeille", "rétrolien"). */
  skipped: Map<string, number>;
}

/** The inbox's id form ([a-z0-9], 8 to 32): "wp" and WordPress's id, so a second import finds the same. */
export const commentId = (wordpressId: string): string => `wp${wordpressId.padStart(8, "0")}`;

/** Comment HTML as plain text: a link becomes its URL (with its words when they differ). */
export function commentText(html: string): string {
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<a\b[^>]*href=["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, inner: string) => {
      const words = decodeHTML(inner.replace(/<[^>]*>/g, "")).trim();
      const url = decodeHTML(href);
      return words === "" || words === url ? url : `${words} (${url})`;
    })
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return normalizeParagraphs(decodeHTML(text));
}

/**
 * The comments of the article `slug`. `staff` maps a WordPress user id of the site's authors to
 * the name an editorial reply is signed with.
 */
export function importComments(comments: readonly WxrComment[], slug: string, staff: ReadonlyMap<string, string>): ImportedComments {
  const out: ImportedComments = { files: [], pending: [], skipped: new Map() };
  const skip = (reason: string) => out.skipped.set(reason, (out.skipped.get(reason) ?? 0) + 1);
  const published = new Set(comments.filter((c) => (c.type === "" || c.type === "comment") && c.approved === "1").map((c) => c.id));
  for (const c of comments) {
    if (c.type !== "" && c.type !== "comment") {
      skip("rétrolien (pingback, trackback)");
      continue;
    }
    if (c.approved === "spam") {
      skip("spam");
      continue;
    }
    if (c.approved !== "1" && c.approved !== "0") {
      skip("corbeille");
      continue;
    }
    const created = wordpressDate(c.dateGmt, true) ?? wordpressDate(c.date, false);
    const body = commentText(c.content);
    if (created === undefined || body === "") {
      skip("sans date ou sans texte");
      continue;
    }
    const id = commentId(c.id);
    // A reply to a comment that is not published starts its own thread.
    const parent = c.parent !== "" && c.parent !== "0" && published.has(c.parent) ? commentId(c.parent) : null;
    const staffName = c.userId !== "" && c.userId !== "0" ? staff.get(c.userId) : undefined;
    const name = staffName ?? (decodeHTML(c.author).trim() || "Anonyme");
    if (c.approved === "0") {
      out.pending.push({ id, article: slug, parent, name, email: c.email.trim() || null, body, created });
      continue;
    }
    // The very file the inbox writes when a moderator approves a comment.
    const text = commentFile({
      id,
      article: slug,
      parent,
      name,
      email: null,
      clientHash: null,
      body,
      status: "approved",
      staff: staffName !== undefined,
      authorId: null,
      spamScore: 0,
      signals: [],
      created,
      removed: false,
      syncNeeded: false,
    });
    out.files.push({ path: `comments/${slug}/${id}.md`, text });
  }
  return out;
}
