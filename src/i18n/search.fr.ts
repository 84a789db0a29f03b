// Interface strings of the search page, in French: a file of their own beside fr.ts because the
// page's browser script imports them too, and should not bring the rest of the site's strings.
import { frenchNumber } from "../lib/typography.ts";

const nbsp = "\u00a0";
const quote = (s: string) => `«${nbsp}${s}${nbsp}»`;
const count = frenchNumber;

export const strings = {
  pageTitle: "Recherche",
  // Under a result found by a word of the glossary that its text does not use.
  glossaryMatch: `Trouvé par le glossaire${nbsp}:`,
  pageDescription: "Rechercher parmi les articles de Pouls, par mots, rubrique, auteur ou année.",
  heading: "Rechercher dans les articles",
  formLabel: "Recherche dans les articles",
  queryLabel: "Mots recherchés",
  submit: "Rechercher",
  filtersLegend: "Affiner",
  filtersSummary: "Filtres et tri",
  rubrique: "Rubrique",
  sousRubrique: "Sous-rubrique",
  auteur: "Auteur ou autrice",
  annee: "Année",
  any: "Toutes",
  anyAuthor: "Tous",
  sort: "Trier par",
  sortRelevance: "Pertinence",
  sortDate: "Plus récents",
  shortcutToggle: "Raccourci clavier : la touche « / » place le curseur dans la recherche, sur toutes les pages",
  resultsHeading: "Résultats",
  more: "Afficher plus de résultats",
  searching: "Recherche en cours…",
  idle: "Saisissez un ou plusieurs mots, ou choisissez une rubrique, un auteur ou une année.",
  noJsTitle: "La recherche a besoin de JavaScript",
  noJsText:
    "Les résultats de recherche s’affichent grâce à JavaScript, qui semble désactivé dans votre navigateur. Vous pouvez parcourir les articles par rubrique :",
  loadError: "La recherche est indisponible pour le moment : l’index de recherche n’a pas pu être chargé.",
  devLoadError:
    "Pas d’index de recherche : en développement, lancez « npm run build » une fois, puis rechargez cette page ; « npm run dev » sert l’index du dernier build.",
  searchError: "La recherche a échoué. Réessayez, ou parcourez les rubriques.",
  sections: "Rubriques",
  browseInstead: "Parcourir plutôt",
  didYouMean: "Vouliez-vous dire",
  topics: "Sujets les plus traités",

  /** "Claire Dumont", "Claire Dumont et Marc Lefèvre", "A, B et C". */
  authorList(names: readonly string[]): string {
    if (names.length <= 1) return names.join("");
    return `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
  },

  /** The live-region message once results are in. */
  resultCount(n: number, q: string): string {
    if (!q) {
      if (n === 0) return "Aucun article ne correspond à ces filtres.";
      return n > 1 ? `${count(n)} articles correspondent à ces filtres.` : "1 article correspond à ces filtres.";
    }
    if (n === 0) return `Aucun résultat pour ${quote(q)}. Vérifiez l’orthographe, essayez d’autres mots ou retirez un filtre.`;
    return n > 1 ? `${count(n)} résultats pour ${quote(q)}.` : `1 résultat pour ${quote(q)}.`;
  },

  /** Beside the control that unfolds the filters on a phone. */
  activeFilters(n: number): string {
    if (n === 0) return "";
    return n > 1 ? `(${count(n)}${nbsp}actifs)` : `(1${nbsp}actif)`;
  },

  /** The live-region message when results were read one by one and more may follow. */
  resultCountAtLeast(n: number, q: string): string {
    return `Au moins ${count(n)} résultats pour ${quote(q)}.`;
  },

  /** When Pagefind answered only through a fragment of these words (see lib/search/term-match.ts). */
  notFound(terms: readonly string[]): string {
    return `${strings.inNoArticle(terms)} Vérifiez l’orthographe, essayez un autre mot, ou parcourez les rubriques et les sujets ci-dessous.`;
  },

  /** "Aucun article ne contient « doliprane »." */
  inNoArticle(terms: readonly string[]): string {
    const words = terms.map(quote);
    const named = words.length > 1 ? `les mots ${strings.authorList(words)}` : words[0];
    return `Aucun article ne contient ${named}.`;
  },

  /** Without a total while the results are still being read one by one. */
  shown(shown: number, total?: number): string {
    return total === undefined ? `${count(shown)} affichés` : `${count(shown)} sur ${count(total)} affichés`;
  },

  /** The document title, so history entries and tabs say what was searched. */
  documentTitle(q: string, site: string): string {
    return q ? `${quote(q)} — Recherche — ${site}` : `Recherche — ${site}`;
  },
} as const;
