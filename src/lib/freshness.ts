// How old an article's medical information is. Publication counts as the first review;
// an editorial update does not, since it may not have been checked by a health professional.
export interface Dated {
  date: Date;
  reviewed?: Date | undefined;
}

export const lastChecked = (a: Dated): Date => (a.reviewed && a.reviewed > a.date ? a.reviewed : a.date);

/** The day after which the article counts as not reviewed for `years` years. */
export function staleAfter(a: Dated, years: number): Date {
  const d = new Date(lastChecked(a));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

export const isStale = (a: Dated, now: Date, years: number): boolean => now > staleAfter(a, years);

/** The date readers should see as "last modified": publication, update, review or correction. */
export function modifiedDate(a: Dated & { updated?: Date | undefined; corrections?: { date: Date }[] }): Date {
  return latestDate([a.date, a.updated, a.reviewed, ...(a.corrections ?? []).map((c) => c.date)]) ?? a.date;
}

/** The latest of dates written in front matter (YAML gives strings or Dates); invalid ones are skipped. */
export function latestDate(values: unknown[]): Date | undefined {
  let latest: Date | undefined;
  for (const value of values) {
    const date = typeof value === "string" ? new Date(value) : value instanceof Date ? value : undefined;
    if (date && !Number.isNaN(date.getTime()) && (!latest || date > latest)) latest = date;
  }
  return latest;
}
