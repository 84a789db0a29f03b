// Dates for display and publication. Content dates are calendar days written
// "AAAA-MM-JJ", which JavaScript reads as midnight UTC: they are formatted in UTC
// so that a reader's or a build machine's time zone never shifts the day.

// Instants (a comment's time) are shown in the newsroom's time zone, so a comment posted late
// at night in France is not dated the next day.
const dayMonthYear = (timeZone: string) =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone });
const DAY_MONTH_YEAR = dayMonthYear("UTC");
const PARIS_DAY_MONTH_YEAR = dayMonthYear("Europe/Paris");
const PARIS_HOUR_MINUTE = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

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

function frenchDay(format: Intl.DateTimeFormat, d: Date): string {
  assertValid(d);
  const parts = format.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const day = part("day");
  return `${day === "1" ? "1er" : day} ${part("month")} ${part("year")}`;
}

// A build shows each article's date on many listing pages (about 300,000 dates on a 10,000-article
// site), so the formats of content days are remembered: there are few of them (one per
// publication day), unlike instants, which are never remembered.
function rememberedPerDay(format: (d: Date) => string): (d: Date) => string {
  const known = new Map<number, string>();
  return (d) => {
    let text = known.get(d.getTime());
    if (text === undefined) known.set(d.getTime(), (text = format(d)));
    return text;
  };
}

/** "7 juin 2018", "1er juin 2018": a calendar day of the content. */
export const formatDateFr = rememberedPerDay((d) => frenchDay(DAY_MONTH_YEAR, d));

/** "7 juin 2018": the day of an instant in France. */
export const formatInstantFr = (d: Date): string => frenchDay(PARIS_DAY_MONTH_YEAR, d);

/** "7 juin 2018 à 09 h 30": an instant in France, to the minute. */
export function formatInstantTimeFr(d: Date): string {
  const [hours, minutes] = PARIS_HOUR_MINUTE.format(d).split(":");
  return `${formatInstantFr(d)} à ${hours} h ${minutes}`;
}

/** "juin 2018". */
export const formatMonthYearFr = rememberedPerDay((d) => {
  assertValid(d);
  return MONTH_YEAR.format(d);
});

/** "2018-06-07", the calendar day in UTC (the day written in the content). */
export const isoDate = rememberedPerDay((d) => {
  assertValid(d);
  return d.toISOString().slice(0, 10);
});

/** "2018-06-07", the calendar day of this instant for a reader in France. */
export function parisIsoDate(d: Date): string {
  assertValid(d);
  return PARIS_DAY.format(d);
}

/** The instant a calendar day ("2026-06-01") starts in France: 22:00 or 23:00 UTC the day before. */
export function parisDayStart(day: string): Date {
  const summer = new Date(Date.parse(`${day}T00:00:00Z`) - 2 * 3_600_000);
  return parisIsoDate(summer) === day ? summer : new Date(summer.getTime() + 3_600_000);
}

/** The calendar day `days` after `day` ("2026-06-01" + 30 → "2026-07-01"). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An article dated today (in France) is published today, whatever the hour. */
export function isPublished(date: Date, now: Date = new Date()): boolean {
  return parisIsoDate(date) <= parisIsoDate(now);
}
