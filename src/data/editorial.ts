// Editorial pages (who we are, charter, privacy…), in the footer order set in src/config/site.ts.
import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../config/site.ts";
import { frenchTypography } from "../lib/typography.ts";

let cached: Promise<CollectionEntry<"pages">[]> | undefined;

export function getEditorialPages(): Promise<CollectionEntry<"pages">[]> {
  cached ??= getCollection("pages").then((pages) => {
    const rank = (id: string) => {
      const i = (site.editorialPages as readonly string[]).indexOf(id);
      return i === -1 ? Infinity : i;
    };
    return pages
      .map((p) => ({ ...p, data: { ...p.data, title: frenchTypography(p.data.title), description: frenchTypography(p.data.description) } }))
      .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  });
  return cached;
}
