import { formatInstantTimeFr } from "../lib/dates.ts";
import type { AlertConfig } from "./config.ts";
import type { CommentStore, StoredComment } from "./store/types.ts";
import { retryDelayMs, smtpTransport, startOutboxLoop, type OutboxLoop, type OutboxPass } from "./outbox-loop.ts";

// Stops with the inbox; kicked when a comment is queued.
export type AlertWorker = OutboxLoop;

export interface AlertMessage {
  subject: string;
  text: string;
}

// Alerts due together go out as one message: a burst of comments is one e-mail, not a hundred.
const BATCH = 50;
// Longer than a sending can take (the transport's timeouts), so a claimed alert is never sent
// twice by two instances; after a crash it becomes due again when the lease ends.
const LEASE_MS = 3 * 60_000;
// Past this the comment is surely seen in the moderation UI anyway.
const GIVE_UP_MS = 24 * 60 * 60_000;
const EXCERPT = 400;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/gu, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

// Plain text, a summary and one link to the moderation UI, where deciding takes a login and a
// CSRF token: a message that can be forwarded, previewed or scanned by a link checker must not
// be able to approve or delete anything. No reader's e-mail address either.
export function alertMessage(
  comments: StoredComment[],
  titleOf: (slug: string) => string,
  moderationUrl: string,
): AlertMessage {
  const link = `${moderationUrl}?statut=pending`;
  const first = comments[0];
  const subject =
    comments.length === 1 && first !== undefined
      ? `[Pouls] Commentaire à modérer : ${titleOf(first.article)}`
      : `[Pouls] ${comments.length} commentaires à modérer`;
  const entries = comments.map((comment) =>
    [
      `« ${titleOf(comment.article)} »`,
      `${comment.name}, le ${formatInstantTimeFr(comment.created)}${comment.parent === null ? "" : `, en réponse au commentaire ${comment.parent}`} (n° ${comment.id})`,
      excerpt(comment.body),
    ].join("\n"),
  );
  const intro =
    comments.length === 1
      ? "Un nouveau commentaire attend une décision."
      : `${comments.length} nouveaux commentaires attendent une décision.`;
  const text = [
    intro,
    "",
    entries.join("\n\n"),
    "",
    `Pour les lire et décider : ${link}`,
    "",
    "Approuver, rejeter ou signaler un spam se fait dans l’interface de modération, après connexion ; ce message ne permet aucune action.",
    "",
  ].join("\n");
  return { subject, text };
}

export interface AlertWorkerOptions {
  store: CommentStore;
  config: AlertConfig;
  titleOf: (slug: string) => string;
  log: (message: string) => void;
}

export function startAlertWorker(options: AlertWorkerOptions): AlertWorker {
  const { store, config, log } = options;
  const transport = smtpTransport(config.smtpUrl);

  const pass = async (): Promise<OutboxPass> => {
    const now = new Date();
    const claimed = await store.claimAlerts(now, new Date(now.getTime() + LEASE_MS), BATCH);
    if (claimed.length === 0) return "idle";
    const expired = claimed.filter((alert) => now.getTime() - alert.created.getTime() > GIVE_UP_MS);
    if (expired.length > 0) log(`Alerte abandonnée après 24 h d’échecs pour ${expired.length} commentaire(s).`);
    const live = claimed.filter((alert) => !expired.includes(alert));
    const comments: StoredComment[] = [];
    for (const alert of live) {
      const comment = await store.get(alert.commentId);
      // Already decided (or forgotten) by a moderator: nothing left to announce.
      if (comment !== undefined && comment.status === "pending") comments.push(comment);
    }
    const ids = claimed.map((alert) => alert.id);
    if (comments.length === 0) {
      await store.removeAlerts(ids);
      return "more";
    }
    const message = alertMessage(comments, options.titleOf, config.moderationUrl);
    try {
      await transport.sendMail({ from: config.from, to: config.to, subject: message.subject, text: message.text });
    } catch (error) {
      const attempts = Math.max(...live.map((alert) => alert.attempts));
      const delay = retryDelayMs(attempts);
      const reason = error instanceof Error ? error.message : String(error);
      await store.postponeAlerts(ids, new Date(Date.now() + delay), reason);
      log(`Alerte aux modérateurs non envoyée (${reason}) ; nouvel essai dans ${Math.round(delay / 1000)} s.`);
      return { retryInMs: delay };
    }
    await store.removeAlerts(ids);
    return "more";
  };

  // The store is unreachable: the alerts wait in it, the next poll tries again.
  return startOutboxLoop(pass, (error) => log(`Alertes : ${error instanceof Error ? error.message : String(error)}`), () => transport.close());
}
