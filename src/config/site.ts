// Site-wide settings. Values that differ between deployments come from the environment (see README).
export const site = {
  name: "Pouls",
  tagline: "L’actualité santé, sourcée et relue",
  origin: (process.env.SITE_URL ?? "http://localhost:4321").replace(/\/+$/, ""),
  // Empty means "same origin": the form posts to /api/comments on the site itself (npm start).
  inboxUrl: (process.env.PUBLIC_INBOX_URL ?? "").replace(/\/+$/, ""),
  locale: "fr_FR",
  lang: "fr",
  pageSize: 20,
  homeLatest: 6,
  homePerSection: 3,
  relatedCount: 4,
  // The search page answers first from an index of this many newest articles, then from the
  // whole index (see src/integrations/pagefind.ts). Its page list costs about 1 KB per 100
  // articles before the first results; 100 keeps them under 100 KB (BENCHMARKS.md, Search).
  searchRecentArticles: 100,
  // The whole search index is written in parts of this many pages, by date (src/lib/search/shards.ts),
  // doubled as often as needed to keep 16 parts at most. A build indexes again only the parts whose
  // pages changed (a corrected article's, a new article's), and each part is written by a Pagefind
  // process of its own: Pagefind holds all it indexes in memory, about 170 KB a page, and 100,000
  // articles in one index did not fit beside Astro in 24 GB.
  searchShardPages: 2_000,
  // A table of contents helps only when there is something to navigate.
  tocMinHeadings: 4,
  // An article whose last medical check is older than this shows a notice that it may be out of date.
  reviewMaxAgeYears: Number(process.env.POULS_REVIEW_MAX_AGE_YEARS ?? 3),
  // Comments close this many days after an article's publication (src/lib/comments/closing.ts);
  // unset or 0, they stay open as long as the article's front matter says.
  commentsCloseAfterDays: Number(process.env.POULS_COMMENTS_CLOSE_AFTER_DAYS ?? 0) || undefined,
  emergencyNumbers: [
    { number: "15", name: "SAMU, urgence médicale" },
    { number: "112", name: "numéro d’urgence européen" },
  ],
  // Footer order of the editorial pages (content/pages/<slug>.md).
  editorialPages: [
    "qui-sommes-nous",
    "charte-editoriale",
    "corrections",
    "financement",
    "conflits-d-interets",
    "confidentialite",
    "contact",
    "accessibilite",
  ],
  organization: {
    name: "Pouls",
    legalName: "Pouls, média d’information santé",
    logo: "/logo.png",
    publishingPrinciples: "/charte-editoriale/",
    correctionsPolicy: "/corrections/",
  },
} as const;

// Where the comment form posts (the inbox's API), on the inbox's origin or the site's own.
export const commentsAction = `${site.inboxUrl}/api/comments`;
