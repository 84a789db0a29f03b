// Old addresses kept working (content/redirections.txt, lib/redirects.ts): after the build, a
// redirect page at each old path, and dist/_redirects for the hosts that read it. A redirect to a
// page the build did not make, or over one it did, stops the build with the file's line.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { editorError } from "../lib/content-ids.ts";
import { decodedOr as decoded } from "../lib/uri.ts";
import { parseRedirects, redirectPage, redirectsFile, REDIRECTS_FILE, type RedirectProblem } from "../lib/redirects.ts";

/** The built file a site address is served from, if the build made it. */
function builtFile(dist: string, path: string): string | undefined {
  const clean = decoded(path.split(/[?#]/)[0]!);
  const candidates = clean.endsWith("/") ? [join(dist, clean, "index.html")] : [join(dist, clean), join(dist, clean, "index.html")];
  return candidates.find((file) => existsSync(file));
}

export function redirects(contentDir: string, origin: string): AstroIntegration {
  return {
    name: "pouls-redirects",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const source = resolve(contentDir, REDIRECTS_FILE);
        if (!existsSync(source)) return;
        const dist = fileURLToPath(dir);
        const { redirects: list, problems } = parseRedirects(readFileSync(source, "utf8"));
        const all: RedirectProblem[] = [...problems];
        const pages: { file: string; to: string }[] = [];
        for (const r of list) {
          if (builtFile(dist, r.to) === undefined) {
            all.push({ line: r.line, message: `${r.to} n’est pas une page du site construit. Attendu : l’adresse d’un article, d’une rubrique, d’un mot-clé, d’un auteur ou d’une page, par ex. /articles/<slug>/.` });
            continue;
          }
          if (r.from.includes("?")) continue;
          const file = join(dist, decoded(r.from).replace(/\/+$/, ""), "index.html");
          if (existsSync(file) && !pages.some((p) => p.file === file)) {
            all.push({ line: r.line, message: `${r.from} est une page du site : une redirection l’effacerait. Retirez cette ligne.` });
            continue;
          }
          pages.push({ file, to: r.to });
        }
        if (all.length > 0) {
          const name = relative(process.cwd(), source) || source;
          throw editorError(`Redirections invalides (${all.length}) :\n${all.sort((a, b) => a.line - b.line).map((p) => `- ${name}, ligne ${p.line} : ${p.message}`).join("\n")}`);
        }
        for (const page of pages) {
          mkdirSync(join(page.file, ".."), { recursive: true });
          writeFileSync(page.file, redirectPage(page.to, origin.replace(/\/+$/, "")));
        }
        writeFileSync(join(dist, "_redirects"), redirectsFile(list));
      },
    },
  };
}
