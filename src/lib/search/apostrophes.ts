// French elision and Pagefind. The site's typography turns "l'immunothérapie" into
// "l’immunothérapie" (U+2019), and Pagefind 1.6 splits words only on ASCII punctuation: the
// typographic apostrophe glues the article to the noun, so "immunothérapie" would not find
// "l’immunothérapie", nor "asthme" find "d’asthme". The index therefore reads the HTML with
// ASCII apostrophes between letters, and queries get the same treatment; the search page turns
// them back into typographic ones for display.

// An apostrophe after a letter and before a letter, possibly with inline tags in between
// ("l’<em>immunothérapie</em>"). Entities too, though Astro writes the character itself.
const TYPOGRAPHIC_IN_WORD = /(\p{L})(?:’|ʼ|&rsquo;|&#8217;|&#x2019;)(?=(?:<[^<>]+>)*\p{L})/gu;

/** HTML as Pagefind should index it: elided words split on an ASCII apostrophe. */
export function indexableApostrophes(html: string): string {
  return html.replace(TYPOGRAPHIC_IN_WORD, "$1'");
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
