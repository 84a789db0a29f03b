// What an export becomes in the content tree, decided without touching the disk: the files with
// their text, the sections to add, and for the report what was held back, changed or skipped,
// and why. (write.ts then compares this with what is on disk.)
import { toYaml } from "../../lib/yaml.ts";
import { isPublished, parisIsoDate } from "../../lib/dates.ts";
import { slugify, tagSlug } from "../../lib/slug.ts";
import { decodedOr } from "../../lib/uri.ts";
import { htmlToMarkdown, postHtml, shortcodesIn } from "./html.ts";
import type { WxrExport, WxrItem } from "./read.ts";
import { extractSources } from "./sources.ts";
import { linkKey, rewriteMarkdownLinks, type LinkTarget } from "./links.ts";
import { localImages, localName, uploadPath, type ImageCopy } from "./images.ts";
import { expandShortcodes, type Attachment } from "./shortcodes.ts";
import { importComments, type PendingComment } from "./comments.ts";
import { descriptionFrom, importSlug, plainText, wordpressDate } from "./text.ts";

export interface PlannedFile {
  /** Relative to the content folder, with forward slashes. */
  path: string;
  /** The WordPress item it comes from ("post:12", "page:3"), for the next import. */
  source?: string;
  text: string;
  /** What the report calls it: « Titre » (article 12). */
  label: string;
}

export interface PlannedCategory {
  id: string;
  name: string;
  parent?: string;
  description?: string;
}

export type Outcome = "imported" | "held" | "skipped";

export interface ReportEntry {
  label: string;
  outcome: Outcome;
  /** Why it was held back or skipped, or what changed on the way; each says what to do. */
  notes: string[];
}

/** An image from the uploads folder, copied beside what shows it. */
export interface PlannedCopy {
  from: string;
  /** Relative to the content folder. */
  path: string;
}

export interface Plan {
  files: PlannedFile[];
  copies: PlannedCopy[];
  /** Comments still waiting for moderation in WordPress: for the inbox's queue. */
  pendingComments: PendingComment[];
  /** Comments left out, by reason. */
  skippedComments: Map<string, number>;
  /** Old WordPress addresses and the pages they lead to now (content/redirections.txt). */
  redirects: { from: string; to: string }[];
  categories: PlannedCategory[];
  entries: ReportEntry[];
  /** Items of other kinds, by WordPress post type, not imported in this part. */
  skippedTypes: Map<string, number>;
  counts: { articles: number; pages: number; authors: number; comments: number };
}

export interface ExistingContent {
  /** Section ids of content/categories.yaml. */
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  /** Where earlier imports put each WordPress item ("post:12" → path): a renamed post stays one article. */
  imported: ReadonlyMap<string, string>;
  /** The file of an uploads path ("2018/06/photo.jpg") in the --uploads folder, if there is one. */
  findUpload: (path: string) => string | undefined;
  /** Slugs of articles the import did not write: a post of the same name is not imported over them. */
  foreignArticles: ReadonlySet<string>;
}

// URLs the site uses itself: a WordPress page may not take them.
const RESERVED_PAGES = new Set(["articles", "rubriques", "tags", "auteurs", "recherche", "plan-du-site", "glossaire", "moderation", "api", "pagefind", "404"]);
const FALLBACK_CATEGORY: PlannedCategory = { id: "non-classe", name: "Non classé" };
const MISSING_CREDENTIALS = "Qualification non renseignée";

const frontMatter = (data: Record<string, unknown>, body: string): string =>
  `---\n${toYaml(data).trimEnd()}\n---\n\n${body.trim()}\n`;

/** Every address a post of the export can be linked by: its permalink, its guid, its id. */
function keysOf(item: WxrItem): string[] {
  return [`id:${item.id}`, linkKey(item.link, item.link), linkKey(item.guid, item.guid)].filter((key): key is string => key !== undefined);
}

const labelOf = (item: WxrItem, kind: string): string => `« ${plainText(item.title) || "(sans titre)"} » (${kind} ${item.id})`;

export function planImport(wxr: WxrExport, existing: ExistingContent): Plan {
  const plan: Plan = { files: [], copies: [], pendingComments: [], skippedComments: new Map(), redirects: [], categories: [], entries: [], skippedTypes: new Map(), counts: { articles: 0, pages: 0, authors: 0, comments: 0 } };

  // Sections: WordPress slugs as ids, parents kept; one already in content/ is reused as it is.
  const categoryId = new Map<string, string>();
  for (const c of wxr.categories) categoryId.set(c.slug, importSlug(c.slug, c.name, c.slug) || FALLBACK_CATEGORY.id);
  const parents = new Map<string, string | undefined>();
  for (const c of wxr.categories) {
    const id = categoryId.get(c.slug)!;
    const parent = c.parent ? categoryId.get(c.parent) : undefined;
    parents.set(id, parent);
    if (existing.categories.has(id) || plan.categories.some((p) => p.id === id)) continue;
    const description = plainText(c.description);
    plan.categories.push({ id, name: plainText(c.name) || id, ...(parent ? { parent } : {}), ...(description ? { description } : {}) });
  }
  const depth = (id: string, seen = new Set<string>()): number => {
    const parent = parents.get(id);
    return parent === undefined || seen.has(parent) ? 0 : 1 + depth(parent, seen.add(id));
  };

  // Authors: the login as id; the e-mail address is never read.
  const authorId = new Map<string, string>();
  const authorName = (login: string): string => {
    const a = wxr.authors.find((x) => x.login === login);
    const full = [a?.firstName, a?.lastName].filter(Boolean).join(" ");
    return plainText(a?.displayName || full || login);
  };
  const useAuthor = (login: string): string => {
    const known = authorId.get(login);
    if (known) return known;
    const id = slugify(login) || `auteur-${authorId.size + 1}`;
    const planned = [...authorId.values()].includes(id);
    authorId.set(login, id);
    if (!existing.authors.has(id) && !planned) {
      plan.counts.authors++;
      plan.files.push({
        path: `authors/${id}.yaml`,
        text: toYaml({ name: authorName(login) || id, credentials: MISSING_CREDENTIALS, bio: `${authorName(login) || id} écrit pour ${plainText(wxr.title) || "le site"}.` }),
        label: `l’auteur ${id}`,
      });
      plan.entries.push({
        label: `l’auteur ${id} (${authorName(login)})`,
        outcome: "imported",
        notes: [`qualification et biographie à écrire dans content/authors/${id}.yaml : WordPress n’en exporte pas.`],
      });
    }
    return id;
  };

  const used = new Set<string>();
  const uniquePath = (slug: string, id: string, notes: string[]): string => {
    if (!used.has(slug)) return used.add(slug), slug;
    const unique = `${slug}-${id}`;
    notes.push(`l’adresse « ${slug} » est déjà prise par un autre élément de l’export : importé sous « ${unique} ».`);
    used.add(unique);
    return unique;
  };

  // Files are written once every item's address and status is known, for the links between them.
  interface Pending {
    file: PlannedFile;
    data: Record<string, unknown>;
    /** Markdown. */
    body: string;
    notes: string[];
  }
  const pending: Pending[] = [];
  const usedCategories = new Set<string>();
  /** The post's permalink and its /?p=ID form. */
  const oldAddresses = (item: WxrItem, to: string, idParameter: "p" | "page_id"): void => {
    let path: string | undefined;
    try {
      const url = new URL(item.link, wxr.link);
      path = url.search === "" && url.pathname !== "/" ? url.pathname : undefined;
    } catch {
      path = undefined;
    }
    // A page kept at its WordPress address needs no redirect.
    if (path !== undefined && decodedOr(path) !== to) plan.redirects.push({ from: path, to });
    plan.redirects.push({ from: `/?${idParameter}=${item.id}`, to });
  };
  // A comment by one of the site's users is the editorial team's, signed with that user's name.
  const staff = new Map(wxr.authors.filter((a) => a.id !== "").map((a) => [a.id, authorName(a.login) || a.login]));
  const attachments = new Map<string, Attachment>(
    wxr.items
      .filter((item) => item.postType === "attachment")
      .map((item) => [item.id, { url: item.attachmentUrl || item.guid, alt: plainText(item.meta["_wp_attachment_image_alt"] ?? ""), parent: item.parent }]),
  );
  /** The post's uploaded images beside it, in `folder`; notes for what is missing or lacks alt text. */
  const withImages = (html: string, src: (name: string) => string, notes: string[], copies: ImageCopy[]): string => {
    const local = localImages(html, wxr.link, existing.findUpload, copies);
    if (local.missing.length > 0) notes.push(`image(s) introuvable(s) dans le dossier --uploads, retirée(s) de la page : ${local.missing.join(", ")} ; ajoutez-la(les) à côté de l’article.`);
    if (local.withoutAlt.length > 0) notes.push(`image(s) sans texte alternatif : ${local.withoutAlt.join(", ")} ; décrivez-la(les) entre les crochets de ![…](…), ou laissez-les vides si elles sont décoratives.`);
    return local.html.replace(/src="\.\/([^"]+)"/g, (_, name: string) => `src="${src(name)}"`);
  };
  const targets = new Map<string, LinkTarget>();
  const now = new Date();

  for (const item of wxr.items) {
    const kind = item.postType === "page" ? "page" : "article";
    if (item.postType !== "post" && item.postType !== "page") {
      plan.skippedTypes.set(item.postType || "?", (plan.skippedTypes.get(item.postType || "?") ?? 0) + 1);
      continue;
    }
    const notes: string[] = [];
    const label = labelOf(item, kind);
    if (["trash", "auto-draft", "inherit"].includes(item.status)) {
      plan.entries.push({ label, outcome: "skipped", notes: [`statut WordPress « ${item.status} » : non importé.`] });
      continue;
    }
    const published = wordpressDate(item.dateGmt, true) ?? wordpressDate(item.date, false) ?? wordpressDate(item.modifiedGmt, true);
    if (published === undefined) {
      plan.entries.push({ label, outcome: "skipped", notes: ["sans date de publication ni de modification : non importé ; datez-le dans WordPress et exportez de nouveau."] });
      continue;
    }
    let draft = false;
    if (item.status === "draft" || item.status === "pending") {
      draft = true;
      notes.push("brouillon dans WordPress : importé avec draft: true.");
    } else if (item.status === "private") {
      draft = true;
      notes.push("privé dans WordPress : importé avec draft: true, jamais publié sans décision de la rédaction.");
    } else if (item.status === "future") {
      notes.push(`programmé : en ligne le ${parisIsoDate(published)}.`);
    }
    if (item.password !== "") {
      draft = true;
      notes.push("protégé par un mot de passe dans WordPress : importé avec draft: true ; Pouls ne protège pas de page par mot de passe.");
    }

    const title = plainText(item.title) || `Sans titre (${kind} ${item.id})`;
    if (plainText(item.title) === "") notes.push(`sans titre dans WordPress : titré « ${title} », à reprendre.`);
    const source = `${item.postType}:${item.id}`;
    const before = existing.imported.get(source);
    const previousSlug = before ? /^(?:articles\/([^/]+)\/index|pages\/([^/]+))\.md$/.exec(before) : null;
    const wanted = importSlug(item.postName, item.title, item.id);
    const slug = uniquePath(
      previousSlug ? (previousSlug[1] ?? previousSlug[2])! : kind === "page" && RESERVED_PAGES.has(wanted) ? `${wanted}-page` : wanted,
      item.id,
      notes,
    );
    if (previousSlug && slug !== wanted) notes.push(`son adresse WordPress est devenue « ${wanted} » : il garde celle du premier import, « ${slug} ».`);
    const html = expandShortcodes(postHtml(item.content), item.id, attachments);
    const shortcodes = shortcodesIn(html);
    if (shortcodes.length > 0) notes.push(`codes courts inconnus de Pouls, laissés en texte : ${shortcodes.map((s) => `[${s}]`).join(", ")} ; réécrivez ces passages.`);
    const copies: ImageCopy[] = [];
    const description = descriptionFrom(item.excerpt, html) || title;
    const modified = wordpressDate(item.modifiedGmt, true) ?? wordpressDate(item.modified, false);
    const updated = modified && parisIsoDate(modified) > parisIsoDate(published) ? parisIsoDate(modified) : undefined;

    if (kind === "page") {
      plan.counts.pages++;
      const file = { source, path: `pages/${slug}.md`, text: "", label };
      plan.files.push(file);
      const body = withImages(html, (name) => `./${slug}/${name}`, notes, copies);
      plan.copies.push(...copies.map((c) => ({ from: c.from, path: `pages/${slug}/${c.name}` })));
      pending.push({ file, data: { title, description, updated: updated ?? parisIsoDate(published) }, body: htmlToMarkdown(body), notes });
      for (const key of keysOf(item)) targets.set(key, { url: `/${slug}/`, title });
      oldAddresses(item, `/${slug}/`, "page_id");
      plan.entries.push({ label, outcome: draft ? "held" : "imported", notes: draft ? [...notes, "les pages n’ont pas de brouillon : publiée, à retirer de content/pages/ si elle ne doit pas l’être."] : notes });
      continue;
    }

    const extracted = extractSources(html);
    const sources = extracted.sources;
    const body = withImages(extracted.html, (name) => `./${name}`, notes, copies);
    // The featured image is the cover, with the attachment's own alt text, never an invented one.
    let cover: { src: string; alt: string } | undefined;
    const featured = attachments.get(item.meta["_thumbnail_id"] ?? "");
    const featuredPath = featured ? uploadPath(featured.url, wxr.link) : undefined;
    if (featured && featuredPath) {
      const name = localName(featuredPath, existing.findUpload, copies);
      if (name === undefined) notes.push(`image à la une introuvable dans le dossier --uploads (${featuredPath}) : pas de couverture.`);
      else if (featured.alt === "") notes.push(`image à la une sans texte alternatif : copiée (${name}) mais pas mise en couverture ; ajoutez cover: { src: ./${name}, alt: "…" }.`);
      else cover = { src: `./${name}`, alt: featured.alt };
    }
    plan.copies.push(...copies.map((c) => ({ from: c.from, path: `articles/${slug}/${c.name}` })));
    if (sources.length === 0) {
      draft = true;
      notes.push("aucune source (paragraphe « Sources : ») : importé avec draft: true ; ajoutez ses sources puis passez draft à false.");
    }
    const categories = item.terms.filter((t) => t.domain === "category").map((t) => categoryId.get(t.slug) ?? importSlug(t.slug, t.name, t.slug));
    let category = [...categories].sort((a, b) => depth(b) - depth(a))[0];
    if (category === undefined) {
      category = FALLBACK_CATEGORY.id;
      if (!existing.categories.has(category) && !plan.categories.some((c) => c.id === category)) plan.categories.push(FALLBACK_CATEGORY);
      notes.push(`sans catégorie dans WordPress : rangé dans « ${FALLBACK_CATEGORY.id} ».`);
    } else if (!existing.categories.has(category) && !plan.categories.some((c) => c.id === category)) {
      plan.categories.push({ id: category, name: item.terms.find((t) => t.domain === "category")?.name ?? category });
    }
    if (categories.length > 1) notes.push(`plusieurs catégories (${categories.join(", ")}) : rangé dans la plus précise, « ${category} ».`);
    const tags = [...new Set(item.terms.filter((t) => t.domain === "post_tag").map((t) => plainText(t.name)).filter(Boolean))];

    plan.counts.articles++;
    const file = { source, path: `articles/${slug}/index.md`, text: "", label };
    plan.files.push(file);
    pending.push({
      file,
      data: {
        title,
        description,
        date: parisIsoDate(published),
        ...(updated ? { updated } : {}),
        author: useAuthor(item.creator || wxr.authors[0]?.login || "redaction"),
        category,
        tags,
        ...(cover ? { cover } : {}),
        sources: sources.map((s) => ({ ...s })),
        ...(draft ? { draft: true } : {}),
      },
      body: htmlToMarkdown(body),
      notes,
    });
    const comments = importComments(item.comments, slug, staff);
    for (const c of comments.files) plan.files.push({ ...c, label: `un commentaire de ${label}` });
    plan.counts.comments += comments.files.length;
    plan.pendingComments.push(...comments.pending);
    for (const [reason, n] of comments.skipped) plan.skippedComments.set(reason, (plan.skippedComments.get(reason) ?? 0) + n);
    const online = !draft && isPublished(published, now) && !existing.foreignArticles.has(slug);
    for (const key of keysOf(item)) targets.set(key, { url: online ? `/articles/${slug}/` : undefined, title });
    if (online) {
      oldAddresses(item, `/articles/${slug}/`, "p");
      usedCategories.add(category);
      for (const tag of tags) plan.redirects.push({ from: `/tag/${item.terms.find((t) => t.domain === "post_tag" && plainText(t.name) === tag)?.slug ?? tagSlug(tag)}/`, to: `/tags/${tagSlug(tag)}/` });
      const login = item.creator || wxr.authors[0]?.login || "redaction";
      plan.redirects.push({ from: `/author/${login}/`, to: `/auteurs/${useAuthor(login)}/` });
    }
    plan.entries.push({ label, outcome: draft ? "held" : "imported", notes });
  }

  // Old section addresses (/category/parent/child/) and their feeds, for the sections of published posts.
  const wpSlugOf = new Map([...categoryId].map(([slug, id]) => [id, slug]));
  const wpPath = (id: string, seen = new Set<string>()): string => {
    const parent = parents.get(id);
    const own = wpSlugOf.get(id) ?? id;
    return parent === undefined || seen.has(parent) ? own : `${wpPath(parent, seen.add(id))}/${own}`;
  };
  const poulsPath = (id: string, seen = new Set<string>()): string => {
    const parent = parents.get(id);
    return parent === undefined || seen.has(parent) ? id : `${poulsPath(parent, seen.add(id))}/${id}`;
  };
  for (const id of usedCategories) {
    plan.redirects.push({ from: `/category/${wpPath(id)}/`, to: `/rubriques/${poulsPath(id)}/` });
    plan.redirects.push({ from: `/category/${wpPath(id)}/feed/`, to: `/rubriques/${poulsPath(id)}/rss.xml` });
  }
  if (plan.redirects.length > 0) plan.redirects.push({ from: "/feed/", to: "/rss.xml" });

  for (const { file, data, body, notes } of pending) {
    const linked = rewriteMarkdownLinks(body, wxr.link, targets);
    for (const title of linked.unpublished) notes.push(`lien vers « ${title} », que le site ne publie pas (encore) : remplacé par son texte ; rétablissez-le une fois cet article publié.`);
    file.text = frontMatter(data, linked.markdown);
  }
  return plan;
}
