import type { APIRoute } from "astro";
import { getSiteData } from "../data/site.ts";
import { articleFeed } from "../data/feed.ts";
import { site } from "../config/site.ts";

export const GET: APIRoute = async () => {
  const { articles } = await getSiteData();
  return articleFeed(site.name, site.tagline, articles, "/rss.xml");
};
