// A static site shows time: scheduled articles come out on their day, age notices show once an
// article's last check is too old, the footer gives the year. The same sources therefore build
// the same site only until the first of these moments after the build.
import { parisIsoDate } from "./dates.ts";
import { staleAfter } from "./freshness.ts";

export interface TimedArticle {
  date?: Date | undefined;
  reviewed?: Date | undefined;
  draft: boolean;
}

const HOUR = 3_600_000;

/** The first moment after `now` at which a build of the same sources shows something else. */
export function outputExpiry(articles: TimedArticle[], now: Date, reviewMaxAgeYears: number): Date {
  // The footer's year is the build machine's local one (src/components/Footer.astro).
  let first = new Date(now.getFullYear() + 1, 0, 1);
  const consider = (moment: Date) => {
    if (moment > now && moment < first) first = moment;
  };
  for (const { date, reviewed, draft } of articles) {
    if (draft || date === undefined) continue;
    // An article comes out at the start of its day in Paris (dates.ts, isPublished): 22:00 UTC
    // the day before is never later than that, summer or winter.
    consider(new Date(Date.parse(`${parisIsoDate(date)}T00:00:00Z`) - 2 * HOUR));
    consider(staleAfter({ date, reviewed }, reviewMaxAgeYears));
  }
  return first;
}
