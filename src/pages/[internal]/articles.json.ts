// The manifest the comment inbox reads to know which articles exist and accept comments.
// Astro ignores pages under "_"-prefixed folders, so the folder name comes from a parameter.
import type { APIRoute } from "astro";
import { getSiteData } from "../../data/site.ts";
import { site } from "../../config/site.ts";
import { commentsCloseOn } from "../../lib/comments/closing.ts";

export const getStaticPaths = () => [{ params: { internal: "_pouls" } }];

export const GET: APIRoute = async () => {
  const { articles } = await getSiteData();
  // Nothing time-dependent: two builds of the same content give the same bytes. The day comments
  // close by age is written as a day, for the inbox to compare with its own clock.
  const body = {
    articles: articles.map((a) => {
      const closes = a.data.comments === "open" ? commentsCloseOn(a.data.date, site.commentsCloseAfterDays) : undefined;
      return { slug: a.slug, url: a.url, title: a.data.title, comments: a.data.comments, ...(closes ? { closes } : {}) };
    }),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { "Content-Type": "application/json" } });
};
