// The index pages that breadcrumbs pass through between the home page and a listing or an article.
import { t } from "../i18n/fr.ts";

export const indexCrumbs = {
  sections: { name: t.indexes.sections, url: "/rubriques/" },
  tags: { name: t.indexes.tags, url: "/tags/" },
  authors: { name: t.indexes.authors, url: "/auteurs/" },
  articles: { name: t.indexes.articles, url: "/articles/" },
};
