// YAML for everything Pouls reads and writes (front matter, glossary, sections, authors, comment
// files), through one library, js-yaml: the one Astro's Markdown already brings, and the faster
// at reading front matter (src/lib/front-matter.ts). Read with the core schema: a date, a « no » or a
// « 1.10 » stays the text the editor wrote; the checks that follow say what a field must be.
import { CORE_SCHEMA, dump, load } from "js-yaml";

export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

// Block style, no line folding, no anchors; text that another YAML reader could take for a date
// or a number is quoted.
export function toYaml(data: unknown): string {
  return dump(data, { lineWidth: -1, noRefs: true });
}
