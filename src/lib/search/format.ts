// Formatting for the search page, in plain code rather than Intl: building Intl formatters costs
// tens of milliseconds on a slow phone, paid before the first result can be drawn. The output
// matches src/lib/dates.ts and the byline (a unit test holds them together).

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/** "2018-06-07" → "7 juin 2018", "2018-06-01" → "1er juin 2018"; anything else → "". */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return "";
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return "";
  return `${day === 1 ? "1er" : day} ${month} ${m[1]}`;
}
