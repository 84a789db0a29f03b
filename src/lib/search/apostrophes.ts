// French elision and Pagefind. The site's typography turns "l'immunothérapie" into
// "l’immunothérapie" (U+2019), and Pagefind 1.6 splits words only on ASCII punctuation: the
// typographic apostrophe glues the article to the noun, so "immunothérapie" would not find
// "l’immunothérapie", nor "asthme" find "d’asthme". The index therefore reads the HTML with
// ASCII apostrophes between letters, and queries get the same treatment; the search page turns
// them back into typographic ones for display.

// An apostrophe before a letter, possibly with inline tags in between
// ("l’<em>immunothérapie</em>"), and after a letter (checked by the replacer). Entities too,
// though Astro writes the character itself. The pattern starts with the apostrophe so that the
// engine scans for it rather than trying a letter at every position: about ten times faster on
// article pages, which counts at build time on a 10,000-article site.
const TYPOGRAPHIC_BEFORE_LETTER = /(?:[’ʼ]|&(?:rsquo|#8217|#x2019);)(?=(?:<[^<>]+>)*\p{L})/gu;
const ENDS_WITH_LETTER = /\p{L}$/u;

/** HTML as Pagefind should index it: elided words split on an ASCII apostrophe. */
export function indexableApostrophes(html: string): string {
  return html.replace(TYPOGRAPHIC_BEFORE_LETTER, (apostrophe, at: number) =>
    // Two code units: a letter outside the Basic Multilingual Plane is a surrogate pair.
    ENDS_WITH_LETTER.test(html.slice(Math.max(0, at - 2), at)) ? "'" : apostrophe,
  );
}

/** A query as Pagefind should read it: "l’asthme" typed on a phone finds "asthme" too. */
export function queryApostrophes(q: string): string {
  return q.replace(/[’ʼ‘`´]/g, "'");
}

// Pagefind returns excerpts HTML-escaped, so the apostrophe may come back as an entity.
const ASCII_IN_WORD = /(\p{L})(?:'|&#39;|&#x27;|&apos;)(?=(?:<[^<>]+>)*\p{L})/gu;

/** Text or excerpt HTML from the index, with the site's typographic apostrophes back. */
export function displayApostrophes(text: string): string {
  return text.replace(ASCII_IN_WORD, "$1’");
}
