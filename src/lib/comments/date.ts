// Dates are shown as French readers write them ("7 juin 2018", "1er mai 2019"), in the
// newsroom's time zone so a comment posted late at night is not dated the next day.
const TIME_ZONE = "Europe/Paris";

const dayMonthYear = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});

const hourMinute = new Intl.DateTimeFormat("fr-FR", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});

export function formatFrenchDate(date: Date): string {
  const parts = dayMonthYear.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  const day = part("day") === "1" ? "1er" : part("day");
  return `${day} ${part("month")} ${part("year")}`;
}

export function formatFrenchDateTime(date: Date): string {
  const [hours, minutes] = hourMinute.format(date).split(":");
  return `${formatFrenchDate(date)} à ${hours} h ${minutes}`;
}
