import "./quiet-warnings.ts";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatInstantTimeFr } from "../lib/dates.ts";
import { ConfigError, readStoreConfig } from "./config.ts";
import { createModeration, ModerationError } from "./moderation.ts";
import { createPublisher } from "./publish.ts";
import { createRebuildRunner } from "./rebuild.ts";
import { purgeExpired } from "./server.ts";
import { openStore } from "./store/open.ts";
import { backupSqlite } from "./store/sqlite.ts";
import { STATUSES, type BlockKind, type CommentAction, type CommentStatus, type StoredComment } from "./store/types.ts";
import { personalDataIn } from "./personal-data.ts";
import { actionLine } from "./action-line.ts";
import { BLOCK_KINDS, normalizeRuleValue } from "./blocklist.ts";
import { addModerator } from "./accounts.ts";
import { REPORT_TEXT } from "../i18n/inbox.fr.ts";

const USAGE = `Usage : npm run moderate -- <commande>
  list [--status pending|spam|approved|rejected|all] [--json]   liste (en attente par défaut)
  show ID [--json]                                              tout ce qui est connu d’un commentaire
  approve ID | reject ID | spam ID                              change le statut (approve publie)
  reply ID --as AUTEUR "texte"                                  publie une réponse de la rédaction
  edit ID "texte"                                               corrige le texte (coquille, données personnelles) ; l’original est gardé
  unpublish ID [--reason "…"] [--with-replies]                  retire du site un commentaire publié (ses réponses restent, sous « Commentaire retiré », ou partent avec)
  reports [--json]                                              signalements des lecteurs, par commentaire
  user add NOM [--author AUTEUR] | user disable NOM | user list [--json]
                                                                comptes de modération nominatifs (le mot de passe est donné une fois)
  block list [--json] | block add mot|domaine|client VALEUR | block remove N
                                                                règles qui envoient un commentaire au spam, et ce que chacune a pris
  export-email EMAIL                                            données détenues pour une adresse (JSON)
  forget-email EMAIL                                            efface tout ce qui concerne une adresse
  backup FICHIER                                                copie cohérente de la base SQLite, même en service`;

class UsageError extends Error {}

// Who acts from the command line, as recorded on the comment.
const cliActor = (): string => `ligne de commande (${process.env.USER || process.env.LOGNAME || "utilisateur inconnu"})`;

const STATUS_COMMANDS: Readonly<Record<string, CommentStatus>> = {
  approve: "approved",
  reject: "rejected",
  spam: "spam",
};

function summary(comment: StoredComment): Record<string, unknown> {
  return {
    id: comment.id,
    article: comment.article,
    parent: comment.parent,
    name: comment.name,
    body: comment.body,
    status: comment.status,
    created: comment.created.toISOString(),
    staff: comment.staff,
    spamScore: comment.spamScore,
    signals: comment.signals,
    personalData: personalDataIn(comment.body),
  };
}

function everything(comment: StoredComment, actions: CommentAction[]): Record<string, unknown> {
  return {
    ...summary(comment),
    email: comment.email,
    clientHash: comment.clientHash,
    authorId: comment.authorId,
    removed: comment.removed,
    actions: actions.map((a) => ({ action: a.action, actor: a.actor, at: a.at.toISOString(), before: a.before, reason: a.reason })),
  };
}

const personalDataNote = (comment: StoredComment): string => {
  const found = personalDataIn(comment.body);
  return found.length > 0 ? `  ⚠ contient peut-être : ${found.join(", ")}` : "";
};

function line(comment: StoredComment): string {
  const excerpt = comment.body.replace(/\s+/gu, " ");
  const short = excerpt.length > 70 ? `${excerpt.slice(0, 69)}…` : excerpt;
  const reply = comment.parent === null ? "" : ` ↳ ${comment.parent}`;
  return `${comment.id}  ${comment.status.padEnd(8)}  ${comment.article}${reply}  ${formatInstantTimeFr(comment.created)}  ${comment.name}${comment.staff ? " (rédaction)" : ""}${personalDataNote(comment)}\n    ${short}`;
}

function details(comment: StoredComment, actions: CommentAction[]): string {
  const found = personalDataIn(comment.body);
  return [
    `Commentaire ${comment.id} — ${comment.status}${comment.staff ? " (rédaction)" : ""}`,
    `Article : ${comment.article}`,
    `En réponse à : ${comment.parent ?? "—"}`,
    `Nom : ${comment.name}`,
    `E-mail : ${comment.email ?? "— (effacé ou absent)"}`,
    `Reçu le : ${formatInstantTimeFr(comment.created)} (${comment.created.toISOString()})`,
    `Score de spam : ${comment.spamScore}${comment.signals.length > 0 ? ` — ${comment.signals.join(" ; ")}` : ""}`,
    ...(found.length > 0 ? [`À vérifier avant publication : le texte contient peut-être ${found.join(" et ")}.`] : []),
    ...actions.map(actionLine),
    "",
    comment.body,
  ].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      status: { type: "string" },
      json: { type: "boolean", default: false },
      as: { type: "string" },
      reason: { type: "string" },
      author: { type: "string" },
      "with-replies": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  const needs = (count: number): string[] => {
    if (rest.length !== count) throw new UsageError(`« ${command} » attend ${count} argument(s).`);
    return rest;
  };

  const config = readStoreConfig(process.env);
  // Before the store is opened: a backup needs no migration, purge or publication of its own.
  if (command === "backup") {
    const [file = ""] = needs(1);
    if (config.databaseUrl !== null) {
      throw new ModerationError(
        "Avec PostgreSQL (DATABASE_URL), sauvegardez avec pg_dump : pg_dump --format=custom --file=FICHIER \"$DATABASE_URL\" (voir src/inbox/README.md).",
      );
    }
    if (!existsSync(config.dbPath)) throw new ModerationError(`Aucune base à sauvegarder : ${config.dbPath} n’existe pas.`);
    const comments = backupSqlite(config.dbPath, file);
    console.log(`Sauvegarde écrite : ${file} (${comments} commentaire(s)).`);
    return;
  }
  const store = await openStore(config, (message) => console.error(message));
  const rebuild = createRebuildRunner(config.rebuildCommand, 0, (message) => console.error(message));
  let changed = false;
  const publisher = createPublisher({
    contentDir: config.contentDir,
    gitCommit: config.gitCommit,
    onChange: () => {
      changed = true;
    },
    log: (message) => console.error(message),
  });
  const moderation = createModeration(store, publisher, config.contentDir);
  // Said as it is: the file is written now, the site shows it once rebuilt.
  const online =
    config.rebuildCommand === null
      ? "écrit dans content/comments/, en ligne à la prochaine construction du site : npm run build"
      : `écrit dans content/comments/, en ligne une fois le site reconstruit : ${config.rebuildCommand}`;
  try {
    await purgeExpired(store, config.retentionDays);
    await moderation.resume();
    switch (command) {
      case "list": {
        needs(0);
        const status = values.status ?? "pending";
        if (status !== "all" && !STATUSES.includes(status as CommentStatus)) {
          throw new UsageError(`Statut inconnu : ${status}`);
        }
        const comments = await store.list({ status: status as CommentStatus | "all" });
        if (values.json) console.log(JSON.stringify(comments.map(summary), null, 2));
        else if (comments.length === 0) console.log("Aucun commentaire.");
        else console.log(comments.map(line).join("\n"));
        break;
      }
      case "show": {
        const [id = ""] = needs(1);
        const comment = await store.get(id);
        if (comment === undefined) throw new ModerationError(`Commentaire introuvable : ${id}`);
        const actions = await store.actions(id);
        console.log(values.json ? JSON.stringify(everything(comment, actions), null, 2) : details(comment, actions));
        break;
      }
      case "approve":
      case "reject":
      case "spam": {
        const [id = ""] = needs(1);
        const comment = await moderation.setStatus(id, STATUS_COMMANDS[command] as CommentStatus, cliActor());
        console.log(`Commentaire ${comment.id} : ${comment.status}${comment.status === "approved" ? ` (${online})` : ""}.`);
        break;
      }
      case "reply": {
        const [id = "", text = ""] = needs(2);
        if (values.as === undefined) throw new UsageError("Indiquez l’auteur : --as AUTEUR");
        const { reply, parentApproved } = await moderation.reply(id, values.as, text);
        if (parentApproved) console.log(`Le commentaire ${id} était en attente : il est maintenant approuvé (${online}).`);
        console.log(`Réponse ${reply.id} enregistrée au nom de ${reply.name} (${online}).`);
        break;
      }
      case "edit": {
        const [id = "", text = ""] = needs(2);
        const comment = await moderation.edit(id, text, cliActor());
        console.log(`Commentaire ${comment.id} modifié ; le texte d’origine est gardé dans la boîte${comment.status === "approved" ? ` (${online})` : ""}.`);
        break;
      }
      case "unpublish": {
        const [id = ""] = needs(1);
        const removed = await moderation.unpublish(id, { actor: cliActor(), reason: values.reason?.trim() || null, withReplies: values["with-replies"] });
        const replies = removed.length - 1;
        const kept = removed.find((c) => c.id === id)?.removed;
        console.log(
          `Commentaire ${id} retiré du site${replies > 0 ? `, avec ${replies} réponse(s)` : ""}${kept ? " ; ses réponses restent, sous « Commentaire retiré »" : ""} (${online.replace(/^écrit dans/u, "changement dans")}).`,
        );
        break;
      }
      case "reports": {
        needs(0);
        const byComment = Map.groupBy(await store.listReports(), (r) => r.commentId);
        const groups = await Promise.all(
          [...byComment].map(async ([id, reports]) => ({ comment: (await store.get(id)) ?? null, id, reports })),
        );
        if (values.json) {
          console.log(JSON.stringify(groups.map((g) => ({ comment: g.id, article: g.comment?.article ?? null, status: g.comment?.status ?? null, reports: g.reports.map((r) => ({ reason: r.reason, text: r.text, created: r.created.toISOString() })) })), null, 2));
        } else if (groups.length === 0) {
          console.log("Aucun signalement.");
        } else {
          console.log(groups.map((g) => [`${g.id}  ${g.comment?.status ?? "effacé"}  ${g.comment?.article ?? ""}  signalé ${g.reports.length} fois`, ...g.reports.map((r) => `    ${REPORT_TEXT.reasons[r.reason]}${r.text ? ` : « ${r.text} »` : ""} (${formatInstantTimeFr(r.created)})`)].join("\n")).join("\n"));
        }
        break;
      }
      case "user": {
        const [sub = "", ...args] = rest;
        if (sub === "add" && args.length === 1) {
          const password = await addModerator(store, config.contentDir, args[0] ?? "", values.author ?? null);
          console.log(`Compte « ${args[0]} » créé. Son mot de passe, à transmettre à la personne et qui ne sera plus affiché :\n${password}`);
        } else if (sub === "disable" && args.length === 1) {
          if (!(await store.disableModerator(args[0] ?? ""))) throw new ModerationError(`Compte introuvable : ${args[0]}`);
          console.log(`Compte « ${args[0]} » désactivé : ses sessions ouvertes sont refusées dès leur prochaine requête.`);
        } else if (sub === "list" && args.length === 0) {
          const accounts = await store.listModerators();
          const shown = accounts.map((a) => ({ name: a.name, authorId: a.authorId, disabled: a.disabled, created: a.created.toISOString() }));
          if (values.json) console.log(JSON.stringify(shown, null, 2));
          else if (accounts.length === 0) console.log("Aucun compte : seul le mot de passe commun (MODERATION_PASSWORD) ouvre la modération.");
          else console.log(accounts.map((a) => `${a.name}${a.authorId ? `  signe : ${a.authorId}` : ""}${a.disabled ? "  (désactivé)" : ""}`).join("\n"));
        } else {
          throw new UsageError("« user » attend add NOM [--author AUTEUR], disable NOM ou list.");
        }
        break;
      }
      case "block": {
        const [sub = "", ...args] = rest;
        if (sub === "list" && args.length === 0) {
          const rules = await store.listBlockRules();
          if (values.json) console.log(JSON.stringify(rules.map((r) => ({ ...r, created: r.created.toISOString() })), null, 2));
          else if (rules.length === 0) console.log("Aucune règle de blocage.");
          else console.log(rules.map((r) => `n° ${r.id}  ${r.kind.padEnd(7)}  ${r.value}  (${r.caught} commentaire(s) pris)`).join("\n"));
        } else if (sub === "add" && args.length === 2) {
          const [kind = "", raw = ""] = args;
          if (!BLOCK_KINDS.includes(kind as BlockKind)) throw new UsageError(`Sorte de règle inconnue : ${kind} (mot, domaine ou client).`);
          const value = normalizeRuleValue(kind as BlockKind, raw);
          if (value === undefined) throw new ModerationError(`« ${raw} » n’est pas ${kind === "client" ? "une empreinte d’expéditeur (64 caractères hexadécimaux, show --json : clientHash)" : kind === "domaine" ? "un nom de domaine (par ex. exemple.fr)" : "un mot"}.`);
          const rule = await store.addBlockRule(kind as BlockKind, value, new Date());
          console.log(`Règle n° ${rule.id} : ${rule.kind} « ${rule.value} » envoie au spam.`);
        } else if (sub === "remove" && args.length === 1) {
          const id = Number(args[0]);
          if (!Number.isInteger(id) || !(await store.removeBlockRule(id))) throw new ModerationError(`Règle introuvable : ${args[0]}`);
          console.log(`Règle n° ${id} supprimée.`);
        } else {
          throw new UsageError("« block » attend list, add SORTE VALEUR ou remove N.");
        }
        break;
      }
      case "export-email": {
        const [email = ""] = needs(1);
        const comments = await store.findByEmail(email);
        const withActions = await Promise.all(comments.map(async (c) => everything(c, await store.actions(c.id))));
        const notifications = (await store.subscriptionsByEmail(email)).map((request) => ({
          comment: request.commentId,
          email: request.email,
          requested: request.created.toISOString(),
          confirmed: request.confirmed?.toISOString() ?? null,
        }));
        console.log(JSON.stringify({ email, comments: withActions, notifications }, null, 2));
        break;
      }
      case "forget-email": {
        const [email = ""] = needs(1);
        const deleted = await moderation.forgetEmail(email);
        console.log(`${deleted.length} commentaire(s) effacé(s) pour cette adresse, avec ses demandes d’être prévenu d’une réponse.`);
        break;
      }
      default:
        throw new UsageError(`Commande inconnue : ${command}`);
    }
    if (changed) await rebuild.runNow();
  } finally {
    await store.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ModerationError || error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
