// URL slugs for articles and tags. Output matches the content schema's slug rule
// (lowercase ASCII words joined by single hyphens) so a generated slug always validates.

export const MAX_SLUG_LENGTH = 80;

// Letters NFD does not decompose into a base letter plus accents.
const LIGATURES: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
};

export function slugify(title: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const slug = title
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[œæßøłđ]/gu, (ch) => LIGATURES[ch] ?? ch)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cutting mid-word leaves a misleading fragment; drop back to the last whole word
  // unless the first word alone is longer than the limit.
  const lastHyphen = cut.lastIndexOf("-");
  const atWordEnd = slug[maxLength] === "-";
  return (atWordEnd || lastHyphen <= 0 ? cut : cut.slice(0, lastHyphen)).replace(/-+$/, "");
}

export function tagSlug(tag: string): string {
  return slugify(tag);
}
