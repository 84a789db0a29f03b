// The article form (Astro) and the inbox's own pages (error page, reply page) render the same
// fields, and the inbox enforces these limits: one definition keeps them from drifting apart.
import { frenchNumber } from "../typography.ts";

export const LIMITS = {
  nameMax: 80,
  emailMax: 254,
  bodyMin: 2,
  bodyMax: 5000,
  maxLinks: 2,
} as const;

export type FieldName = "article" | "parent" | "name" | "email" | "body";

export const FIELD_LABELS: Readonly<Record<"name" | "email" | "body", string>> = {
  name: "Nom",
  email: "Adresse e-mail",
  body: "Commentaire",
};

export const FORM_TEXT = {
  heading: "Laisser un commentaire",
  emailNotice: "Votre adresse e-mail ne sera pas publiée.",
  requiredNotice: "Les champs obligatoires sont indiqués par un astérisque (*).",
  moderationNotice: "Les commentaires sont relus avant publication.",
  nameHint: `Affiché avec votre commentaire, ${frenchNumber(LIMITS.nameMax)} caractères au plus.`,
  bodyHint: `Texte simple, ${frenchNumber(LIMITS.bodyMax)} caractères au plus, ${LIMITS.maxLinks} liens au plus.`,
  honeypotLabel: "Ne remplissez pas ce champ (il sert à écarter les robots)",
  submit: "Envoyer le commentaire",
  replyingTo: "En réponse à",
  cancelReply: "Annuler la réponse",
  pending: "Merci ! Votre commentaire a bien été reçu. Il sera publié après relecture par la rédaction.",
  sentHeading: "Envoyé depuis cette page",
  sentStatus: "En attente de relecture : visible de vous seul pour le moment.",
  closed: "Les commentaires sont fermés pour cet article.",
  reported: "Merci : votre signalement est arrivé à la rédaction, qui le lira.",
} as const;

// Ids in URLs and fragments: the anchors `commentaire-<id>` and the target after a no-JS post.
export const PENDING_ANCHOR = "commentaire-en-attente";
// Where the inbox sends a reader back after a report (src/inbox/http/report-routes.ts).
export const REPORTED_ANCHOR = "signalement-recu";
export const FORM_ANCHOR = "laisser-un-commentaire";
export const commentAnchor = (id: string): string => `commentaire-${id}`;

// The honeypot and the signed fill-time token travel with the form under these names.
export const HONEYPOT_FIELD = "website";
export const TIMESTAMP_FIELD = "ts";
