// The article form (Astro) and the inbox's own pages (error page, reply page) render the same
// fields, and the inbox enforces these limits: one definition keeps them from drifting apart.
// What the fields and notices say is in src/i18n/comments.fr.ts.

export const LIMITS = {
  nameMax: 80,
  emailMax: 254,
  bodyMin: 2,
  bodyMax: 5000,
  maxLinks: 2,
} as const;

export type FieldName = "article" | "parent" | "name" | "email" | "body";

// Ids in URLs and fragments: the anchors `commentaire-<id>` and the targets after a no-JS post,
// one per answer to the « Me prévenir » box (src/inbox/notifications.ts, NotifyAnswer).
export const PENDING_ANCHORS = {
  none: "commentaire-en-attente",
  confirm: "commentaire-en-attente-confirmation",
  off: "commentaire-en-attente-sans-e-mail",
} as const;
// Where the inbox sends a reader back after a report (src/inbox/http/report-routes.ts).
export const REPORTED_ANCHOR = "signalement-recu";
export const FORM_ANCHOR = "laisser-un-commentaire";
export const commentAnchor = (id: string): string => `commentaire-${id}`;

// The honeypot and the signed fill-time token travel with the form under these names.
export const HONEYPOT_FIELD = "website";
export const NOTIFY_FIELD = "notify";
export const TIMESTAMP_FIELD = "ts";
