// Build-time audit of the pages Pagefind indexes. Pagefind silently drops a page without a sort
// key from sorted results, and a page without a filter from filtered ones; the build checks every
// indexed page carries them all instead of letting "Plus récents" quietly lose articles.

/** What ArticleSearchMeta writes into every article, as the attribute patterns Pagefind reads. */
export const REQUIRED_SEARCH_FIELDS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'data-pagefind-sort="date:AAAA-MM-JJ"', pattern: /data-pagefind-sort="date:\d{4}-\d{2}-\d{2}"/ },
  { name: 'data-pagefind-meta="date:AAAA-MM-JJ"', pattern: /data-pagefind-meta="date:\d{4}-\d{2}-\d{2}"/ },
  { name: 'data-pagefind-meta="rubrique"', pattern: /data-pagefind-meta="rubrique"/ },
  { name: 'data-pagefind-meta="auteur"', pattern: /data-pagefind-meta="auteur"/ },
  { name: 'data-pagefind-filter="rubrique:…"', pattern: /data-pagefind-filter="rubrique:[a-z0-9-]+"/ },
  { name: 'data-pagefind-filter="auteur:…"', pattern: /data-pagefind-filter="auteur:[a-z0-9-]+"/ },
  { name: 'data-pagefind-filter="annee:AAAA"', pattern: /data-pagefind-filter="annee:\d{4}"/ },
];

// Pagefind indexes only the pages with this attribute once any page has it.
const BODY = /\sdata-pagefind-body[\s=>]/;

export interface PageAudit {
  path: string;
  missing: string[];
}

export interface SearchFieldsAudit {
  /** Pages carrying data-pagefind-body: the ones Pagefind indexes. */
  indexed: number;
  complete: number;
  /** Indexed pages with some but not all fields: a template bug. */
  incomplete: PageAudit[];
  /** Indexed pages with none of the fields: ArticleSearchMeta not placed at all. */
  bare: string[];
}

export function missingSearchFields(html: string): string[] | null {
  if (!BODY.test(html)) return null;
  return REQUIRED_SEARCH_FIELDS.filter((f) => !f.pattern.test(html)).map((f) => f.name);
}

export const emptyAudit = (): SearchFieldsAudit => ({ indexed: 0, complete: 0, incomplete: [], bare: [] });

/** Adds one page to an audit; true when Pagefind indexes the page. */
export function auditPage(audit: SearchFieldsAudit, path: string, html: string): boolean {
  const missing = missingSearchFields(html);
  if (missing === null) return false;
  audit.indexed++;
  if (missing.length === 0) audit.complete++;
  else if (missing.length === REQUIRED_SEARCH_FIELDS.length) audit.bare.push(path);
  else audit.incomplete.push({ path, missing });
  return true;
}

export function auditSearchFields(pages: Iterable<{ path: string; html: string }>): SearchFieldsAudit {
  const audit = emptyAudit();
  for (const { path, html } of pages) auditPage(audit, path, html);
  return audit;
}

/**
 * The build's verdict. Bare pages are an error once some page is complete (one template forgot
 * the fields); when no page has them the site simply has not wired ArticleSearchMeta yet, which
 * is worth a warning, not a broken build for everyone working in the tree.
 */
export function auditVerdict(audit: SearchFieldsAudit): { level: "ok" | "warn" | "error"; message: string } {
  const list = (paths: string[]) => paths.slice(0, 10).join(", ") + (paths.length > 10 ? `, … (${paths.length})` : "");
  if (audit.incomplete.length > 0) {
    const lines = audit.incomplete
      .slice(0, 10)
      .map((p) => `  ${p.path} : manque ${p.missing.join(", ")}`);
    return {
      level: "error",
      message: `Recherche : ${audit.incomplete.length} page(s) indexée(s) sans tous leurs champs de recherche :\n${lines.join("\n")}`,
    };
  }
  if (audit.bare.length > 0 && audit.complete > 0) {
    return {
      level: "error",
      message: `Recherche : ${audit.bare.length} page(s) indexée(s) sans <ArticleSearchMeta> (ni tri, ni filtres) : ${list(audit.bare)}`,
    };
  }
  if (audit.bare.length > 0) {
    return {
      level: "warn",
      message: `Recherche : aucune page indexée ne porte <ArticleSearchMeta> ; filtres, tri par date et vignettes sont indisponibles.`,
    };
  }
  return { level: "ok", message: `Recherche : ${audit.complete} page(s) indexée(s) avec tous leurs champs.` };
}
