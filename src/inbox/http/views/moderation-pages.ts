import { html } from "hono/html";
import { formatInstantTimeFr } from "../../../lib/dates.ts";
import { paragraphsOf } from "../../../lib/comments/text.ts";
import type { StaffAuthor } from "../../authors.ts";
import type { BlockRule, CommentAction, CommentStatus, StoredComment, StoredReport } from "../../store/types.ts";
import { REPORT_TEXT } from "../../../i18n/inbox.fr.ts";
import { BLOCK_KIND_LABELS, BLOCK_KINDS } from "../../blocklist.ts";
import { personalDataIn, type PersonalData } from "../../personal-data.ts";
import { actionLine } from "../../action-line.ts";
import { page, type Html } from "./layout.ts";

export const STATUS_LABELS: Readonly<Record<CommentStatus, string>> = {
  pending: "En attente",
  spam: "Spam",
  approved: "Approuvés",
  rejected: "Rejetés",
};

const STATUS_SINGULAR: Readonly<Record<CommentStatus, string>> = {
  pending: "en attente",
  spam: "spam",
  approved: "approuvé",
  rejected: "rejeté",
};

// Actions as they appear in URLs, and the status each one sets.
export const ACTIONS = { approuver: "approved", rejeter: "rejected", spam: "spam" } as const;
const ACTION_LABELS: Readonly<Record<keyof typeof ACTIONS, string>> = {
  approuver: "Approuver",
  rejeter: "Rejeter",
  spam: "Spam",
};

/**
 * What an action did, said as it is: a published comment is in content/comments/ at once, and on
 * the site after the next build, which the inbox starts itself only with INBOX_REBUILD_COMMAND.
 */
export function flashMessage(message: string, rebuilds: boolean, count = 0): string | undefined {
  const online = rebuilds
    ? "il sera en ligne dans quelques instants, une fois le site reconstruit."
    : "il sera en ligne à la prochaine construction du site (npm run build ; INBOX_REBUILD_COMMAND la lance d’elle-même après chaque publication).";
  const messages: Readonly<Record<string, string>> = {
    approved: `Commentaire approuvé : ${online}`,
    rejected: "Commentaire rejeté.",
    spam: "Commentaire classé comme spam.",
    pending: "Commentaire remis en attente.",
    replied: `Réponse de la rédaction enregistrée : ${online.replace(/^il/u, "elle")}`,
    "lot-approved": `${count} commentaire(s) approuvé(s) : ${online.replace(/^il sera/u, "ils seront")}`,
    "lot-rejected": `${count} commentaire(s) rejeté(s).`,
    "lot-spam": `${count} commentaire(s) classé(s) comme spam.`,
    blocked: "Expéditeur bloqué : ses prochains commentaires iront au spam (voir les règles de blocage).",
    unpublished: `Commentaire retiré du site : ${online.replace(/^il sera en ligne/u, "le changement sera en ligne")}`,
    edited: "Texte du commentaire modifié ; le texte d’origine est gardé dans la boîte.",
    "edited-published": `Texte du commentaire modifié ; le texte d’origine est gardé dans la boîte. Le commentaire publié ${online.replace(/^il sera/u, "sera")}`,
    "replied-approved": `Réponse de la rédaction enregistrée, et le commentaire auquel elle répond, qui était en attente, approuvé : ${online.replace(/^il sera/u, "ils seront")}`,
  };
  return messages[message];
}

/** The action that was just done, which the moderator can take back. */
export interface Undo {
  id: string;
  /** The status the comment had before. */
  status: CommentStatus;
}

function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

function header(csrf: string, current?: CommentStatus, counts?: ReadonlyMap<CommentStatus, number>, reported = 0): Html {
  const tabs = (Object.keys(STATUS_LABELS) as CommentStatus[]).map(
    (status) =>
      html`<li><a href="/moderation/?statut=${status}"${status === current ? html` aria-current="page"` : ""}>${STATUS_LABELS[status]}${counts ? ` (${counts.get(status) ?? 0}${status === "approved" && reported > 0 ? `, dont ${reported} signalé${reported > 1 ? "s" : ""}` : ""})` : ""}</a></li>`,
  );
  return html`<header class="site">
<p class="brand">Pouls — modération</p>
<nav aria-label="Statuts des commentaires"><ul>${tabs}<li><a href="/moderation/regles">Règles de blocage</a></li></ul></nav>
<form method="post" action="/moderation/deconnexion">${csrfField(csrf)}<button type="submit">Se déconnecter</button></form>
</header>`;
}

export function loginPage(csrf: string, error?: string): Html {
  return page(
    "Connexion à la modération",
    html`<h1>Connexion à la modération</h1>
${error ? html`<p class="error" role="alert" id="login-error">${error}</p>` : ""}
<form method="post" action="/moderation/connexion">
${csrfField(csrf)}
<p class="field"><label for="name">Identifiant <span class="hint">(laissez vide avec le mot de passe commun)</span></label>
<input id="name" name="name" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" maxlength="40"></p>
<p class="field"><label for="password">Mot de passe</label>
<input id="password" name="password" type="password" required autocomplete="current-password"${error ? html` aria-describedby="login-error" aria-invalid="true"` : ""}></p>
<p><button type="submit">Se connecter</button></p>
</form>`,
  );
}

// Shown as typed, never linked: a moderator should not follow a spammer's link by accident.
function plainParagraphs(text: string): Html {
  return html`${paragraphsOf(text).map((paragraph) => html`<p>${paragraph}</p>`)}`;
}

function actionForms(comment: StoredComment, csrf: string, back: CommentStatus): Html {
  return html`${(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])
    .filter((action) => ACTIONS[action] !== comment.status)
    .map(
      (action) => html`<form method="post" action="/moderation/commentaires/${comment.id}/${action}">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}">
<button type="submit" class="action-${action}">${ACTION_LABELS[action]}<span class="visually-hidden"> le commentaire de ${comment.name}</span></button>
</form>`,
    )}`;
}

function replyForm(comment: StoredComment, csrf: string, back: CommentStatus, staff: readonly StaffAuthor[], signAs: string | null): Html {
  if (comment.status === "spam" || comment.status === "rejected") return html``;
  if (staff.length === 0) {
    return html`<p class="hint">Pour répondre, ajoutez un membre de la rédaction (staff: true) dans content/authors.</p>`;
  }
  const prefix = `reponse-${comment.id}`;
  return html`<details class="reply"><summary>Répondre au nom de la rédaction<span class="visually-hidden"> à ${comment.name}</span></summary>
<form method="post" action="/moderation/commentaires/${comment.id}/repondre">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}">
<p class="field"><label for="${prefix}-auteur">Signer en tant que</label>
<select id="${prefix}-auteur" name="author" required>${staff.map((author) => html`<option value="${author.id}"${author.id === signAs ? " selected" : ""}>${author.name}</option>`)}</select></p>
<p class="field"><label for="${prefix}-texte">Réponse</label>
<textarea id="${prefix}-texte" name="body" rows="5" required></textarea></p>
<p><button type="submit">Publier la réponse</button></p>
</form></details>`;
}

function unpublishForm(comment: StoredComment, csrf: string, back: CommentStatus, hasReplies: boolean): Html {
  if (comment.status !== "approved") return html``;
  const prefix = `retirer-${comment.id}`;
  return html`<details class="edit"><summary>Retirer du site<span class="visually-hidden"> le commentaire de ${comment.name}</span></summary>
<form method="post" action="/moderation/commentaires/${comment.id}/retirer">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}">
<p class="field"><label for="${prefix}-raison">Raison (gardée dans la boîte, jamais publiée)</label>
<input id="${prefix}-raison" name="reason" type="text" maxlength="300"></p>
${hasReplies ? html`<p><input id="${prefix}-reponses" name="with-replies" type="checkbox" value="1"> <label for="${prefix}-reponses">Retirer aussi les réponses (sinon elles restent, sous « Commentaire retiré »)</label></p>` : ""}
<p><button type="submit" class="action-rejeter">Retirer du site</button></p>
</form></details>`;
}

function editForm(comment: StoredComment, csrf: string, back: CommentStatus): Html {
  const prefix = `modifier-${comment.id}`;
  return html`<details class="edit"><summary>Modifier le texte<span class="visually-hidden"> du commentaire de ${comment.name}</span></summary>
<form method="post" action="/moderation/commentaires/${comment.id}/modifier">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}">
<p class="field"><label for="${prefix}-texte">Texte (une coquille, des coordonnées à retirer ; l’original reste dans la boîte)</label>
<textarea id="${prefix}-texte" name="body" rows="6" required>
${comment.body}</textarea></p>
<p><button type="submit">Enregistrer le texte modifié</button></p>
</form></details>`;
}

const PERSONAL_DATA_LABELS: Readonly<Record<PersonalData, string>> = {
  téléphone: "un numéro de téléphone",
  "adresse e-mail": "une adresse e-mail",
};

const joinedFr = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} et ${items.at(-1)}` : (items[0] ?? "");

function commentBlock(
  comment: StoredComment,
  byId: ReadonlyMap<string, StoredComment>,
  csrf: string,
  back: CommentStatus,
  staff: readonly StaffAuthor[],
  actions: readonly CommentAction[],
  signAs: string | null,
  reports: readonly StoredReport[],
): Html {
  const parent = comment.parent === null ? undefined : byId.get(comment.parent);
  const personal = personalDataIn(comment.body);
  const hasReplies = [...byId.values()].some((c) => c.parent === comment.id && c.status === "approved");
  return html`<article class="comment" id="c-${comment.id}" aria-labelledby="c-${comment.id}-titre">
<h3 id="c-${comment.id}-titre">${comment.name}${comment.staff ? html` <span class="badge">rédaction</span>` : ""}</h3>
<p class="pick"><input type="checkbox" form="lot" name="c-${comment.id}" value="1" id="choisir-${comment.id}"> <label for="choisir-${comment.id}">Cocher<span class="visually-hidden"> le commentaire de ${comment.name}</span> pour une action groupée</label></p>
<p class="meta"><time datetime="${comment.created.toISOString()}">${formatInstantTimeFr(comment.created)}</time> · n° <code>${comment.id}</code> · ${STATUS_SINGULAR[comment.status]}</p>
${comment.parent !== null ? html`<p class="meta">En réponse à ${parent ? html`<a href="#c-${parent.id}">${parent.name}</a> (${STATUS_SINGULAR[parent.status]})` : html`<code>${comment.parent}</code>`}</p>` : ""}
<div class="body">${plainParagraphs(comment.body)}</div>
${personal.length > 0 ? html`<p class="warning">À vérifier avant publication : le texte contient peut-être ${joinedFr(personal.map((kind) => PERSONAL_DATA_LABELS[kind]))}.</p>` : ""}
${actions.map((action) => html`<p class="meta">${actionLine(action)}</p>`)}
${reports.length > 0 ? html`<div class="signals"><p>Signalé ${reports.length} fois par des lecteurs :</p><ul>${reports.map((r) => html`<li>${REPORT_TEXT.reasons[r.reason]}, le <time datetime="${r.created.toISOString()}">${formatInstantTimeFr(r.created)}</time>${r.text ? html` : « ${r.text} »` : ""}</li>`)}</ul></div>` : ""}
${comment.signals.length > 0 ? html`<div class="signals"><p>Signaux (score ${comment.spamScore}) :</p><ul>${comment.signals.map((signal) => html`<li>${signal}</li>`)}</ul></div>` : ""}
<div class="actions">${actionForms(comment, csrf, back)}</div>
${comment.staff ? "" : editForm(comment, csrf, back)}
${comment.clientHash === null || comment.staff ? "" : html`<form method="post" action="/moderation/commentaires/${comment.id}/bloquer">${csrfField(csrf)}<input type="hidden" name="retour" value="${back}"><button type="submit" class="action-spam">Bloquer l’expéditeur<span class="visually-hidden"> de ce commentaire de ${comment.name}</span></button></form>`}
${unpublishForm(comment, csrf, back, hasReplies)}
${replyForm(comment, csrf, back, staff, signAs)}
</article>`;
}

export interface InboxView {
  status: CommentStatus;
  comments: readonly StoredComment[];
  all: readonly StoredComment[];
  titleOf: (slug: string) => string;
  /** The article's address on the site, when the build knows it. */
  linkOf: (slug: string) => string | undefined;
  undo?: Undo | undefined;
  staff: readonly StaffAuthor[];
  /** Readers' reports, by comment id. */
  reports: ReadonlyMap<string, readonly StoredReport[]>;
  /** The staff author the logged-in moderator signs replies with by default. */
  signAs: string | null;
  /** What moderators did to the comments shown, by comment id. */
  actions: ReadonlyMap<string, readonly CommentAction[]>;
  csrf: string;
  flash?: string;
}

// The article as readers see it, in a new tab so the queue keeps its place.
function linkTo(url: string | undefined, title: string): Html {
  return url === undefined ? html`${title}` : html`<a href="${url}" target="_blank" rel="noopener">${title}<span class="visually-hidden"> (nouvel onglet)</span></a>`;
}

function undoForm(undo: Undo, csrf: string, back: CommentStatus): Html {
  return html`<form method="post" action="/moderation/commentaires/${undo.id}/annuler">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}"><input type="hidden" name="statut" value="${undo.status}">
<button type="submit" class="action-annuler">Annuler<span class="visually-hidden"> cette action : remettre le commentaire ${STATUS_SINGULAR[undo.status]}</span></button>
</form>`;
}

// One form for the comments ticked in the list: each checkbox joins it through its form attribute,
// since every comment already has forms of its own, and forms do not nest.
function bulkForm(csrf: string, back: CommentStatus): Html {
  return html`<form id="lot" class="bulk" method="post" action="/moderation/lot">
${csrfField(csrf)}<input type="hidden" name="retour" value="${back}">
<p>Pour les commentaires cochés :</p>
${(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])
  .filter((action) => ACTIONS[action] !== back)
  .map((action) => html`<button type="submit" name="action" value="${action}" class="action-${action}">${ACTION_LABELS[action]}<span class="visually-hidden"> les commentaires cochés</span></button>`)}
</form>`;
}

export function inboxPage(view: InboxView): Html {
  const counts = new Map<CommentStatus, number>();
  for (const comment of view.all) counts.set(comment.status, (counts.get(comment.status) ?? 0) + 1);
  const byId = new Map(view.all.map((comment) => [comment.id, comment]));
  const byArticle = new Map<string, StoredComment[]>();
  for (const comment of view.comments) {
    byArticle.set(comment.article, [...(byArticle.get(comment.article) ?? []), comment]);
  }
  const title = `Commentaires : ${STATUS_LABELS[view.status].toLowerCase()}`;
  const sections = [...byArticle].map(
    ([slug, comments]) => html`<section class="article" aria-labelledby="article-${slug}">
<h2 id="article-${slug}">${linkTo(view.linkOf(slug), view.titleOf(slug))} <span class="count">(${comments.length})</span></h2>
${comments.map((comment) => commentBlock(comment, byId, view.csrf, view.status, view.staff, view.actions.get(comment.id) ?? [], view.signAs, view.reports.get(comment.id) ?? []))}
</section>`,
  );
  return page(
    title,
    html`<h1>${title}</h1>
${view.flash ? html`<div class="flash" role="status"><p>${view.flash}</p>${view.undo ? undoForm(view.undo, view.csrf, view.status) : ""}</div>` : ""}
${sections.length > 0 ? html`${bulkForm(view.csrf, view.status)}${sections}` : html`<p>Aucun commentaire dans cette catégorie.</p>`}`,
    { header: header(view.csrf, view.status, counts, view.all.filter((c) => c.status === "approved" && view.reports.has(c.id)).length) },
  );
}

export function moderationMessagePage(csrf: string, title: string, message: string, typed?: string): Html {
  return page(
    title,
    html`<h1>${title}</h1>
<p role="alert">${message}</p>
${typed ? html`<p class="field"><label for="typed-text">Votre texte, pour ne pas le perdre :</label>
<textarea id="typed-text" rows="6" readonly>
${typed}</textarea></p>` : ""}
<p><a href="/moderation/">Revenir à la liste</a></p>`,
    { header: header(csrf) },
  );
}

export function blockRulesPage(csrf: string, rules: readonly BlockRule[], flash?: string, error?: string): Html {
  const rows = rules.map(
    (rule) => html`<tr><td>${rule.id}</td><td>${BLOCK_KIND_LABELS[rule.kind]}</td><td><code>${rule.kind === "client" ? `${rule.value.slice(0, 16)}…` : rule.value}</code></td><td>${rule.caught}</td>
<td><form method="post" action="/moderation/regles/${rule.id}/supprimer">${csrfField(csrf)}<button type="submit">Supprimer<span class="visually-hidden"> la règle n° ${rule.id}</span></button></form></td></tr>`,
  );
  return page(
    "Règles de blocage",
    html`<h1>Règles de blocage</h1>
${flash ? html`<div class="flash" role="status"><p>${flash}</p></div>` : ""}
<p>Un commentaire qui contient un de ces mots, un lien vers un de ces domaines, ou qui vient d’un de ces expéditeurs va directement au spam, sans alerte.</p>
${rules.length > 0 ? html`<table><caption>Règles et commentaires pris</caption><thead><tr><th scope="col">N°</th><th scope="col">Sorte</th><th scope="col">Valeur</th><th scope="col">Pris</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>Aucune règle pour l’instant.</p>`}
<h2>Ajouter une règle</h2>
${error ? html`<p class="error" role="alert" id="regle-erreur">${error}</p>` : ""}
<form method="post" action="/moderation/regles">
${csrfField(csrf)}
<p class="field"><label for="regle-sorte">Sorte</label>
<select id="regle-sorte" name="kind">${BLOCK_KINDS.filter((kind) => kind !== "client").map((kind) => html`<option value="${kind}">${BLOCK_KIND_LABELS[kind]}</option>`)}</select></p>
<p class="field"><label for="regle-valeur">Mot ou domaine (par ex. « casino » ou « exemple.com »)</label>
<input id="regle-valeur" name="value" type="text" required maxlength="200"${error ? html` aria-describedby="regle-erreur" aria-invalid="true"` : ""}></p>
<p><button type="submit">Ajouter la règle</button></p>
</form>
<p class="hint">Pour bloquer un expéditeur, utilisez « Bloquer l’expéditeur » sur un de ses commentaires.</p>`,
    { header: header(csrf) },
  );
}
