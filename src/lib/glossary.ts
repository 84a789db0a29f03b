// The medical glossary (content/glossaire.yaml): each entry a term, its plain-language definition,
// the everyday words and the carers' words that mean the same. A word belongs to one entry only,
// or a reader's search and the term's link could not tell which entry it means.
import { existsSync, readFileSync } from "node:fs";
import { parseYaml } from "./yaml.ts";
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

/** The glossary file at `path` read: its valid entries, and every mistake named by entry and field. */
export function readGlossary(path: string, file: string): { entries: GlossaryEntry[]; problems: Problem[] } {
  if (!existsSync(path)) return { entries: [], problems: [] };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    return { entries: [], problems: [{ file, field: "YAML", message: `${(error as Error).message.split("\n")[0]}` }] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { entries: [], problems: [{ file, field: "(fichier)", message: "attendu : une entrée par terme, sous une clé (par ex. « infarctus-du-myocarde: »)" }] };
  }
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  for (const [id, value] of Object.entries(data)) {
    const parsed = glossaryFields.safeParse(value);
    if (parsed.success) entries.push({ id, ...parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ file, field: [id, ...issue.path].join("."), message: issue.message });
  }
  return { entries, problems: [...problems, ...glossaryProblems(entries, file)] };
}

/** Every mistake of the glossary file at `path` (none when there is no file), named by entry and field. */
export const glossaryFileProblems = (path: string, file: string): Problem[] => readGlossary(path, file).problems;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A folded word as a pattern: each of its words may take the plural's s or x ("céphalées"). */
const wordPattern = (folded: string): string =>
  folded
    .split(" ")
    .map((w) => (/[sx]$/.test(w) ? escape(w) : `${escape(w)}[sx]?`))
    .join(" +");

const foldText = (text: string): string => fold(text).replace(/[’ʼ‘`´]/g, "'").replace(/\s/g, " ");

/**
 * A text folded as foldWord folds it, character for character, with where each folded character
 * came from (`from`), or no `from` when each character folds to one (the text holds no combining
 * mark to drop, and no character folds to two): the usual case, kept cheap.
 */
function foldWithOffsets(text: string): { folded: string; from?: number[] } {
  if (!/\p{M}/u.test(text)) {
    const folded = foldText(text);
    if (folded.length === text.length) return { folded };
  }
  let folded = "";
  const from: number[] = [];
  let at = 0;
  for (const char of text) {
    const one = foldText(char);
    for (let i = 0; i < one.length; i++) from.push(at);
    folded += one;
    at += char.length;
  }
  from.push(at);
  return { folded, from };
}

export interface GlossaryMention<E> {
  entry: E;
  /** Where the words are in the text given, as string offsets (end excluded). */
  start: number;
  end: number;
}

/**
 * Every place a text names a glossary entry by one of its words (accents, case, apostrophes and
 * plurals aside, whole words only), in the text's order. Built once for all articles.
 */
export function glossaryFinder<E extends GlossaryEntry>(entries: readonly E[]): (text: string) => GlossaryMention<E>[] {
  const byWord = new Map<string, E>();
  for (const entry of entries) for (const { word } of entryWords(entry)) byWord.set(foldWord(word), entry);
  if (byWord.size === 0) return () => [];
  // Longest first, so that "infarctus du myocarde" wins over "infarctus".
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => `(${wordPattern(w)})`).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return (text) => {
    const { folded, from } = foldWithOffsets(text);
    const found: GlossaryMention<E>[] = [];
    for (const match of folded.matchAll(pattern)) {
      const group = match.findIndex((g, i) => i > 0 && g !== undefined);
      const end = match.index + match[0].length;
      found.push({ entry: byWord.get(words[group - 1]!)!, start: from ? from[match.index]! : match.index, end: from ? from[end]! : end });
    }
    return found;
  };
}

/** The glossary entries a text mentions, in the glossary's order. */
export function glossaryMatcher<E extends GlossaryEntry>(entries: readonly E[]): (text: string) => E[] {
  const find = glossaryFinder(entries);
  return (text) => {
    const found = new Set(find(text).map((m) => m.entry));
    return entries.filter((entry) => found.has(entry));
  };
}

/** The entries added, removed or changed from `before` to `now`, in both their versions. */
export function changedEntries(before: readonly GlossaryEntry[], now: readonly GlossaryEntry[]): GlossaryEntry[] {
  const key = (entry: GlossaryEntry) => JSON.stringify([entry.id, entry.terme, entry.definition, entry.courant ?? [], entry.medical ?? []]);
  const was = new Set(before.map(key));
  const is = new Set(now.map(key));
  return [...before.filter((e) => !is.has(key(e))), ...now.filter((e) => !was.has(key(e)))];
}

/** How a mentioned entry reads in search metadata: "infarctus du myocarde (crise cardiaque, IDM)". */
export function glossaryLine(entry: GlossaryEntry): string {
  const others = [...(entry.courant ?? []), ...(entry.medical ?? [])];
  return others.length > 0 ? `${entry.terme} (${others.join(", ")})` : entry.terme;
}
