import type { APIRoute } from "astro";
import { site } from "../config/site.ts";

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\nDisallow: /moderation/\nDisallow: /api/\n\nSitemap: ${site.origin}/sitemap-index.xml\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
