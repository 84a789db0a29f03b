import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";

const site = process.env.SITE_URL ?? "http://localhost:4321";

export default defineConfig({
  site,
  output: "static",
  outDir: process.env.POULS_OUT_DIR ?? "./dist",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx(), sitemap()],
});
