// Study designs an article can report, in the plain words readers see, strongest evidence first.
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

export const designLabel: Record<EvidenceDesign, { name: string; meaning: string }> = {
  "meta-analysis": { name: "Méta-analyse", meaning: "Une synthèse de plusieurs études : le niveau de preuve le plus solide quand les études sont de qualité." },
  "randomized-trial": { name: "Essai randomisé", meaning: "Des patients tirés au sort pour recevoir ou non le traitement : la meilleure façon de prouver un effet." },
  "clinical-trial": { name: "Essai clinique", meaning: "Un traitement testé chez des patients, sans comparaison tirée au sort : des résultats encourageants mais à confirmer." },
  observational: { name: "Étude observationnelle", meaning: "On observe des personnes sans intervenir : elle montre un lien, pas forcément une cause." },
  "case-report": { name: "Cas clinique", meaning: "L’histoire d’un ou de quelques patients : un signal, pas une preuve." },
  "lab-study": { name: "Étude en laboratoire", meaning: "Sur des cellules ou des animaux : rien ne garantit le même effet chez l’humain." },
  "expert-opinion": { name: "Avis d’experts", meaning: "L’analyse de spécialistes, sans nouvelle étude." },
  guideline: { name: "Recommandation officielle", meaning: "Une consigne d’une autorité de santé, fondée sur l’ensemble des études disponibles." },
};

export const sourceKindLabel = {
  study: "Étude originale",
  report: "Rapport",
  press: "Article de presse",
  guideline: "Recommandation",
  other: "Autre source",
} as const;
