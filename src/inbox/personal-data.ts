// What a moderator should look at before publishing: readers of a health site often post their
// own phone number or e-mail address, or someone else's, asking to be called back.

export type PersonalData = "téléphone" | "adresse e-mail";

// French numbers as people write them: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78.
const PHONE = /(?<!\d)(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/u;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/iu;

/** The kinds of personal data a comment's text seems to hold. */
export function personalDataIn(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  if (PHONE.test(text)) found.push("téléphone");
  if (EMAIL.test(text)) found.push("adresse e-mail");
  return found;
}
