import type { APIRoute, GetStaticPaths } from "astro";
import { articlesUnder, getSiteData } from "../../../data/site.ts";
import { articleFeed } from "../../../data/feed.ts";
import type { Category } from "../../../lib/categories.ts";
import { site } from "../../../config/site.ts";
import { withCacheKeys } from "../../../data/page-keys.ts";

export const getStaticPaths = (async () => {
  const data = await getSiteData();
  const paths = [...data.categories.byId.values()].map((category) => ({ params: { path: category.path.join("/") }, props: { category } }));
  return withCacheKeys(paths, ({ props }) => articlesUnder(data, props.category.id));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props }) => {
  const data = await getSiteData();
  const { category } = props;
  return articleFeed(`${site.name} — ${category.name}`, category.description ?? category.name, articlesUnder(data, category.id), `${category.url}rss.xml`);
};
