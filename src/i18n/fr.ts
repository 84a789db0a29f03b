// Every interface string of the site, with search.fr.ts (the search page, whose script loads it),
// comments.fr.ts (the comment form and thread, also drawn by the inbox) and inbox.fr.ts (what the
// inbox says to readers). A second language copies all four.
// Written with plain spaces and apostrophes; readers get them in French typography like the articles.
import type { EvidenceDesign } from "../lib/evidence.ts";
import { frenchNumber, typesetStrings } from "../lib/typography.ts";

export const t = typesetStrings({
  skipLink: "Aller au contenu",
  // The page left at an old address (content/redirections.txt), for browsers that do not follow its refresh.
  moved: { title: "Page déplacée", text: "Cette page a changé d’adresse :" },
  // The footer's switch between light and dark (src/components/ThemeSwitch.astro).
  theme: { label: "Apparence", auto: "Comme l’appareil", light: "Claire", dark: "Sombre" },
  homeTitle: "Accueil",
  nav: { label: "Navigation principale", sections: "Rubriques", search: "Recherche" },
  breadcrumbLabel: "Fil d’Ariane",
  latest: "Derniers articles",
  latestIn: (name: string) => `Derniers articles : ${name}`,
  allIn: (name: string) => `Tous les articles de la rubrique ${name}`,
  by: "Par",
  and: "et",
  publishedOn: "Publié le",
  updatedOn: "Mis à jour le",
  reviewedOn: "Revu médicalement le",
  reviewedBy: "par",
  readingTime: (min: number) => `${min} min de lecture`,
  toc: "Sommaire",
  sources: "Sources",
  tags: "Mots-clés",
  related: "Lire aussi",
  // Under an article, the glossary's definitions of the words it uses (src/markdown/glossary-terms.ts).
  wordsExplained: "Mots expliqués",
  coverCredit: "Crédit",
  doi: "DOI",
  sectionPage: (name: string) => `Rubrique ${name}`,
  subsections: "Sous-rubriques",
  pageN: (n: number, total: number) => `Page ${frenchNumber(n)} sur ${frenchNumber(total)}`,
  pagination: "Pagination",
  previous: "Page précédente",
  next: "Page suivante",
  tagPage: (tag: string) => `Mot-clé : ${tag}`,
  articlesCount: (n: number) => (n > 1 ? `${frenchNumber(n)} articles` : `${n} article`),
  authorArticles: "Ses articles",
  noArticles: "Aucun article pour l’instant.",
  notFoundTitle: "Page introuvable",
  notFoundText: "La page demandée n’existe pas ou a été déplacée.",
  notFoundHelp: "Vous pouvez revenir à l’accueil, parcourir les rubriques ou lancer une recherche.",
  feed: "Flux RSS",
  feedOf: (name: string) => `Flux RSS de la rubrique ${name}`,
  footer: {
    about: "Pouls publie une information santé sourcée, écrite et relue par des professionnels.",
    notAdvice: "Les articles informent ; ils ne remplacent pas l’avis d’un professionnel de santé.",
    sitemap: "Plan du site",
  },
  search: {
    label: "Rechercher un article",
    placeholder: "Rechercher…",
    submit: "Rechercher",
  },
  comments: "Commentaires",
  trust: {
    publishedIn: (monthYear: string) => `Article publié en ${monthYear}`,
    lastReviewedIn: (monthYear: string) => `, revu médicalement en ${monthYear}`,
    // Counted from the last medical review, or from publication when there was none: an editorial
    // update right above it on the page does not reset it, so the notice names its date.
    stale: (years: number, since: string, reviewed: boolean) =>
      reviewed
        ? `Sa dernière relecture par un professionnel de santé date de ${since}, il y a plus de ${years} ans : les connaissances et les traitements ont pu évoluer depuis.`
        : `Aucun professionnel de santé ne l’a relu depuis sa publication en ${since}, il y a plus de ${years} ans (une mise à jour éditoriale n’est pas une relecture médicale) : les connaissances et les traitements ont pu évoluer depuis.`,
    newer: (section: string) => `Voir les articles plus récents de la rubrique ${section}`,
    evidenceTitle: "Ce que dit l’étude",
    design: "Type d’étude",
    participants: "Nombre de participants",
    publishedWhere: "Publication",
    availability: "Disponibilité en France",
    unknowns: "Ce qu’on ne sait pas encore",
    about: "Sujet",
    // What each study design of the front matter's `evidence.design` means (src/lib/evidence.ts).
    designs: {
      "meta-analysis": { name: "Méta-analyse", meaning: "Une synthèse de plusieurs études : le niveau de preuve le plus solide quand les études sont de qualité." },
      "randomized-trial": { name: "Essai randomisé", meaning: "Des patients tirés au sort pour recevoir ou non le traitement : la meilleure façon de prouver un effet." },
      "clinical-trial": { name: "Essai clinique", meaning: "Un traitement testé chez des patients, sans comparaison tirée au sort : des résultats encourageants mais à confirmer." },
      observational: { name: "Étude observationnelle", meaning: "On observe des personnes sans intervenir : elle montre un lien, pas forcément une cause." },
      "case-report": { name: "Cas clinique", meaning: "L’histoire d’un ou de quelques patients : un signal, pas une preuve." },
      "lab-study": { name: "Étude en laboratoire", meaning: "Sur des cellules ou des animaux : rien ne garantit le même effet chez l’humain." },
      "expert-opinion": { name: "Avis d’experts", meaning: "L’analyse de spécialistes, sans nouvelle étude." },
      guideline: { name: "Recommandation officielle", meaning: "Une consigne d’une autorité de santé, fondée sur l’ensemble des études disponibles." },
    } satisfies Record<EvidenceDesign, { name: string; meaning: string }>,
    // The kinds of a source in the list under an article (its `kind`).
    sourceKinds: { study: "Étude originale", report: "Rapport", press: "Article de presse", guideline: "Recommandation", other: "Autre source" },
    disclaimerTitle: "À savoir",
    disclaimer:
      "Cet article informe ; il ne remplace pas une consultation. Pour toute question sur votre santé ou un traitement, parlez-en à votre médecin ou à votre pharmacien.",
    emergency: "En cas d’urgence, appelez le",
    or: "ou le",
    helplines: "Pour en parler",
    correctionsTitle: "Corrections",
    correctionsPolicy: "Notre politique de corrections",
  },
  editorial: "À propos de Pouls",
  printedOn: "Imprimé le",
  indexes: {
    sections: "Rubriques",
    allSections: "Toutes les rubriques",
    sectionsLead: "Tous les sujets de Pouls, des grandes rubriques aux plus précises, avec le nombre d’articles de chacune.",
    tags: "Mots-clés",
    tagsLead: "Tous les mots-clés des articles, par ordre alphabétique, avec le nombre d’articles de chacun.",
    authors: "Nos experts",
    authorsLead: "Les journalistes, pharmaciens et médecins qui écrivent et relisent les articles de Pouls. Chacun signe ses articles sous son nom et sa qualification.",
    articles: "Tous les articles",
    articlesLead: "Tous les articles de Pouls, du plus récent au plus ancien.",
    siteMap: "Plan du site",
    siteMapLead: "Toutes les pages de Pouls, rangées par sorte.",
    siteMapXml: "Plan du site au format XML, pour les moteurs de recherche",
    feeds: "Flux RSS",
    editorialPages: "À propos de Pouls",
    glossary: "Glossaire",
    glossaryLead: "Les mots de la santé expliqués simplement, de A à Z, avec les mots de tous les jours et ceux des soignants qui disent la même chose.",
    glossaryLetters: "Lettres du glossaire",
    glossaryEveryday: "Couramment :",
    glossaryMedical: "Chez les soignants :",
  },
} as const);
