// A deliberately light French stemmer: it only has to make inflected forms of one word meet
// (vaccins/vaccin/vaccination, dangereux/dangereuse), not produce linguistic roots. Every rule
// is a plain suffix test so the result never depends on anything but the word itself.

// Longest first, so "euse" wins over "e" and "ee" over "e".
const SUFFIXES = ["ement", "ation", "ique", "euse", "eux", "ee", "e"];

// Below this, stripping turns distinct short words into the same two letters.
const MIN_STEM = 3;

/** Expects a folded word (lowercase, no accents), as produced by the tokenizer. */
export function stemFrench(word: string): string {
  if (word.length <= MIN_STEM) return word;
  let w = word;
  if (w.endsWith("eaux")) w = w.slice(0, -1);
  else if (w.endsWith("aux") && w.length > 4) w = `${w.slice(0, -3)}al`;
  // -eux is a singular adjective ending (dangereux), handled with the suffixes; -ss is not a plural (stress).
  else if ((w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss") && !w.endsWith("eux")) w = w.slice(0, -1);

  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix)) {
      if (w.length - suffix.length >= MIN_STEM) return w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}
