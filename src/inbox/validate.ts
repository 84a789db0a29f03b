import { FIELD_ERRORS } from "../i18n/inbox.fr.ts";
import { LIMITS, type FieldName } from "../lib/comments/fields.ts";
import { findUrls } from "../lib/comments/links.ts";
import { normalizeParagraphs } from "../lib/comments/text.ts";
import { cleanBody, cleanName } from "./normalize.ts";

export type FieldErrors = Partial<Record<FieldName, string>>;

// Everything the reader sent, as sent: what an error page gives back.
export interface CommentForm {
  article: string;
  parent: string;
  name: string;
  email: string;
  body: string;
  website: string;
  ts: string;
  // The « Me prévenir d’une réponse » box was ticked.
  notify: boolean;
}

export interface CleanComment {
  article: string;
  parent: string | null;
  name: string;
  email: string;
  body: string;
  links: number;
}

export type Validation = { ok: true; value: CleanComment } | { ok: false; errors: FieldErrors };

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

export function readCommentForm(fields: ReadonlyMap<string, string>): CommentForm {
  const field = (name: string): string => fields.get(name) ?? "";
  return {
    article: field("article").trim(),
    parent: field("parent").trim(),
    name: field("name"),
    email: field("email"),
    body: field("body"),
    website: field("website"),
    ts: field("ts").trim(),
    notify: field("notify") === "1",
  };
}

// In characters as the reader counts them (code points, as [...text] does), not UTF-16 units;
// without making an array of a 5,000-character body to count them.
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const length = (text: string): number => text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);

export function validateBody(raw: string, { limitLinks }: { limitLinks: boolean }): { body: string; links: number; error?: string } {
  const body = normalizeParagraphs(cleanBody(raw));
  const links = findUrls(body).length;
  const size = length(body);
  if (size === 0) return { body, links, error: FIELD_ERRORS.bodyEmpty };
  if (size < LIMITS.bodyMin) {
    return { body, links, error: FIELD_ERRORS.bodyShort };
  }
  if (size > LIMITS.bodyMax) {
    return { body, links, error: FIELD_ERRORS.bodyLong(size) };
  }
  if (limitLinks && links > LIMITS.maxLinks) {
    return { body, links, error: FIELD_ERRORS.tooManyLinks(links) };
  }
  return { body, links };
}

// Field rules only; whether the article and the parent exist is the submission's business.
export function validateComment(form: CommentForm): Validation {
  const errors: FieldErrors = {};
  const name = cleanName(form.name);
  if (name === "") errors.name = FIELD_ERRORS.nameEmpty;
  else if (length(name) > LIMITS.nameMax) {
    errors.name = FIELD_ERRORS.nameLong(length(name));
  }

  const email = form.email.normalize("NFC").trim();
  if (email === "") errors.email = FIELD_ERRORS.emailEmpty;
  else if (email.length > LIMITS.emailMax || !EMAIL.test(email) || email.includes("..")) {
    errors.email = FIELD_ERRORS.emailInvalid;
  }

  const body = validateBody(form.body, { limitLinks: true });
  if (body.error !== undefined) errors.body = body.error;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      article: form.article,
      parent: form.parent === "" ? null : form.parent,
      name,
      email,
      body: body.body,
      links: body.links,
    },
  };
}
