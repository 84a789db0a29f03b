// Bidi overrides and isolates can make a name read differently from what it is; zero-width and
// other format characters hide text. None belongs in a display name.
const NAME_FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const BODY_FORBIDDEN = /[\p{Cc}\u2028\u2029]/gu;

export function cleanName(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[\t\n\r]/gu, " ")
    .replace(NAME_FORBIDDEN, "")
    .replace(/\s+/gu, " ")
    .trim();
}

export function cleanBody(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/gu, "\n")
    .replace(/\t/gu, " ")
    .split("\n")
    .map((line) => line.replace(BODY_FORBIDDEN, ""))
    .join("\n");
}
