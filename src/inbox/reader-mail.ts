// Messages to readers who asked to hear of replies: the confirmation of their request, then one
// message per approved reply. Queued in the store (confirmation with the request, a reply's
// message with its approval) and sent from there, retried while SMTP is down; whether to send
// is decided again at sending, so that nothing reaches an address whose request was withdrawn,
// forgotten or never confirmed.
import { formatInstantTimeFr } from "../lib/dates.ts";
import { commentAnchor } from "../lib/comments/fields.ts";
import { READER_MAIL } from "../i18n/inbox.fr.ts";
import type { NotificationConfig } from "./config.ts";
import type { ArticleIndex } from "./manifest.ts";
import { CONFIRM_DAYS, linkExpiry, signedLink } from "./notification-links.ts";
import { retryDelayMs, smtpTransport, startOutboxLoop, type OutboxLoop, type OutboxPass } from "./outbox-loop.ts";
import type { CommentStore, QueuedReaderMail, ReplySubscription, StoredComment } from "./store/types.ts";

export interface ReaderMessage {
  subject: string;
  text: string;
  unsubscribeUrl: string;
}

// As for moderator alerts (alerts.ts): longer than a sending can take.
const LEASE_MS = 3 * 60_000;
// A confirmation unsent by then would reach the reader with a link nearly expired; a reply, days late.
const GIVE_UP_MS = 3 * 24 * 60 * 60_000;

export function confirmationMessage(parts: {
  comment: StoredComment;
  title: string;
  confirmUrl: string;
  unsubscribeUrl: string;
}): ReaderMessage {
  const { comment, title } = parts;
  return {
    subject: READER_MAIL.confirm.subject(title),
    text: [
      READER_MAIL.hello(comment.name),
      "",
      READER_MAIL.confirm.asked(title, formatInstantTimeFr(comment.created)),
      "",
      READER_MAIL.confirm.open(CONFIRM_DAYS),
      parts.confirmUrl,
      "",
      READER_MAIL.confirm.otherwise,
      "",
      ...READER_MAIL.footer(parts.unsubscribeUrl),
      "",
    ].join("\n"),
    unsubscribeUrl: parts.unsubscribeUrl,
  };
}

export function replyMessage(parts: {
  comment: StoredComment;
  reply: StoredComment;
  title: string;
  replyUrl: string;
  unsubscribeUrl: string;
}): ReaderMessage {
  const { comment, reply, title } = parts;
  const who = reply.staff ? READER_MAIL.reply.staffName(reply.name) : reply.name;
  return {
    subject: READER_MAIL.reply.subject(title),
    text: [
      READER_MAIL.hello(comment.name),
      "",
      READER_MAIL.reply.replied(who, title),
      "",
      reply.body,
      "",
      READER_MAIL.reply.read(parts.replyUrl),
      "",
      ...READER_MAIL.footer(parts.unsubscribeUrl),
      "",
    ].join("\n"),
    unsubscribeUrl: parts.unsubscribeUrl,
  };
}

export interface ReaderMailOptions {
  store: CommentStore;
  config: NotificationConfig;
  secret: string;
  retentionDays: number;
  articles: ArticleIndex;
  log: (message: string) => void;
}

export function startReaderMail(options: ReaderMailOptions): OutboxLoop {
  const { store, config, secret, log } = options;
  const transport = smtpTransport(config.smtpUrl);
  const link = (purpose: "confirm" | "unsubscribe", request: ReplySubscription): string =>
    signedLink(config.inboxUrl, secret, purpose, request, linkExpiry(purpose, request, options.retentionDays));

  // The message and its address, or null when there is nothing (left) to send.
  const compose = async (mail: QueuedReaderMail): Promise<{ to: string; message: ReaderMessage } | null> => {
    const request = await store.getSubscription(mail.commentId);
    const comment = await store.get(mail.commentId);
    const article = comment && options.articles.find(comment.article);
    if (request === undefined || comment === undefined || article === undefined) return null;
    const unsubscribeUrl = link("unsubscribe", request);
    if (mail.kind === "confirm") {
      if (request.confirmed !== null || comment.status === "spam" || comment.status === "rejected") return null;
      return { to: request.email, message: confirmationMessage({ comment, title: article.title, confirmUrl: link("confirm", request), unsubscribeUrl }) };
    }
    // Nothing but the confirmation goes to an address that has not confirmed.
    const reply = mail.replyId === null ? undefined : await store.get(mail.replyId);
    if (request.confirmed === null || reply?.status !== "approved") return null;
    const replyUrl = `${config.siteUrl}${article.url}#${commentAnchor(reply.id)}`;
    return { to: request.email, message: replyMessage({ comment, reply, title: article.title, replyUrl, unsubscribeUrl }) };
  };

  // One message per pass: when SMTP fails, nothing else is held under a lease meanwhile.
  const pass = async (): Promise<OutboxPass> => {
    const now = new Date();
    const [mail] = await store.claimReaderMail(now, new Date(now.getTime() + LEASE_MS), 1);
    if (mail === undefined) return "idle";
    if (now.getTime() - mail.created.getTime() > GIVE_UP_MS) {
      log(`Message au lecteur abandonné après trois jours d’échecs (commentaire ${mail.commentId}).`);
      await store.readerMailDone(mail.id, now);
      return "more";
    }
    const composed = await compose(mail);
    if (composed === null) {
      await store.readerMailDone(mail.id, now);
      return "more";
    }
    const { to, message } = composed;
    try {
      await transport.sendMail({
        from: config.from,
        to,
        subject: message.subject,
        text: message.text,
        headers: {
          // RFC 8058: a mail client's « unsubscribe » button POSTs to the link, no page, no login.
          "List-Unsubscribe": `<${message.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "Auto-Submitted": "auto-generated",
        },
      });
    } catch (error) {
      const delay = retryDelayMs(mail.attempts);
      const reason = error instanceof Error ? error.message : String(error);
      await store.postponeReaderMail(mail.id, new Date(Date.now() + delay), reason);
      log(`Message au lecteur non envoyé (${reason}) ; nouvel essai dans ${Math.round(delay / 1000)} s.`);
      return { retryInMs: delay };
    }
    await store.readerMailDone(mail.id, new Date());
    return "more";
  };

  return startOutboxLoop(pass, (error) => log(`Messages aux lecteurs : ${error instanceof Error ? error.message : String(error)}`), () => transport.close());
}
