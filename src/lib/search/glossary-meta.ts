// An article's "glossaire" search metadata: one line per glossary entry it mentions,
// « terme (its other words) » (src/lib/glossary.ts, glossaryLine), in one Pagefind metadata value
// that the search page splits again to say which entry a result was found by.
const SEPARATOR = " ; ";

export const glossaryMeta = (lines: readonly string[]): string => lines.join(SEPARATOR);

export const glossaryMetaLines = (meta: string): string[] => meta.split(SEPARATOR).filter((line) => line.trim() !== "");
