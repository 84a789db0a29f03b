// Page weight (gzip) and Lighthouse scores of the built sample site: home, an article, search.
// Lighthouse is pinned in package.json and drives Debian's Chromium through its debugging port.
//
// Usage: node bench/pages.ts   (needs a built dist/: npm run build)
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { serveStatic } from "../tests/helpers/static-server.ts";
import { pageWeight, type PageWeight } from "../tests/helpers/weight.ts";

const dist = resolve(import.meta.dirname, "../dist");
const PAGES = [
  { name: "home", path: "/" },
  { name: "article", path: "/articles/cancer-sein-avance-immunotherapie-cellulaire/" },
  { name: "search", path: "/recherche/?q=vaccin" },
];
const DEBUG_PORT = 9333;

export interface PageBenchResult {
  name: string;
  path: string;
  weight: PageWeight;
  scores: Record<string, number>;
  lcpMs: number;
  cls: number;
  totalBytes: number;
}

export async function runPagesBench(log = console.log): Promise<PageBenchResult[]> {
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is missing: run npm run build first");
  const server = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results: PageBenchResult[] = [];
  try {
    for (const p of PAGES) {
      log(`pages: Lighthouse on ${p.path}…`);
      const file = join(dist, p.path.split("?")[0]!, "index.html");
      const run = await lighthouse(server.url + p.path, {
        port: DEBUG_PORT,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!run) throw new Error(`Lighthouse gave no result for ${p.path}`);
      const { categories, audits } = run.lhr;
      results.push({
        ...p,
        weight: pageWeight(dist, readFileSync(file, "utf8")),
        scores: Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)])),
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
        cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
        totalBytes: audits["total-byte-weight"]?.numericValue ?? NaN,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function pagesTable(results: PageBenchResult[]): string {
  return [
    "| page | HTML | CSS | JS | total (gzip) | performance | accessibility | best practices | SEO | LCP | CLS | bytes transferred (Lighthouse) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} (\`${r.path}\`) | ${kb(r.weight.html)} | ${kb(r.weight.css)} | ${kb(r.weight.js)} | ${kb(r.weight.total)} | ${r.scores["performance"]} | ${r.scores["accessibility"]} | ${r.scores["best-practices"]} | ${r.scores["seo"]} | ${Math.round(r.lcpMs)} ms | ${r.cls.toFixed(3)} | ${kb(r.totalBytes)} |`,
    ),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(pagesTable(await runPagesBench()));
