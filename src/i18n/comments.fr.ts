// What the comment form and its notices say to readers, on the article page and on the inbox's
// own pages alike (src/lib/comments/fields.ts has the fields' names and limits).
import { LIMITS, PENDING_ANCHORS } from "../lib/comments/fields.ts";
import { frenchNumber } from "../lib/typography.ts";

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
  networkError: "Le commentaire n’a pas pu être envoyé (connexion impossible). Votre texte est conservé : réessayez.",
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

export const PENDING_TEXT: Readonly<Record<keyof typeof PENDING_ANCHORS, string>> = {
  none: FORM_TEXT.pending,
  confirm: FORM_TEXT.pendingConfirm,
  off: FORM_TEXT.pendingNoMail,
};

/** The words of a published thread (src/lib/comments/thread-html.ts), and of the counts on cards. */
export const THREAD_TEXT = {
  count: (count: number) => (count === 0 ? "Commentaires" : `${frenchNumber(count)} commentaire${count > 1 ? "s" : ""}`),
  empty: "Aucun commentaire pour le moment.",
  staff: "Réponse de la rédaction",
  inReplyTo: "en réponse à",
  reply: "Répondre",
  replyTo: (author: string) => ` à ${author}`,
  report: "Signaler",
  reportOf: (author: string) => ` le commentaire de ${author}`,
  // What stands for a removed comment, where its author's name and its text were.
  removedAuthor: "Commentaire retiré",
  removedText: "Ce commentaire a été retiré par la rédaction.",
} as const;
