// Cross-checks that a per-file schema cannot make: references between files, date order, links.
import { editDistance } from "./search/vocabulary.ts";

export interface ArticleToCheck {
  slug: string;
  /** Path of the source file, as editors know it (e.g. content/articles/x.md). */
  file: string;
  /** Undefined (like the other fields) when in error in the file itself, reported apart. */
  date: Date | undefined;
  updated?: Date | undefined;
  reviewed?: Date | undefined;
  reviewer?: string | undefined;
  authors: string[];
  category: string | undefined;
  related: string[];
  /** How many sources the article cites. */
  sources: number | undefined;
  /** Slugs its body links to (linkedSlugs). */
  links: string[];
}

export interface KnownIds {
  authors: ReadonlySet<string>;
  categories: ReadonlySet<string>;
  /** Articles that will be built: links and pins may only point to these. */
  articles: ReadonlySet<string>;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Slugs an article body points to: Markdown/HTML links to /articles/<slug>/ and <LireAussi slug="…" />. */
export function linkedSlugs(body: string, origin = ""): string[] {
  const found = new Set<string>();
  const prefix = origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const link = new RegExp(`(?:\\]\\(|href=["'])(?:${prefix})?/articles/([^/)"'#?\\s]+)`, "g");
  for (const m of body.matchAll(link)) found.add(m[1]!);
  for (const m of body.matchAll(/<LireAussi\s+slug=["']([^"']+)["']/g)) found.add(m[1]!);
  return [...found];
}

/** `id` and the closest of `ids` if one is a likely typo of it ("sociiete" for "societe"). */
function unknownId(id: string, ids: ReadonlySet<string>, where: string): string {
  let closest: { id: string; distance: number } | undefined;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate, 3);
    if (distance <= 3 && (!closest || distance < closest.distance)) closest = { id: candidate, distance };
  }
  const hint = closest ? ` Vouliez-vous dire « ${closest.id} » ?` : "";
  return `« ${id} » n’existe pas.${hint} Attendu : un identifiant de ${where} (${[...ids].sort().join(", ")}).`;
}

export function checkArticles(articles: ArticleToCheck[], known: KnownIds): Problem[] {
  const problems: Problem[] = [];
  for (const a of articles) {
    const add = (field: string, message: string) => problems.push({ file: a.file, field, message });
    if (/^\d+$/.test(a.slug))
      add("slug (nom du fichier)", `« ${a.slug} » est réservé à la page ${a.slug} de la liste /articles/. Attendu : un nom fait de mots, par ex. ${a.slug}-conseils-pour-bien-dormir.`);
    for (const author of a.authors) {
      if (!known.authors.has(author)) add("author", unknownId(author, known.authors, "content/authors/"));
    }
    if (a.reviewer !== undefined && !known.authors.has(a.reviewer))
      add("reviewer", unknownId(a.reviewer, known.authors, "content/authors/"));
    if (a.category !== undefined && !known.categories.has(a.category))
      add("category", unknownId(a.category, known.categories, "content/categories.yaml"));
    if (a.sources === 0)
      add("sources", "aucune source. Attendu : au moins une référence (étude, rapport, recommandation…) dans « sources ».");
    if (a.updated && a.date && a.updated < a.date)
      add("updated", `${day(a.updated)} est avant la date de publication ${day(a.date)}. Attendu : une date égale ou postérieure.`);
    if (a.reviewed && a.date && a.reviewed < a.date)
      add("reviewed", `${day(a.reviewed)} est avant la date de publication ${day(a.date)}. Attendu : une date égale ou postérieure.`);
    if (a.reviewed && a.updated && a.reviewed < a.updated)
      add("reviewed", `la relecture médicale (${day(a.reviewed)}) est plus ancienne que la mise à jour (${day(a.updated)}). Attendu : une relecture après la dernière mise à jour, ou retirer « updated ».`);
    if (a.reviewed && !a.reviewer)
      add("reviewer", "« reviewed » est donné sans relecteur. Attendu : reviewer: <identifiant d’auteur>.");
    for (const pin of a.related) {
      if (pin === a.slug) add("related", `l’article ne peut pas se citer lui-même (« ${pin} »).`);
      else if (!known.articles.has(pin))
        add("related", `« ${pin} » ne correspond à aucun article publié. Attendu : le slug d’un article existant.`);
    }
    for (const target of a.links) {
      if (!known.articles.has(target))
        add("corps (lien interne)", `/articles/${target}/ ne correspond à aucun article publié. Attendu : le slug d’un article existant.`);
    }
  }
  return problems;
}

export function formatProblems(problems: Problem[]): string {
  const lines = problems.map((p) => `- ${p.file} › ${p.field} : ${p.message}`);
  const s = problems.length > 1 ? "s" : "";
  return `Contenu invalide (${problems.length} problème${s}) :\n${lines.join("\n")}`;
}

/** Covers whose image file is missing; `exists` resolves a cover path against its article file. */
export function checkCovers(
  articles: { file: string; cover: string | undefined }[],
  exists: (articleFile: string, cover: string) => boolean,
): Problem[] {
  return articles
    .filter((a) => a.cover !== undefined && !exists(a.file, a.cover))
    .map((a) => ({
      file: a.file,
      field: "cover.src",
      message: `l’image « ${a.cover} » est introuvable. Attendu : un fichier image à côté de l’article, par ex. ./cover.jpg.`,
    }));
}
