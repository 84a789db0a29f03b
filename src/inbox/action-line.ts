import { formatInstantTimeFr } from "../lib/dates.ts";
import type { CommentAction } from "./store/types.ts";

/** What a moderator did to a comment, in one sentence, as the CLI and the web UI say it. */
export function actionLine(a: CommentAction): string {
  const when = `le ${formatInstantTimeFr(a.at)} par ${a.actor}`;
  if (a.action === "unpublish") return `Retiré du site ${when}${a.reason ? ` : ${a.reason}` : ""}`;
  return `Texte modifié ${when}${a.before === null ? " (texte d’origine effacé avec les données personnelles)" : ""}`;
}
