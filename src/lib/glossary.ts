// The medical glossary (content/glossaire.yaml): each entry a term, its plain-language definition,
// the everyday words and the carers' words that mean the same. A word belongs to one entry only,
// or a reader's search and the term's link could not tell which entry it means.
import { existsSync, readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { z } from "astro/zod";
import { fold } from "./search/term-match.ts";
import type { Problem } from "./validate.ts";

export interface GlossaryEntry {
  /** The entry's key: its anchor on /glossaire/. */
  id: string;
  terme: string;
  definition: string;
  courant?: string[] | undefined;
  medical?: string[] | undefined;
}

/** A word as compared: accents, case, apostrophes and spacing do not make two words differ. */
export const foldWord = (word: string): string =>
  fold(word)
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/** The words of an entry: its term, then its everyday and medical synonyms, with their fields. */
export function entryWords(entry: GlossaryEntry): { field: string; word: string }[] {
  return [
    { field: "terme", word: entry.terme },
    ...(entry.courant ?? []).map((word) => ({ field: "courant", word })),
    ...(entry.medical ?? []).map((word) => ({ field: "medical", word })),
  ];
}

/** Every word found in two entries (or twice in one), each named with both places. */
export function glossaryProblems(entries: readonly GlossaryEntry[], file: string): Problem[] {
  const first = new Map<string, { id: string; field: string }>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    for (const { field, word } of entryWords(entry)) {
      const key = foldWord(word);
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { id: entry.id, field });
        continue;
      }
      problems.push({
        file,
        field: `${entry.id}.${field}`,
        message: `« ${word} » est déjà dans l’entrée ${seen.id} (${seen.field}). Attendu : chaque mot dans une seule entrée ; gardez-le où il a le plus de sens.`,
      });
    }
  }
  return problems;
}

/** The letter a term is listed under: its first letter without accent, upper case. */
export const letterOf = (term: string): string => foldWord(term).charAt(0).toUpperCase();

/** The entries by letter, A to Z, each letter's terms in French alphabetical order. */
export function glossaryByLetter<E extends GlossaryEntry>(entries: readonly E[]): { letter: string; entries: E[] }[] {
  const sorted = [...entries].sort((a, b) => a.terme.localeCompare(b.terme, "fr", { sensitivity: "base" }));
  const letters = new Map<string, E[]>();
  for (const entry of sorted) {
    const letter = letterOf(entry.terme);
    const list = letters.get(letter) ?? [];
    list.push(entry);
    letters.set(letter, list);
  }
  return [...letters].sort(([a], [b]) => a.localeCompare(b)).map(([letter, list]) => ({ letter, entries: list }));
}

const words = z.array(z.string().trim().min(1)).optional();
/** An entry as written in the file, under its key. */
export const glossaryFields = z.object({
  terme: z.string().trim().min(1, { error: "attendu : le terme tel qu’on l’affiche" }),
  definition: z.string().trim().min(1, { error: "attendu : une ou deux phrases simples" }),
  courant: words,
  medical: words,
});

/** Every mistake of the glossary file at `path` (none when there is no file), named by entry and field. */
export function glossaryFileProblems(path: string, file: string): Problem[] {
  if (!existsSync(path)) return [];
  let data: unknown;
  try {
    data = load(readFileSync(path, "utf8"), { schema: CORE_SCHEMA });
  } catch (error) {
    return [{ file, field: "YAML", message: `${(error as Error).message.split("\n")[0]}` }];
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return [{ file, field: "(fichier)", message: "attendu : une entrée par terme, sous une clé (par ex. « infarctus-du-myocarde: »)" }];
  }
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  for (const [id, value] of Object.entries(data)) {
    const parsed = glossaryFields.safeParse(value);
    if (parsed.success) entries.push({ id, ...parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ file, field: [id, ...issue.path].join("."), message: issue.message });
  }
  return [...problems, ...glossaryProblems(entries, file)];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The glossary entries an article's text mentions, by any of their words (accents, case and
 * apostrophes aside, whole words only), in the glossary's order. Built once for all articles.
 */
export function glossaryMatcher<E extends GlossaryEntry>(entries: readonly E[]): (text: string) => E[] {
  const byWord = new Map<string, E>();
  for (const entry of entries) for (const { word } of entryWords(entry)) byWord.set(foldWord(word), entry);
  if (byWord.size === 0) return () => [];
  // Longest first, so that "infarctus du myocarde" wins over "infarctus".
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return (text) => {
    const found = new Set<E>();
    for (const match of foldWord(text).matchAll(pattern)) found.add(byWord.get(match[0])!);
    return entries.filter((entry) => found.has(entry));
  };
}

/** How a mentioned entry reads in search metadata: "infarctus du myocarde (crise cardiaque, IDM)". */
export function glossaryLine(entry: GlossaryEntry): string {
  const others = [...(entry.courant ?? []), ...(entry.medical ?? [])];
  return others.length > 0 ? `${entry.terme} (${others.join(", ")})` : entry.terme;
}
