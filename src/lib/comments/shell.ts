// Markers in the page the build writes for the comment inbox (src/pages/[internal]/gabarit.astro):
// the inbox puts a page's title and content in their place.
export const SHELL_TITLE = "POULS_TITRE_DE_LA_PAGE";
export const SHELL_CONTENT = "<!--pouls:contenu-->";
/** Where the build writes it, beside the inbox's article manifest (dist/_pouls/articles.json). */
export const SHELL_FILE = "gabarit/index.html";
