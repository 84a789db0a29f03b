// A static site shows time: scheduled articles come out on their day, age notices show once an
// article's last check is too old, the footer gives the year. The same sources therefore build
// the same site only until the first of these moments after the build.
import { parisDayStart, parisIsoDate } from "./dates.ts";
import { staleAfter } from "./freshness.ts";
import { commentsCloseOn } from "./comments/closing.ts";

export interface TimedArticle {
  date?: Date | undefined;
  reviewed?: Date | undefined;
  draft: boolean;
}

/** The first moment after `now` at which a build of the same sources shows something else. */
export function outputExpiry(articles: TimedArticle[], now: Date, reviewMaxAgeYears: number, commentsCloseAfterDays?: number): Date {
  // The footer's year is the build machine's local one (src/components/Footer.astro).
  let first = new Date(now.getFullYear() + 1, 0, 1);
  const consider = (moment: Date) => {
    if (moment > now && moment < first) first = moment;
  };
  for (const { date, reviewed, draft } of articles) {
    if (draft || date === undefined) continue;
    // An article comes out at the start of its day in Paris (dates.ts, isPublished).
    consider(parisDayStart(parisIsoDate(date)));
    consider(staleAfter({ date, reviewed }, reviewMaxAgeYears));
    // Its comments close at the start of a day in Paris too, if they close by age (an article
    // whose comments are closed anyway is built again for nothing then, which is rare and cheap).
    const closes = commentsCloseOn(date, commentsCloseAfterDays);
    if (closes !== undefined) consider(parisDayStart(closes));
  }
  return first;
}
