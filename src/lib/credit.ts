// The line under a cover image that credits it. Editors often write the kind of picture into the
// credit ("Illustration Pouls", "Photo AFP"); a label in front would then say it twice.

const NAMES_ITS_KIND = /^(?:©|\(c\)|crédits?\b|illustrations?\b|photos?\b|photographies?\b|images?\b|dessins?\b|infographies?\b|schémas?\b|cartes?\b)/iu;

export function creditLine(credit: string, label: string): string {
  const trimmed = credit.trim();
  return NAMES_ITS_KIND.test(trimmed) ? trimmed : `${label}\u00A0: ${trimmed}`;
}
