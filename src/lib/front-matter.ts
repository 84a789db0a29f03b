// Splits a Markdown file into its YAML front matter and its body. The YAML is parsed here;
// a YAML error is thrown for the caller to report or ignore.
// The build reads every article through here before Astro does: js-yaml (src/lib/yaml.ts) took
// a tenth of the time `yaml` did (2 s per 1,000 articles), which is why it is the one library.
import { parseYaml } from "./yaml.ts";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface FrontMatterFile {
  /** The front matter's fields; empty when it holds no mapping. */
  data: Record<string, unknown>;
  body: string;
}

/** The file's front matter and body, or undefined when it has no front matter block. */
export function splitFrontMatter(source: string): FrontMatterFile | undefined {
  const match = FRONT_MATTER.exec(source);
  if (!match) return undefined;
  const data: unknown = parseYaml(match[1] ?? "");
  return {
    data: typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: source.slice(match[0].length),
  };
}
