// Comments close on old articles when the site says so (POULS_COMMENTS_CLOSE_AFTER_DAYS): an old
// thread nobody reads any more is where spam and outdated advice gather. The site shows the notice
// of a closed article from that day on, and the inbox refuses comments from that day on even
// before the site is built again.
import { addDays, isoDate, parisIsoDate } from "../dates.ts";

/** The day (in France) an article's comments close, or undefined when they never close by age. */
export function commentsCloseOn(date: Date, afterDays: number | undefined): string | undefined {
  return afterDays === undefined || afterDays <= 0 ? undefined : addDays(isoDate(date), afterDays);
}

/** Whether comments are taken at `now`: open in the front matter, and `closes` (a day) not come yet. */
export const openOn = (open: boolean, closes: string | undefined, now: Date): boolean => open && (closes === undefined || parisIsoDate(now) < closes);

/** Whether an article takes comments at `now`: open in its front matter, and not yet closed by age. */
export const commentsOpen = (article: { comments: "open" | "closed"; date: Date }, now: Date, afterDays: number | undefined): boolean =>
  openOn(article.comments === "open", commentsCloseOn(article.date, afterDays), now);
