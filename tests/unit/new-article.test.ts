import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { parseYaml as parse } from "../../src/lib/yaml.ts";
import { parisIsoDate } from "../../src/lib/dates.ts";
import { tempDir } from "../helpers/temp.ts";

const script = join(import.meta.dirname, "../../scripts/new-article.ts");

function run(contentDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, POULS_CONTENT_DIR: contentDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contentDir(t: TestContext, { staff = true } = {}): string {
  const dir = tempDir("pouls-new-");
  mkdirSync(join(dir, "authors"));
  writeFileSync(join(dir, "authors", "amina-haddad.yaml"), "name: Amina Haddad\nstaff: false\n");
  writeFileSync(join(dir, "authors", "redaction.yaml"), `name: La rédaction\nstaff: ${staff}\n`);
  writeFileSync(join(dir, "authors", "zoe-staff.yaml"), `name: Zoé\nstaff: ${staff}\n`);
  writeFileSync(join(dir, "categories.yaml"), "# Rubriques\nprevention:\n  name: Prévention\ncancer:\n  name: Cancer\n");
  return dir;
}

function frontMatter(source: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  assert.ok(match, "front matter attendu");
  return parse(match[1] ?? "") as Record<string, unknown>;
}

test("creates a draft article named after the title and prints its path", (t) => {
  const dir = contentDir(t);
  const before = parisIsoDate(new Date());
  const result = run(dir, "Vaccin : l’hiver arrive « déjà » ?");
  const after = parisIsoDate(new Date());
  assert.equal(result.code, 0, result.stderr);
  const path = join(dir, "articles", "vaccin-l-hiver-arrive-deja.md");
  assert.equal(result.stdout.trim(), path);
  const source = readFileSync(path, "utf8");
  const data = frontMatter(source);
  assert.equal(data["title"], "Vaccin : l’hiver arrive « déjà » ?");
  assert.match(String(data["description"]), /^À compléter : /);
  assert.ok([before, after].includes(String(data["date"])), `date ${String(data["date"])}`);
  assert.equal(data["author"], "redaction", "premier auteur de l’équipe, par ordre alphabétique");
  assert.equal(data["category"], "prevention", "première rubrique du fichier");
  assert.deepEqual(data["tags"], []);
  assert.deepEqual(data["sources"], []);
  assert.equal(data["draft"], true);
  assert.match(source, /\n## [^\n]+\n/);
  // The ids filled in are a guess: every other valid one is listed beside it.
  assert.match(source, /^author: redaction # autres identifiants \(content\/authors\/\) : amina-haddad, zoe-staff$/m);
  assert.match(source, /^category: prevention # autres rubriques \(content\/categories.yaml\) : cancer$/m);
});

test("a title with YAML-sensitive characters round-trips", (t) => {
  const dir = contentDir(t);
  const title = 'Tests "PCR" : #faux-positifs, [mythe] ou réalité ?';
  const result = run(dir, title);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(frontMatter(readFileSync(result.stdout.trim(), "utf8"))["title"], title);
});

test("words passed without quotes are joined into one title", (t) => {
  const dir = contentDir(t);
  const result = run(dir, "Bien", "dormir");
  assert.equal(result.code, 0, result.stderr);
  assert.ok(existsSync(join(dir, "articles", "bien-dormir.md")));
});

test("without a staff author, a placeholder is used", (t) => {
  const dir = contentDir(t, { staff: false });
  const result = run(dir, "Bien dormir");
  assert.equal(result.code, 0, result.stderr);
  assert.equal(frontMatter(readFileSync(result.stdout.trim(), "utf8"))["author"], "auteur-a-renseigner");
});

test("refuses to overwrite an existing article", (t) => {
  const dir = contentDir(t);
  mkdirSync(join(dir, "articles"));
  const path = join(dir, "articles", "bien-dormir.md");
  writeFileSync(path, "original");
  const result = run(dir, "Bien dormir");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /existe déjà/);
  assert.equal(readFileSync(path, "utf8"), "original");
});

test("refuses a slug already taken by a folder article", (t) => {
  const dir = contentDir(t);
  mkdirSync(join(dir, "articles", "bien-dormir"), { recursive: true });
  writeFileSync(join(dir, "articles", "bien-dormir", "index.mdx"), "original");
  const result = run(dir, "Bien dormir");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /bien-dormir[/\\]index\.mdx existe déjà/);
  assert.equal(existsSync(join(dir, "articles", "bien-dormir.md")), false);
});

test("refuses an empty title", (t) => {
  const dir = contentDir(t);
  for (const args of [[], ["   "]]) {
    const result = run(dir, ...args);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Titre manquant/);
  }
  assert.equal(existsSync(join(dir, "articles")), false);
});

test("refuses a title with no letter or digit", (t) => {
  const dir = contentDir(t);
  const result = run(dir, "?!");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /ni lettre ni chiffre/);
});

test("refuses to invent a category", (t) => {
  const dir = contentDir(t);
  rmSync(join(dir, "categories.yaml"));
  const result = run(dir, "Bien dormir");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Aucune rubrique/);
  assert.equal(existsSync(join(dir, "articles", "bien-dormir.md")), false);
});
