// The built sample site (npm test builds it first) as files and pages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./build.ts";

export const dist = join(root, "dist");
export const origin = process.env.SITE_URL ?? "http://localhost:4321";

export function assertBuilt(): void {
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ is missing: npm test builds the sample site first (npm run build)");
}

/** Every HTML file under dist/, as site paths ("/articles/x/" or "/404.html"). */
export function htmlPages(dir = dist): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => "/" + f.replace(/index\.html$/, ""))
    .sort();
}

export const fileOf = (path: string) => join(dist, path.endsWith("/") ? `${path}index.html` : path);
export const readPage = (path: string) => readFileSync(fileOf(path), "utf8");

// /articles/ and its pages /articles/2/, … list articles; every other page below it is one.
const ARTICLE_PAGE = /^\/articles\/(?!\d+\/$)[^/]+\/$/;

/** The site paths of article pages ("/articles/x/"), without the /articles/ listing. */
export const articlePages = (dir = dist): string[] => htmlPages(dir).filter((p) => ARTICLE_PAGE.test(p));
