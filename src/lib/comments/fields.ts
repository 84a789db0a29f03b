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
  notifyLabel: "Me prévenir par e-mail d’une réponse",
  notifyHint: "Un premier e-mail vous demandera de confirmer ; chaque message permet de se désabonner en un clic.",
  pendingConfirm:
    "Merci ! Votre commentaire a bien été reçu. Il sera publié après relecture par la rédaction. Pour être prévenu d’une réponse, ouvrez le lien de l’e-mail de confirmation qui vient de vous être envoyé.",
  pendingNoMail:
    "Merci ! Votre commentaire a bien été reçu. Il sera publié après relecture par la rédaction. Ce site n’envoie pas d’e-mails : vous ne serez pas prévenu d’une réponse, revenez sur cette page pour la lire.",
  sentHeading: "Envoyé depuis cette page",
  sentStatus: "En attente de relecture : visible de vous seul pour le moment.",
  closed: "Les commentaires sont fermés pour cet article.",
  reported: "Merci : votre signalement est arrivé à la rédaction, qui le lira.",
} as const;

// Ids in URLs and fragments: the anchors `commentaire-<id>` and the targets after a no-JS post,
// one per answer to the « Me prévenir » box (src/inbox/notifications.ts, NotifyAnswer).
export const PENDING_ANCHORS = {
  none: "commentaire-en-attente",
  confirm: "commentaire-en-attente-confirmation",
  off: "commentaire-en-attente-sans-e-mail",
} as const;
export const PENDING_TEXT: Readonly<Record<keyof typeof PENDING_ANCHORS, string>> = {
  none: FORM_TEXT.pending,
  confirm: FORM_TEXT.pendingConfirm,
  off: FORM_TEXT.pendingNoMail,
};
// Where the inbox sends a reader back after a report (src/inbox/http/report-routes.ts).
export const REPORTED_ANCHOR = "signalement-recu";
export const FORM_ANCHOR = "laisser-un-commentaire";
export const commentAnchor = (id: string): string => `commentaire-${id}`;

// The honeypot and the signed fill-time token travel with the form under these names.
export const HONEYPOT_FIELD = "website";
export const NOTIFY_FIELD = "notify";
export const TIMESTAMP_FIELD = "ts";
