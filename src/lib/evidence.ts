// Study designs an article can report, strongest evidence first; the words readers see for them
// are in src/i18n/fr.ts (t.trust.designs).
export const evidenceDesigns = [
  "meta-analysis",
  "randomized-trial",
  "clinical-trial",
  "observational",
  "case-report",
  "lab-study",
  "expert-opinion",
  "guideline",
] as const;

export type EvidenceDesign = (typeof evidenceDesigns)[number];
