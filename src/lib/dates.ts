// Dates for display and publication. Content dates are calendar days written
// "AAAA-MM-JJ", which JavaScript reads as midnight UTC: they are formatted in UTC
// so that a reader's or a build machine's time zone never shifts the day.

const DAY_MONTH_YEAR = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

const MONTH_YEAR = new Intl.DateTimeFormat("fr-FR", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

// en-CA formats as YYYY-MM-DD, which compares correctly as a string.
const PARIS_DAY = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Paris",
});

function assertValid(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new RangeError("Date invalide");
}

/** "7 juin 2018", "1er juin 2018". */
export function formatDateFr(d: Date): string {
  assertValid(d);
  const parts = DAY_MONTH_YEAR.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const day = part("day");
  return `${day === "1" ? "1er" : day} ${part("month")} ${part("year")}`;
}

/** "juin 2018". */
export function formatMonthYearFr(d: Date): string {
  assertValid(d);
  return MONTH_YEAR.format(d);
}

/** "2018-06-07", the calendar day in UTC (the day written in the content). */
export function isoDate(d: Date): string {
  assertValid(d);
  return d.toISOString().slice(0, 10);
}

/** "2018-06-07", the calendar day of this instant for a reader in France. */
export function parisIsoDate(d: Date): string {
  assertValid(d);
  return PARIS_DAY.format(d);
}

/** An article dated today (in France) is published today, whatever the hour. */
export function isPublished(date: Date, now: Date = new Date()): boolean {
  return parisIsoDate(date) <= parisIsoDate(now);
}
