// Structured data for an article page: one @graph whose every value is also shown on the page.
export interface PersonRef {
  id: string;
  name: string;
  credentials: string;
  url: string;
}

export interface ArticleGraphInput {
  origin: string;
  url: string;
  title: string;
  description: string;
  datePublished: string;
  dateModified: string;
  image?: string | undefined;
  authors: PersonRef[];
  trail: { name: string; url: string }[];
  section: string;
  tags: string[];
  organization: OrganizationInput;
  /** Medical review, when the article has one. */
  review?: { date: string; by: PersonRef } | undefined;
  /** The health topic in plain words, when set. */
  about?: string | undefined;
}

export interface OrganizationInput {
  name: string;
  logo: string;
  publishingPrinciples: string;
  correctionsPolicy: string;
}

export const organizationId = (origin: string) => `${origin}/#organisation`;
const personId = (p: PersonRef) => `${p.url}#personne`;

export function organizationNode(origin: string, org: OrganizationInput) {
  return {
    "@type": "NewsMediaOrganization",
    "@id": organizationId(origin),
    name: org.name,
    url: `${origin}/`,
    logo: { "@type": "ImageObject", url: new URL(org.logo, origin).href },
    publishingPrinciples: new URL(org.publishingPrinciples, origin).href,
    correctionsPolicy: new URL(org.correctionsPolicy, origin).href,
  };
}

export function personNode(p: PersonRef) {
  return { "@type": "Person", "@id": personId(p), name: p.name, jobTitle: p.credentials, url: p.url };
}

export function articleGraph(a: ArticleGraphInput) {
  const pageUrl = new URL(a.url, a.origin).href;
  const crumbs = [{ name: "Accueil", url: `${a.origin}/` }, ...a.trail, { name: a.title, url: pageUrl }];
  const people = [...a.authors, ...(a.review && !a.authors.some((p) => p.id === a.review!.by.id) ? [a.review.by] : [])];
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "NewsArticle",
        "@id": `${pageUrl}#article`,
        mainEntityOfPage: { "@id": `${pageUrl}#page` },
        headline: a.title,
        description: a.description,
        inLanguage: "fr-FR",
        datePublished: a.datePublished,
        dateModified: a.dateModified,
        ...(a.image ? { image: [a.image] } : {}),
        author: a.authors.map((p) => ({ "@id": personId(p) })),
        publisher: { "@id": organizationId(a.origin) },
        articleSection: a.section,
        keywords: a.tags,
      },
      {
        "@type": "MedicalWebPage",
        "@id": `${pageUrl}#page`,
        url: pageUrl,
        name: a.title,
        inLanguage: "fr-FR",
        breadcrumb: { "@id": `${pageUrl}#fil` },
        ...(a.review ? { lastReviewed: a.review.date, reviewedBy: { "@id": personId(a.review.by) } } : {}),
        ...(a.about ? { about: { "@type": "MedicalEntity", name: a.about } } : {}),
      },
      {
        "@type": "BreadcrumbList",
        "@id": `${pageUrl}#fil`,
        itemListElement: crumbs.map((c, i) => ({
          "@type": "ListItem",
          position: i + 1,
          name: c.name,
          item: new URL(c.url, a.origin).href,
        })),
      },
      ...people.map(personNode),
      organizationNode(a.origin, a.organization),
    ],
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
