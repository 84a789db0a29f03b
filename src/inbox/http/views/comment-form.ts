import { html } from "hono/html";
import { HONEYPOT_FIELD, LIMITS, NOTIFY_FIELD, TIMESTAMP_FIELD } from "../../../lib/comments/fields.ts";
import { FIELD_LABELS, FORM_TEXT } from "../../../i18n/comments.fr.ts";
import type { FieldErrors } from "../../validate.ts";
import type { Html } from "./layout.ts";

export interface FormValues {
  article: string;
  parent: string;
  name: string;
  email: string;
  body: string;
  notify: boolean;
}

type VisibleField = "name" | "email" | "body";

function describedBy(field: VisibleField, hint: boolean, error: string | undefined): string {
  return [hint ? `comment-${field}-hint` : "", error ? `comment-${field}-error` : ""].filter(Boolean).join(" ");
}

function label(field: VisibleField): Html {
  return html`<label for="comment-${field}">${FIELD_LABELS[field]} <span aria-hidden="true">*</span><span class="visually-hidden"> (obligatoire)</span></label>`;
}

function hintAndError(field: VisibleField, hint: string | undefined, error: string | undefined): Html {
  return html`${hint ? html`<span class="hint" id="comment-${field}-hint">${hint}</span>` : ""}${
    error ? html`<span class="error" id="comment-${field}-error">${error}</span>` : ""
  }`;
}

// The same fields, names and limits as the form on the article page (src/components/comments),
// so a reader who lands here after an error finds what they know.
export function commentForm(values: FormValues, errors: FieldErrors, timestamp: string): Html {
  const input = (field: "name" | "email", type: string, autocomplete: string, max: number, hint?: string): Html => {
    const error = errors[field];
    const ids = describedBy(field, hint !== undefined, error);
    return html`<p class="field">${label(field)}
<input id="comment-${field}" name="${field}" type="${type}" required maxlength="${max}" autocomplete="${autocomplete}" value="${values[field]}"${
      ids ? html` aria-describedby="${ids}"` : ""
    }${error ? html` aria-invalid="true"` : ""}>
${hintAndError(field, hint, error)}</p>`;
  };
  const bodyError = errors.body;
  const bodyIds = describedBy("body", true, bodyError);
  return html`<form class="comment-form" method="post" action="/api/comments">
<p class="notice">${FORM_TEXT.emailNotice} ${FORM_TEXT.requiredNotice}</p>
<input type="hidden" name="article" value="${values.article}">
<input type="hidden" name="parent" value="${values.parent}">
<input type="hidden" name="${TIMESTAMP_FIELD}" value="${timestamp}">
${input("name", "text", "name", LIMITS.nameMax, FORM_TEXT.nameHint)}
${input("email", "email", "email", LIMITS.emailMax, FORM_TEXT.emailNotice)}
<p class="check"><input id="comment-notify" name="${NOTIFY_FIELD}" type="checkbox" value="1" aria-describedby="comment-notify-hint"${values.notify ? html` checked` : ""}>
<label for="comment-notify">${FORM_TEXT.notifyLabel}</label>
<span class="hint" id="comment-notify-hint">${FORM_TEXT.notifyHint}</span></p>
<p class="field">${label("body")}
<textarea id="comment-body" name="body" rows="8" required minlength="${LIMITS.bodyMin}" maxlength="${LIMITS.bodyMax}" aria-describedby="${bodyIds}"${
    bodyError ? html` aria-invalid="true"` : ""
  }>
${values.body}</textarea>
${hintAndError("body", FORM_TEXT.bodyHint, bodyError)}</p>
<p class="honeypot"><label for="comment-${HONEYPOT_FIELD}">${FORM_TEXT.honeypotLabel}</label>
<input id="comment-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off" value=""></p>
<p><button type="submit">${FORM_TEXT.submit}</button></p>
<p class="notice">${FORM_TEXT.moderationNotice}</p>
</form>`;
}
