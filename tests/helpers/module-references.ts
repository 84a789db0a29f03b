// Finds module references (imports, re-exports, require, createRequire, import.meta.resolve,
// triple-slash references) that name a file by an absolute path. Such a path is the machine's,
// not the repository's: it works where it was written and nowhere else.

const referencePatterns = [
  // import … from "x", export … from "x", import "x", import("x")
  /\b(?:from|import)\s*\(?\s*(["'`])([^"'`\n]+)\1/g,
  // require("x"), require.resolve("x"), createRequire("x"), import.meta.resolve("x")
  /\b(?:require(?:\.resolve)?|createRequire|import\.meta\.resolve)\s*\(\s*(["'`])([^"'`\n]+)\1/g,
  // /// <reference path="x" />
  /\/\/\/\s*<reference\s+path\s*=\s*(["'])([^"'\n]+)\1/g,
];

// Root-relative paths under these folders are URLs of the built site, imported by code that runs in
// the browser (Pagefind's script, Astro's bundles), not files on the machine.
const siteUrlFolders = ["pagefind", "_astro", "_pouls"];

export function isAbsoluteFilePath(specifier: string): boolean {
  if (/^file:/i.test(specifier) || /^[A-Za-z]:[\\/]/.test(specifier) || specifier.startsWith("\\\\")) return true;
  if (!specifier.startsWith("/") || specifier.startsWith("//")) return false;
  const firstFolder = specifier.slice(1).split("/")[0];
  return !siteUrlFolders.includes(firstFolder);
}

export interface AbsoluteReference {
  line: number;
  specifier: string;
}

export function absoluteModuleReferences(source: string): AbsoluteReference[] {
  const found: AbsoluteReference[] = [];
  for (const pattern of referencePatterns) {
    for (const match of source.matchAll(pattern)) {
      const specifier = match[2];
      if (!isAbsoluteFilePath(specifier)) continue;
      found.push({ line: source.slice(0, match.index).split("\n").length, specifier });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
