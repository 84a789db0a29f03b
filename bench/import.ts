// WordPress import benchmark: a generated export of N posts (5 comments each, some threaded, some
// pending) imported into an empty content tree by `npm run import:wordpress`, in a process of its
// own: wall time and peak resident memory (GNU time's maximum resident set size).
//
// Usage: node bench/import.ts [posts]   e.g. node bench/import.ts 10000
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AUTHORS, CATEGORIES, generateArticles, type GeneratedArticle } from "./generate-corpus.ts";
import { root } from "../tests/helpers/build.ts";

export interface ImportBenchResult {
  posts: number;
  exportMB: number;
  seconds: number;
  peakMB: number;
  files: number;
}

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const wpDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** The article's Markdown body as the HTML a classic-editor post holds, sources last. */
function postContent(a: GeneratedArticle): string {
  const blocks = a.body.split(/\n\n+/).map((block) => (block.startsWith("## ") ? `<h2>${escape(block.slice(3))}</h2>` : escape(block)));
  const sources = a.sources.map((s) => `<a href="${escape(s.url)}">${escape(s.title)}</a>`).join(", ");
  return `${blocks.join("\n\n")}\n\n<strong>Sources :</strong> ${sources}`;
}

function item(a: GeneratedArticle, id: number, commentsPerPost: number): string {
  const comments = Array.from({ length: commentsPerPost }, (_, i) => {
    const commentId = id * 10 + i;
    const date = new Date(a.date.getTime() + (i + 1) * 3_600_000);
    return `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Lecteur ${i}`)}</wp:comment_author><wp:comment_author_email>${cdata(`lecteur${commentId}@exemple.fr`)}</wp:comment_author_email><wp:comment_author_IP>203.0.113.${i}</wp:comment_author_IP><wp:comment_date_gmt>${wpDate(date)}</wp:comment_date_gmt><wp:comment_content>${cdata(`Merci pour cet article, commentaire ${i}. Une question sur <a href="https://exemple.org/${commentId}">ce point</a> ?`)}</wp:comment_content><wp:comment_approved>${i === commentsPerPost - 1 ? "0" : "1"}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${i > 0 && i % 2 === 0 ? commentId - 1 : 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`;
  }).join("");
  const year = a.date.getUTCFullYear();
  const month = String(a.date.getUTCMonth() + 1).padStart(2, "0");
  return `<item><title>${cdata(a.title)}</title><link>https://bench.example/${year}/${month}/${a.slug}/</link><dc:creator>${cdata(a.author)}</dc:creator><guid isPermaLink="false">https://bench.example/?p=${id}</guid><content:encoded>${cdata(postContent(a))}</content:encoded><excerpt:encoded>${cdata(a.description)}</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>${wpDate(a.date)}</wp:post_date_gmt><wp:post_modified_gmt>${wpDate(a.date)}</wp:post_modified_gmt><wp:post_name>${cdata(a.slug)}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><category domain="category" nicename="${a.category}">${cdata(a.category)}</category>${a.tags.map((t) => `<category domain="post_tag" nicename="${encodeURIComponent(t)}">${cdata(t)}</category>`).join("")}${comments}</item>\n`;
}

export function writeExport(file: string, posts: number, commentsPerPost = 5): void {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Banc d'essai</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
${AUTHORS.map((a, i) => `<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(a.id)}</wp:author_login><wp:author_email>${cdata(`${a.id}@bench.example`)}</wp:author_email><wp:author_display_name>${cdata(a.name)}</wp:author_display_name></wp:author>`).join("\n")}
${CATEGORIES.map((c, i) => `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${c.id}</wp:category_nicename><wp:category_parent>${c.parent ?? ""}</wp:category_parent><wp:cat_name>${cdata(c.name)}</wp:cat_name></wp:category>`).join("\n")}
`;
  const body = generateArticles(posts, 7).map((a, i) => item(a, i + 1, commentsPerPost));
  writeFileSync(file, `${head}${body.join("")}</channel></rss>\n`);
}

export function runImportBench(posts: number, log: (line: string) => void = console.log): ImportBenchResult {
  const dir = join(root, "bench-out/import");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "content"), { recursive: true });
  const file = join(dir, "export.xml");
  log(`import: writing an export of ${posts} posts…`);
  writeExport(file, posts);
  const exportMB = statSync(file).size / 2 ** 20;
  log(`import: ${exportMB.toFixed(0)} MB; importing…`);
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-v", process.execPath, join(root, "src/import/wordpress/main.ts"), file], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, POULS_CONTENT_DIR: join(dir, "content"), INBOX_DB: join(dir, "inbox.sqlite"), DATABASE_URL: "" },
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`import failed:\n${run.stderr.slice(-4000)}`);
  const peakKB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0);
  const files = Number(/Fichiers : (\d+) créé/.exec(run.stdout)?.[1] ?? 0);
  log(`import: ${posts} posts in ${seconds.toFixed(1)} s, peak ${(peakKB / 1024).toFixed(0)} MB`);
  return { posts, exportMB, seconds, peakMB: peakKB / 1024, files };
}

export function importTable(results: readonly ImportBenchResult[]): string {
  return [
    "Aim at 10,000 posts with 50,000 comments: under a minute and under 1 GB.",
    "",
    "| posts | comments in the export | export | wall time | peak memory (RSS) | files written |",
    "| --- | --- | --- | --- | --- | --- |",
    ...results.map((r) => `| ${r.posts} | ${r.posts * 5} | ${r.exportMB.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${r.peakMB.toFixed(0)} MB | ${r.files} |`),
    "",
    "Each post carries 5 comments (4 approved, one in three of them a reply, 1 pending, which goes to the inbox's SQLite queue) and a sources paragraph; the import runs in a process of its own, measured by GNU time.",
  ].join("\n");
}

if (import.meta.main) {
  const posts = Number(process.argv[2] ?? 10_000);
  console.log(importTable([runImportBench(posts)]));
}
