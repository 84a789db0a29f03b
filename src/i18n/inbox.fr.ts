// What the moderation inbox says to readers: its own pages (a form that could not be sent, a
// reply without JavaScript, a report, a notification link), the errors its API answers with, and
// the e-mails it sends them. What moderators read stays with their pages: it is not for readers.
import { LIMITS } from "../lib/comments/fields.ts";
import { frenchNumber } from "../lib/typography.ts";
import type { ReportReason } from "../inbox/store/types.ts";

const minutes = (count: number): string => `${count} minute${count > 1 ? "s" : ""}`;

/** The field errors of a comment (src/inbox/validate.ts), shown beside the field they concern. */
export const FIELD_ERRORS = {
  bodyEmpty: "Écrivez votre commentaire.",
  bodyShort: `Votre commentaire est trop court (${LIMITS.bodyMin} caractères au moins).`,
  bodyLong: (size: number) => `Votre commentaire est trop long : ${frenchNumber(size)} caractères, pour ${frenchNumber(LIMITS.bodyMax)} au plus.`,
  tooManyLinks: (links: number) => `Votre commentaire contient ${links} liens ; ${LIMITS.maxLinks} au plus sont acceptés.`,
  nameEmpty: "Indiquez votre nom ou un pseudonyme.",
  nameLong: (size: number) => `Votre nom est trop long : ${size} caractères, pour ${LIMITS.nameMax} au plus.`,
  emailEmpty: "Indiquez votre adresse e-mail ; elle ne sera pas publiée.",
  emailInvalid: "Cette adresse e-mail ne semble pas valide (exemple : prenom@exemple.fr).",
  parentMissing:
    "Le commentaire auquel vous répondez est introuvable ou n’est pas publié ; vous pouvez envoyer le vôtre comme un nouveau commentaire.",
  /** How an error page names the reply's field in its list of problems. */
  parentField: "Réponse",
} as const;

/** When the inbox itself fails: the details go to the operator's log. */
export const SERVER_ERROR = {
  api: "Erreur du serveur ; réessayez plus tard.",
  title: "Erreur du serveur",
  text: "Une erreur est survenue de notre côté. Revenez à la page précédente : votre texte y est sans doute encore ; réessayez dans quelques minutes.",
} as const;

/** Why a valid comment was not stored and must be sent again (src/inbox/submit.ts). */
export const RESEND_MESSAGES = {
  "too-fast":
    "Votre commentaire est parti moins de trois secondes après l’ouverture du formulaire : trop vite pour que nous sachions qu’il vient d’une personne. Il n’a pas été enregistré. Relisez-le et renvoyez-le.",
  expired:
    "Le formulaire n’est plus valable (la page est sans doute restée ouverte pendant une mise à jour du site) : votre commentaire n’a pas été enregistré. Renvoyez-le.",
  used: "Ce formulaire a déjà servi à envoyer un commentaire : celui-ci n’a pas été enregistré. Renvoyez-le pour l’envoyer aussi.",
} as const;

/**
 * What the comment API answers when it cannot take a comment: `api` in its JSON answers, `title`
 * and `text` on the page a reader without JavaScript gets.
 */
export const COMMENT_REFUSALS = {
  duplicate: {
    title: "Commentaire déjà reçu",
    text: "Vous avez déjà envoyé ce commentaire : il a bien été reçu et attend la relecture de la rédaction. Inutile de le renvoyer.",
  },
  tooLarge: {
    api: "Le commentaire envoyé est trop volumineux.",
    title: "Commentaire trop volumineux",
    text: "Votre envoi dépasse la taille acceptée. Revenez à la page précédente : votre texte y est sans doute encore ; raccourcissez-le avant de le renvoyer.",
  },
  unsupported: {
    api: "Le formulaire doit être envoyé en application/x-www-form-urlencoded.",
    title: "Envoi non reconnu",
    text: "Ce type d’envoi n’est pas accepté. Utilisez le formulaire de l’article.",
  },
  malformed: {
    api: "L’envoi est illisible.",
    title: "Envoi illisible",
    text: "Le formulaire reçu est mal formé. Revenez à la page précédente et renvoyez-le.",
  },
  unknownArticle: {
    api: "Cet article n’existe pas ou n’accepte pas de commentaires.",
    title: "Article introuvable",
    text: "Cet article n’existe pas ou n’est plus en ligne : votre commentaire n’a pas été enregistré.",
  },
  closed: {
    api: "Les commentaires sont fermés pour cet article.",
    title: "Commentaires fermés",
    text: "Les commentaires sont fermés pour cet article : votre commentaire n’a pas été enregistré.",
  },
  flooded: (retryAfterMinutes: number) =>
    `Vous avez envoyé beaucoup de commentaires en peu de temps. Réessayez dans ${minutes(retryAfterMinutes)}.`,
  /** After a resend or flood message, on the page that gives the form back. */
  textKept: "Votre texte est conservé ci-dessous.",
} as const;

/** The reply page a reader without JavaScript opens from a comment's « Répondre » link. */
export const REPLY_PAGE = {
  replyTo: (name: string) => `Répondre à ${name}`,
  commentOn: (title: string) => `Commenter « ${title} »`,
  unknownArticle: { title: "Article introuvable", text: "Cet article n’existe pas ou n’est plus en ligne." },
  closed: { title: "Commentaires fermés", text: "Les commentaires sont fermés pour cet article." },
  unknownParent: { title: "Commentaire introuvable", text: "Le commentaire auquel vous voulez répondre n’est pas publié." },
} as const;

/** Words shared by the inbox's reader pages (src/inbox/http/views/reader-pages.ts). */
export const READER_PAGES = {
  backToArticle: (title: string) => `Revenir à l’article « ${title} »`,
  backHome: "Revenir à l’accueil de Pouls",
  wrote: (name: string) => `${name} a écrit :`,
  typedText: "Votre texte, pour ne pas le perdre :",
  invalidTitle: "Votre commentaire n’a pas pu être envoyé",
  invalidSummary: "Corrigez ce qui est indiqué ci-dessous, puis renvoyez-le : tout ce que vous aviez écrit est conservé.",
  yourComment: (title: string) => `Votre commentaire sur « ${title} »`,
} as const;

const UNPUBLISHED = "Ce commentaire n’est pas publié, ou ne l’est plus.";

/** The report form of a published comment, and what its API answers. */
export const REPORT_TEXT = {
  reasons: {
    danger: "Conseil dangereux pour la santé",
    donnees: "Données personnelles (les siennes ou celles d’un autre)",
    insulte: "Propos insultants ou haineux",
    spam: "Publicité ou spam",
    autre: "Autre raison",
  } satisfies Record<ReportReason, string>,
  title: "Signaler un commentaire",
  question: "Pourquoi ce commentaire pose-t-il problème ?",
  detailLabel: "Précisez si vous le souhaitez (facultatif)",
  reassurance: "La rédaction lit chaque signalement. Votre adresse n’est pas demandée.",
  submit: "Envoyer le signalement",
  noReason: "Choisissez la raison du signalement.",
  detailLong: (max: number) => `Précisez en ${max} caractères au plus.`,
  unknown: { api: UNPUBLISHED, title: "Commentaire introuvable", text: UNPUBLISHED },
  tooLarge: { api: "Le signalement est trop long.", title: "Signalement trop long", text: "Raccourcissez votre précision." },
  unsupported: { api: COMMENT_REFUSALS.unsupported.api, title: "Envoi non reconnu", text: "Ce type d’envoi n’est pas accepté." },
  malformed: { api: COMMENT_REFUSALS.malformed.api, title: "Envoi illisible", text: "Renvoyez le formulaire." },
  flooded: {
    api: "Trop de signalements envoyés depuis votre connexion ; réessayez plus tard.",
    title: "Trop de signalements",
    text: "Trop de signalements envoyés depuis votre connexion en une heure ; réessayez plus tard.",
  },
} as const;

const FORGED = { status: 403, title: "Lien non valable", text: "Ce lien n’est pas valable : il a sans doute été coupé en le copiant. Ouvrez-le de nouveau depuis l’e-mail, en entier." } as const;
const UNSUBSCRIBED = { status: 410, title: "Déjà désabonné", text: "Il n’y a plus de demande à annuler : vous êtes déjà désabonné et ne recevrez plus rien." } as const;

/** The pages the links of reply notifications open (src/inbox/http/notification-routes.ts). */
export const NOTIFICATION_PAGES = {
  ask: {
    confirm: {
      title: "Confirmer : être prévenu d’une réponse",
      text: (about: string) =>
        `Vous serez prévenu par e-mail, une fois par réponse, quand la rédaction ou un lecteur répondra à votre commentaire${about}. Chaque message permet de se désabonner en un clic.`,
      button: "Confirmer",
    },
    unsubscribe: {
      title: "Ne plus être prévenu des réponses",
      text: (about: string) => `Vous ne recevrez plus de message au sujet de votre commentaire${about}, et votre adresse sera effacée de nos envois.`,
      button: "Me désabonner",
    },
  },
  about: (title: string) => ` sur « ${title} »`,
  done: {
    confirm: { title: "C’est confirmé", text: "Vous recevrez un e-mail à chaque réponse publiée à votre commentaire. Chaque message permet de se désabonner en un clic." },
    unsubscribe: { title: "Vous êtes désabonné", text: "Votre adresse est effacée de nos envois : vous ne recevrez plus rien au sujet de ce commentaire." },
  },
  refused: {
    confirm: {
      forged: FORGED,
      expired: {
        status: 410,
        title: "Lien expiré",
        text: "Ce lien de confirmation a expiré : la demande n’est pas confirmée et vous ne recevrez rien. Pour être prévenu d’une réponse, cochez la case en commentant de nouveau.",
      },
      unknown: { status: 410, title: "Demande introuvable", text: "Cette demande n’existe plus (elle a été annulée ou effacée) : vous ne recevrez rien." },
      used: { status: 410, title: "Déjà confirmé", text: "Ce lien a déjà servi : votre demande est confirmée. Vous serez prévenu d’une réponse." },
    },
    unsubscribe: {
      forged: FORGED,
      expired: { status: 410, title: "Lien expiré", text: "Ce lien a expiré, comme la demande à laquelle il servait : vous ne recevrez plus rien." },
      unknown: UNSUBSCRIBED,
      used: UNSUBSCRIBED,
    },
  },
} as const;

/** The e-mails to readers who asked to hear of replies (src/inbox/reader-mail.ts). */
export const READER_MAIL = {
  hello: (name: string) => `Bonjour ${name},`,
  footer: (unsubscribeUrl: string) => [
    "—",
    "Pouls n’envoie ce message qu’à la demande que vous avez faite en commentant, et aucun autre.",
    `Ne plus être prévenu : ${unsubscribeUrl}`,
  ],
  confirm: {
    subject: (title: string) => `Confirmez pour être prévenu d’une réponse : « ${title} »`,
    asked: (title: string, when: string) =>
      `Vous avez demandé, en commentant « ${title} » le ${when}, à être prévenu par e-mail d’une réponse à votre commentaire.`,
    open: (days: number) => `Pour le confirmer, ouvrez ce lien (valable ${days} jours) :`,
    otherwise: "Sans cette confirmation, vous ne recevrez rien d’autre. Si vous n’avez rien demandé, ignorez ce message.",
  },
  reply: {
    subject: (title: string) => `Réponse à votre commentaire : « ${title} »`,
    staffName: (name: string) => `${name}, de la rédaction,`,
    replied: (who: string, title: string) => `${who} a répondu à votre commentaire sur « ${title} » :`,
    read: (url: string) => `Lire la réponse sur le site : ${url}`,
  },
} as const;
