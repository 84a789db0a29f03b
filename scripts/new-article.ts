// Creates a draft article from its title: `npm run new -- "Titre de l’article"`.
// The draft validates against the content schema (so `astro dev` shows it at once)
// and stays out of the published site until an editor sets `draft: false`; the build refuses
// it published while it still holds the scaffold's « À compléter » (lib/article-file-check.ts).

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../src/lib/yaml.ts";
import { contentDir } from "../src/config/paths.ts";
import { parisIsoDate } from "../src/lib/dates.ts";
import { slugify } from "../src/lib/slug.ts";
import { knownIds } from "../src/lib/content-ids.ts";

const AUTHOR_PLACEHOLDER = "auteur-a-renseigner";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readYaml(file: string): unknown {
  try {
    return parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    return fail(`Impossible de lire ${file} : ${(error as Error).message}`);
  }
}

function firstStaffAuthor(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of files) {
    const author = readYaml(join(dir, name));
    if (typeof author === "object" && author !== null && (author as { staff?: unknown }).staff === true) {
      return name.replace(/\.ya?ml$/, "");
    }
  }
  return undefined;
}

function firstCategory(file: string): string {
  const categories = existsSync(file) ? readYaml(file) : undefined;
  const first = typeof categories === "object" && categories !== null ? Object.keys(categories)[0] : undefined;
  // An invented category would only fail later, in the build; better to stop here.
  return first ?? fail(`Aucune rubrique dans ${file}. Ajoutez-en une avant de créer un article.`);
}

const title = process.argv.slice(2).join(" ").trim();
if (title === "") {
  fail('Titre manquant. Utilisation : npm run new -- "Titre de l’article"');
}
const slug = slugify(title);
if (slug === "") {
  fail(`Le titre « ${title} » ne contient ni lettre ni chiffre : impossible d’en tirer une adresse.`);
}

const articlesDir = join(contentDir, "articles");
const path = join(articlesDir, `${slug}.md`);
// Any of these would give the article the same id, and Astro would reject the duplicate.
const existing = [`${slug}.md`, `${slug}.mdx`, join(slug, "index.md"), join(slug, "index.mdx")]
  .map((name) => join(articlesDir, name))
  .find((file) => existsSync(file));
if (existing !== undefined) {
  fail(`${existing} existe déjà : choisissez un autre titre ou modifiez l’article existant.`);
}

const author = firstStaffAuthor(join(contentDir, "authors")) ?? AUTHOR_PLACEHOLDER;
const category = firstCategory(join(contentDir, "categories.yaml"));
// The choice made above is a guess: the editor sees every other valid id beside it.
const ids = knownIds(contentDir);
const choices = (all: Set<string>, chosen: string) => [...all].filter((id) => id !== chosen).sort().join(", ") || "aucun autre";

// JSON strings are valid YAML double-quoted scalars, so any title round-trips.
const source = `---
title: ${JSON.stringify(title)}
description: "À compléter : le chapô, une ou deux phrases qui résument l’article."
date: ${parisIsoDate(new Date())}
author: ${author} # autres identifiants (content/authors/) : ${choices(ids.authors, author)}
category: ${category} # autres rubriques (content/categories.yaml) : ${choices(ids.categories, category)}
tags: []
sources: []
# Passer à false pour publier.
draft: true
---

À compléter : l’introduction.

## Ce qu’il faut savoir

À compléter.

## Ce que disent les études

À compléter.

## En pratique

À compléter.
`;

mkdirSync(articlesDir, { recursive: true });
try {
  // "wx": never overwrite, even if the file appeared since the check above.
  writeFileSync(path, source, { flag: "wx" });
} catch (error) {
  fail(`Impossible de créer ${path} : ${(error as Error).message}`);
}
console.log(path);
