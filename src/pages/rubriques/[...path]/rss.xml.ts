import type { APIRoute, GetStaticPaths } from "astro";
import { articlesUnder, getSiteData } from "../../../data/site.ts";
import { articleFeed } from "../../../data/feed.ts";
import type { Category } from "../../../lib/categories.ts";
import { site } from "../../../config/site.ts";

export const getStaticPaths = (async () => {
  const { categories } = await getSiteData();
  return [...categories.byId.values()].map((category) => ({ params: { path: category.path.join("/") }, props: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props }) => {
  const data = await getSiteData();
  const { category } = props;
  return articleFeed(`${site.name} — ${category.name}`, category.description ?? category.name, articlesUnder(data, category.id), `${category.url}rss.xml`);
};
