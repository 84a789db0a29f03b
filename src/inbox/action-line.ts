import { formatInstantTimeFr } from "../lib/dates.ts";
import type { CommentAction, CommentStatus } from "./store/types.ts";

const STATUS_SET: Readonly<Record<CommentStatus, string>> = {
  approved: "Approuvé",
  rejected: "Rejeté",
  spam: "Classé comme spam",
  pending: "Remis en attente",
};

/** What a moderator did to a comment, in one sentence, as the CLI and the web UI say it. */
export function actionLine(a: CommentAction): string {
  const when = `le ${formatInstantTimeFr(a.at)} par ${a.actor}`;
  if (a.action === "unpublish") return `Retiré du site ${when}${a.reason ? ` : ${a.reason}` : ""}`;
  if (a.action !== "edit") return `${STATUS_SET[a.action]} ${when}`;
  return `Texte modifié ${when}${a.before === null ? " (texte d’origine effacé avec les données personnelles)" : ""}`;
}
