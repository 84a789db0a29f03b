import { html, raw } from "hono/html";
import { FIELD_LABELS } from "../../../i18n/comments.fr.ts";
import { FIELD_ERRORS, NOTIFICATION_PAGES, READER_PAGES, REPLY_PAGE, REPORT_TEXT } from "../../../i18n/inbox.fr.ts";
import { plainTextToHtml } from "../../../lib/comments/text.ts";
import type { ArticleInfo } from "../../manifest.ts";
import type { ParentComment } from "../../parents.ts";
import type { FieldErrors } from "../../validate.ts";
import { commentForm, type FormValues } from "./comment-form.ts";
import type { Html } from "./layout.ts";

/** A page for a reader: the inbox puts it in the site's layout, or its own plain one. */
export interface ReaderPage {
  title: string;
  body: Html;
}

// Pages a reader sees when the article page's form cannot do its job alone: JavaScript off and
// something went wrong, or a reply link followed without JavaScript.

const FIELD_ORDER = ["name", "email", "body", "parent"] as const;
const ERROR_TARGETS: Readonly<Record<(typeof FIELD_ORDER)[number], [string, string]>> = {
  name: ["comment-name", FIELD_LABELS.name],
  email: ["comment-email", FIELD_LABELS.email],
  body: ["comment-body", FIELD_LABELS.body],
  parent: ["comment-body", FIELD_ERRORS.parentField],
};

function backLink(siteUrl: string, article: ArticleInfo): Html {
  return html`<p><a href="${siteUrl}${article.url}">${READER_PAGES.backToArticle(article.title)}</a></p>`;
}

export function invalidPage(
  siteUrl: string,
  article: ArticleInfo,
  values: FormValues,
  errors: FieldErrors,
  timestamp: string,
  summary: string = READER_PAGES.invalidSummary,
): ReaderPage {
  const problems = FIELD_ORDER.filter((field) => errors[field] !== undefined).map((field) => {
    const [target, name] = ERROR_TARGETS[field];
    return html`<li><a href="#${target}">${name} : ${errors[field]}</a></li>`;
  });
  // A reply whose parent cannot be found is offered as a new comment rather than lost.
  const formValues = errors.parent === undefined ? values : { ...values, parent: "" };
  return {
    title: READER_PAGES.invalidTitle,
    body: html`${backLink(siteUrl, article)}
<h1>${READER_PAGES.invalidTitle}</h1>
<div class="problems" role="alert">
<p>${summary}</p>
${problems.length > 0 ? html`<ul>${problems}</ul>` : ""}
</div>
<h2>${READER_PAGES.yourComment(article.title)}</h2>
${commentForm(formValues, errors, timestamp)}`,
  };
}

export function replyPage(siteUrl: string, article: ArticleInfo, parent: ParentComment | undefined, values: FormValues, timestamp: string): ReaderPage {
  const heading = parent ? REPLY_PAGE.replyTo(parent.name) : REPLY_PAGE.commentOn(article.title);
  return {
    title: heading,
    body: html`${backLink(siteUrl, article)}
<h1>${heading}</h1>
${parent ? html`<blockquote class="quoted"><p class="quoted-author">${READER_PAGES.wrote(parent.name)}</p>${raw(plainTextToHtml(parent.body))}</blockquote>` : ""}
${commentForm(values, {}, timestamp)}`,
  };
}

export interface MessageOptions {
  siteUrl: string;
  /** Linked back to, when known. */
  article?: ArticleInfo;
  /** What the reader typed, shown so it can be copied and kept. */
  typed?: string;
}

// For the errors where no form can help.
export function messagePage(title: string, message: string, options: MessageOptions): ReaderPage {
  const typed = options.typed?.trim() ?? "";
  return {
    title,
    body: html`<h1>${title}</h1>
<p role="alert">${message}</p>
${typed !== "" ? html`<p class="field"><label for="typed-text">${READER_PAGES.typedText}</label>
<textarea id="typed-text" rows="8" readonly>
${typed}</textarea></p>` : ""}
${options.article ? backLink(options.siteUrl, options.article) : html`<p><a href="${options.siteUrl}/">${READER_PAGES.backHome}</a></p>`}`,
  };
}

/** The form to report a published comment, for readers with or without JavaScript. */
export function reportPage(
  siteUrl: string,
  article: ArticleInfo,
  comment: { id: string; name: string; body: string },
  error?: string,
  values: { reason: string; text: string } = { reason: "", text: "" },
): ReaderPage {
  return {
    title: REPORT_TEXT.title,
    body: html`${backLink(siteUrl, article)}
<h1>${REPORT_TEXT.title}</h1>
<blockquote class="quoted"><p class="quoted-author">${READER_PAGES.wrote(comment.name)}</p>${raw(plainTextToHtml(comment.body))}</blockquote>
${error ? html`<p class="error" role="alert" id="report-error">${error}</p>` : ""}
<form method="post" action="/api/reports">
<input type="hidden" name="comment" value="${comment.id}">
<fieldset${error ? html` aria-describedby="report-error"` : ""}><legend>${REPORT_TEXT.question}</legend>
${Object.entries(REPORT_TEXT.reasons).map(([value, label]) => html`<p><input type="radio" id="report-${value}" name="reason" value="${value}" required${values.reason === value ? " checked" : ""}> <label for="report-${value}">${label}</label></p>`)}
</fieldset>
<p class="field"><label for="report-text">${REPORT_TEXT.detailLabel}</label>
<textarea id="report-text" name="text" rows="4" maxlength="1000">
${values.text}</textarea></p>
<p>${REPORT_TEXT.reassurance}</p>
<p><button type="submit">${REPORT_TEXT.submit}</button></p>
</form>`,
  };
}

/** The page a notification e-mail's link opens: what pressing its one button will do. */
export function notificationLinkPage(
  siteUrl: string,
  purpose: "confirm" | "unsubscribe",
  article: ArticleInfo | undefined,
  action: string,
): ReaderPage {
  const page = NOTIFICATION_PAGES.ask[purpose];
  const about = article ? NOTIFICATION_PAGES.about(article.title) : "";
  return {
    title: page.title,
    body: html`<h1>${page.title}</h1>
<p>${page.text(about)}</p>
<form method="post" action="${action}"><p><button type="submit">${page.button}</button></p></form>
${article ? backLink(siteUrl, article) : ""}`,
  };
}
