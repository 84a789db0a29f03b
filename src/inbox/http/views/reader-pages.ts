import { html, raw } from "hono/html";
import { FIELD_LABELS } from "../../../i18n/comments.fr.ts";
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
  parent: ["comment-body", "Réponse"],
};

function backLink(siteUrl: string, article: ArticleInfo): Html {
  return html`<p><a href="${siteUrl}${article.url}">Revenir à l’article « ${article.title} »</a></p>`;
}

export function invalidPage(
  siteUrl: string,
  article: ArticleInfo,
  values: FormValues,
  errors: FieldErrors,
  timestamp: string,
  summary = "Corrigez ce qui est indiqué ci-dessous, puis renvoyez-le : tout ce que vous aviez écrit est conservé.",
): ReaderPage {
  const problems = FIELD_ORDER.filter((field) => errors[field] !== undefined).map((field) => {
    const [target, name] = ERROR_TARGETS[field];
    return html`<li><a href="#${target}">${name} : ${errors[field]}</a></li>`;
  });
  // A reply whose parent cannot be found is offered as a new comment rather than lost.
  const formValues = errors.parent === undefined ? values : { ...values, parent: "" };
  return {
    title: "Votre commentaire n’a pas pu être envoyé",
    body: html`${backLink(siteUrl, article)}
<h1>Votre commentaire n’a pas pu être envoyé</h1>
<div class="problems" role="alert">
<p>${summary}</p>
${problems.length > 0 ? html`<ul>${problems}</ul>` : ""}
</div>
<h2>Votre commentaire sur « ${article.title} »</h2>
${commentForm(formValues, errors, timestamp)}`,
  };
}

export function replyPage(siteUrl: string, article: ArticleInfo, parent: ParentComment | undefined, values: FormValues, timestamp: string): ReaderPage {
  const heading = parent ? `Répondre à ${parent.name}` : `Commenter « ${article.title} »`;
  return {
    title: heading,
    body: html`${backLink(siteUrl, article)}
<h1>${heading}</h1>
${parent ? html`<blockquote class="quoted"><p class="quoted-author">${parent.name} a écrit :</p>${raw(plainTextToHtml(parent.body))}</blockquote>` : ""}
${commentForm(values, {}, timestamp)}`,
  };
}

// For the errors where no form can help: the typed text is shown so it can be copied and kept.
export function messagePage(
  title: string,
  message: string,
  options: { siteUrl: string; article?: ArticleInfo; typed?: string },
): ReaderPage {
  const typed = options.typed?.trim() ?? "";
  return {
    title,
    body: html`<h1>${title}</h1>
<p role="alert">${message}</p>
${typed !== "" ? html`<p class="field"><label for="typed-text">Votre texte, pour ne pas le perdre :</label>
<textarea id="typed-text" rows="8" readonly>
${typed}</textarea></p>` : ""}
${options.article ? backLink(options.siteUrl, options.article) : html`<p><a href="${options.siteUrl}/">Revenir à l’accueil de Pouls</a></p>`}`,
  };
}

/** The form to report a published comment, for readers with or without JavaScript. */
export function reportPage(
  siteUrl: string,
  article: ArticleInfo,
  comment: { id: string; name: string; body: string },
  reasons: Readonly<Record<string, string>>,
  error?: string,
  values: { reason: string; text: string } = { reason: "", text: "" },
): ReaderPage {
  return {
    title: "Signaler un commentaire",
    body: html`${backLink(siteUrl, article)}
<h1>Signaler un commentaire</h1>
<blockquote class="quoted"><p class="quoted-author">${comment.name} a écrit :</p>${raw(plainTextToHtml(comment.body))}</blockquote>
${error ? html`<p class="error" role="alert" id="report-error">${error}</p>` : ""}
<form method="post" action="/api/reports">
<input type="hidden" name="comment" value="${comment.id}">
<fieldset${error ? html` aria-describedby="report-error"` : ""}><legend>Pourquoi ce commentaire pose-t-il problème ?</legend>
${Object.entries(reasons).map(([value, label]) => html`<p><input type="radio" id="report-${value}" name="reason" value="${value}" required${values.reason === value ? " checked" : ""}> <label for="report-${value}">${label}</label></p>`)}
</fieldset>
<p class="field"><label for="report-text">Précisez si vous le souhaitez (facultatif)</label>
<textarea id="report-text" name="text" rows="4" maxlength="1000">
${values.text}</textarea></p>
<p>La rédaction lit chaque signalement. Votre adresse n’est pas demandée.</p>
<p><button type="submit">Envoyer le signalement</button></p>
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
  const about = article ? html` sur « ${article.title} »` : "";
  const page =
    purpose === "confirm"
      ? {
          title: "Confirmer : être prévenu d’une réponse",
          text: html`Vous serez prévenu par e-mail, une fois par réponse, quand la rédaction ou un lecteur répondra à votre commentaire${about}. Chaque message permet de se désabonner en un clic.`,
          button: "Confirmer",
        }
      : {
          title: "Ne plus être prévenu des réponses",
          text: html`Vous ne recevrez plus de message au sujet de votre commentaire${about}, et votre adresse sera effacée de nos envois.`,
          button: "Me désabonner",
        };
  return {
    title: page.title,
    body: html`<h1>${page.title}</h1>
<p>${page.text}</p>
<form method="post" action="${action}"><p><button type="submit">${page.button}</button></p></form>
${article ? backLink(siteUrl, article) : ""}`,
  };
}
