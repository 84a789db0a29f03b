// An article's published comments as HTML: the heading with their count, then the thread, or a
// notice when there is none yet. Written as a string, not an Astro component, so that `npm run
// build` can put a newly approved comment into an article page without starting Astro
// (src/lib/comments/patch-pages.ts): both ways give the same bytes. The markers around it are
// how the page's part is found again.
import { escapeHtml } from "./text.ts";
import { THREAD_TEXT } from "../../i18n/comments.fr.ts";
import { commentThreadView, readableCount, type CommentView, type PublishedComment } from "./view.ts";

export const THREAD_START = "<!--pouls:commentaires-->";
export const THREAD_END = "<!--/pouls:commentaires-->";
export const COUNT_START = "<!--pouls:nombre-->";
export const COUNT_END = "<!--/pouls:nombre-->";

export interface ThreadOptions {
  article: string;
  /** Where the form posts, and the no-JavaScript reply links lead. */
  action: string;
  open: boolean;
}

const attr = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

function commentHtml(comment: CommentView): string {
  const { anchor, author } = comment;
  const header = [
    comment.staff ? `<p class="comment-staff">${THREAD_TEXT.staff}</p>` : "",
    `<p class="comment-author"${attr("id", `${anchor}-auteur`)}>${escapeHtml(author)}</p>`,
    `<p class="comment-meta"><a${attr("href", `#${anchor}`)}><time${attr("datetime", comment.dateIso)}>${escapeHtml(comment.dateLabel)}</time></a>`,
    comment.inReplyTo ? ` · ${THREAD_TEXT.inReplyTo} <a${attr("href", `#${comment.inReplyTo.anchor}`)}>${escapeHtml(comment.inReplyTo.author)}</a>` : "",
    `</p>`,
  ].join("");
  const links = [
    comment.replyHref
      ? `<a class="comment-reply"${attr("href", comment.replyHref)}${attr("data-reply-to", comment.id)}${attr("data-reply-author", author)}>${THREAD_TEXT.reply}<span class="visually-hidden">${escapeHtml(THREAD_TEXT.replyTo(author))}</span></a>`
      : "",
    comment.reportHref ? `<a class="comment-report" rel="nofollow"${attr("href", comment.reportHref)}>${THREAD_TEXT.report}<span class="visually-hidden">${escapeHtml(THREAD_TEXT.reportOf(author))}</span></a>` : "",
  ].filter((link) => link !== "");
  const reply = links.length > 0 ? `<p class="comment-actions">${links.join(" ")}</p>` : "";
  return [
    `<li><article${attr("id", anchor)} class="comment${comment.staff ? " comment--staff" : ""}${comment.removed ? " comment--removed" : ""}"${attr("aria-labelledby", `${anchor}-auteur`)}>`,
    `<header class="comment-header">${header}</header>`,
    // Already escaped, links made (view.ts, plainTextToHtml).
    `<div class="comment-body">${comment.html}</div>`,
    reply,
    `</article>`,
    comment.replies.length > 0 ? listHtml(comment.replies) : "",
    `</li>`,
  ].join("");
}

function listHtml(comments: CommentView[]): string {
  const nested = (comments[0]?.depth ?? 1) > 1;
  return `<ol class="comment-list${nested ? " comment-list--replies" : ""}">${comments.map(commentHtml).join("")}</ol>`;
}

export function commentThreadHtml(comments: readonly PublishedComment[], options: ThreadOptions): string {
  const thread = commentThreadView(comments, options);
  const body = thread.length > 0 ? listHtml(thread) : options.open ? `<p class="comments-empty">${THREAD_TEXT.empty}</p>` : "";
  return `${THREAD_START}<h2 id="commentaires-titre">${escapeHtml(THREAD_TEXT.count(readableCount(comments)))}</h2>${body}${THREAD_END}`;
}

/** At the top of an article: how many comments it has, linked to them; nothing when none. */
export function commentCountHtml(comments: readonly PublishedComment[]): string {
  const count = readableCount(comments);
  const link = count > 0 ? `<p class="comment-count"><a href="#commentaires-titre">${escapeHtml(THREAD_TEXT.count(count))}</a></p>` : "";
  return `${COUNT_START}${link}${COUNT_END}`;
}
