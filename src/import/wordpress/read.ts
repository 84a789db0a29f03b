// Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream: an export of 10,000 posts is over
// 100 MB, so the file is never held whole. Only the fields the import uses are kept.
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";

export const WXR_VERSIONS = ["1.0", "1.1", "1.2"] as const;
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/(\d+\.\d+)\/$/;

export interface WxrAuthor {
  /** WordPress's user id: comments written by a site user carry it. */
  id: string;
  login: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrCategory {
  slug: string;
  parent: string;
  name: string;
  description: string;
}

export interface WxrTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  /** Kept for the inbox's pending queue only; never written to content/. */
  email: string;
  date: string;
  dateGmt: string;
  content: string;
  /** "1" approved, "0" pending, "spam", "trash". */
  approved: string;
  /** "" or "comment" for a comment; "pingback", "trackback"… */
  type: string;
  parent: string;
  userId: string;
}

export interface WxrItem {
  id: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  postName: string;
  postType: string;
  status: string;
  password: string;
  date: string;
  dateGmt: string;
  modified: string;
  modifiedGmt: string;
  guid: string;
  /** The parent post's id: for an attachment, the post it was uploaded to. */
  parent: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  /** Post meta the import reads: _thumbnail_id, _wp_attachment_image_alt. */
  meta: Record<string, string>;
  comments: WxrComment[];
}

export interface WxrExport {
  version: string;
  title: string;
  link: string;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  items: WxrItem[];
}

/** What makes the file unusable as an export; nothing is written when one is thrown. */
export class ExportError extends Error {}

const emptyItem = (): WxrItem => ({
  id: "",
  title: "",
  link: "",
  creator: "",
  content: "",
  excerpt: "",
  postName: "",
  postType: "",
  status: "",
  password: "",
  date: "",
  dateGmt: "",
  modified: "",
  modifiedGmt: "",
  guid: "",
  parent: "",
  attachmentUrl: "",
  terms: [],
  meta: {},
  comments: [],
});
const emptyComment = (): WxrComment => ({ id: "", author: "", email: "", date: "", dateGmt: "", content: "", approved: "", type: "", parent: "", userId: "" });

// The comment's IP address and web site are never read.
const COMMENT_FIELDS: Readonly<Record<string, keyof WxrComment>> = {
  "wp:comment_id": "id",
  "wp:comment_author": "author",
  "wp:comment_author_email": "email",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_parent": "parent",
  "wp:comment_user_id": "userId",
};

// Element (prefix-free, with its namespace's role) → field of the item being read.
const AUTHOR_FIELDS: Readonly<Record<string, keyof WxrAuthor>> = {
  "wp:author_id": "id",
  "wp:author_login": "login",
  "wp:author_display_name": "displayName",
  "wp:author_first_name": "firstName",
  "wp:author_last_name": "lastName",
};

const CATEGORY_FIELDS: Readonly<Record<string, keyof WxrCategory>> = {
  "wp:category_nicename": "slug",
  "wp:category_parent": "parent",
  "wp:cat_name": "name",
  "wp:category_description": "description",
};

const ITEM_FIELDS: Readonly<Record<string, keyof WxrItem>> = {
  "rss:title": "title",
  "rss:link": "link",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_name": "postName",
  "wp:post_type": "postType",
  "wp:status": "status",
  "wp:post_password": "password",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  "wp:post_modified": "modified",
  "wp:post_modified_gmt": "modifiedGmt",
  "rss:guid": "guid",
  "wp:post_parent": "parent",
  "wp:attachment_url": "attachmentUrl",
};
const META_KEPT = new Set(["_thumbnail_id", "_wp_attachment_image_alt"]);

/**
 * The export at `file`. `onItem` is told of each item as it is read, for progress on a large
 * export. Throws ExportError for a file that is not XML, an RSS feed that is not an export, a
 * truncated export or an unknown WXR version.
 */
export async function readExport(file: string, onItem: (count: number) => void = () => {}): Promise<WxrExport> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const result: WxrExport = { version: "", title: "", link: "", authors: [], categories: [], items: [] };
  let namespaceVersion = "";
  let rootSeen = false;
  let closed = false;
  const path: string[] = [];
  let text = "";
  let item: WxrItem | undefined;
  let term: WxrTerm | undefined;
  let author: Partial<WxrAuthor> | undefined;
  let category: Partial<WxrCategory> | undefined;
  let metaKey = "";
  let comment: WxrComment | undefined;
  let failure: Error | undefined;

  // The role of a namespace, whatever prefix the file gives it (and WXR 1.0's URIs).
  const role = (uri: string): string => {
    if (uri === "") return "rss";
    if (WP_NAMESPACE.test(uri)) return "wp";
    if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri)) return "excerpt";
    if (uri === "http://purl.org/rss/1.0/modules/content/") return "content";
    if (uri === "http://purl.org/dc/elements/1.1/") return "dc";
    return uri;
  };
  const nameOf = (tag: SaxesTagNS) => `${role(tag.uri)}:${tag.local}`;

  parser.on("opentag", (tag) => {
    const name = nameOf(tag);
    if (path.length === 0) {
      rootSeen = true;
      if (name !== "rss:rss") throw new ExportError(`l’élément racine est <${tag.name}> : un export WordPress commence par <rss>.`);
      for (const uri of Object.values(tag.ns)) namespaceVersion ||= WP_NAMESPACE.exec(uri)?.[1] ?? "";
      if (namespaceVersion === "") {
        throw new ExportError("c’est un flux RSS, pas un export WordPress (Outils → Exporter dans l’administration de WordPress).");
      }
    }
    path.push(name);
    text = "";
    if (name === "rss:item") item = emptyItem();
    else if (name === "wp:comment" && item !== undefined) comment = emptyComment();
    else if (name === "wp:author" && item === undefined) author = {};
    else if (name === "wp:category" && item === undefined) category = {};
    else if (name === "rss:category" && item !== undefined) {
      term = { domain: String(tag.attributes["domain"]?.value ?? ""), slug: String(tag.attributes["nicename"]?.value ?? ""), name: "" };
    }
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const name = nameOf(tag);
    const parent = path[path.length - 2];
    path.pop();
    if (name === "rss:rss") closed = true;
    if (comment !== undefined) {
      if (name === "wp:comment") {
        item?.comments.push(comment);
        comment = undefined;
      } else if (parent === "wp:comment" && name in COMMENT_FIELDS) comment[COMMENT_FIELDS[name]!] = name === "wp:comment_content" ? text : text.trim();
    } else if (item !== undefined) {
      if (name === "rss:item") {
        result.items.push(item);
        item = undefined;
        onItem(result.items.length);
      } else if (name === "rss:category" && term !== undefined) {
        term.name = text.trim();
        item.terms.push(term);
        term = undefined;
      } else if (parent === "rss:item" && name in ITEM_FIELDS) {
        (item[ITEM_FIELDS[name]!] as string) = text;
      } else if (parent === "wp:postmeta" && name === "wp:meta_key") {
        metaKey = text.trim();
      } else if (parent === "wp:postmeta" && name === "wp:meta_value" && META_KEPT.has(metaKey)) {
        item.meta[metaKey] = text.trim();
      }
    } else if (author !== undefined) {
      if (name === "wp:author") {
        result.authors.push({ id: "", login: "", displayName: "", firstName: "", lastName: "", ...author });
        author = undefined;
      } else if (name in AUTHOR_FIELDS) author[AUTHOR_FIELDS[name]!] = text.trim();
    } else if (category !== undefined) {
      if (name === "wp:category") {
        result.categories.push({ slug: "", parent: "", name: "", description: "", ...category });
        category = undefined;
      } else if (name in CATEGORY_FIELDS) category[CATEGORY_FIELDS[name]!] = text.trim();
    } else if (parent === "rss:channel") {
      if (name === "wp:wxr_version") result.version = text.trim();
      else if (name === "rss:title") result.title = text.trim();
      else if (name === "rss:link") result.link = text.trim();
    }
  });
  parser.on("error", (error) => {
    failure ??= error;
  });

  try {
    for await (const chunk of createReadStream(file, { encoding: "utf8" })) {
      parser.write(chunk as string);
      if (failure) break;
    }
    if (!failure) parser.close();
  } catch (error) {
    if (error instanceof ExportError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ExportError("fichier introuvable.");
    failure ??= error as Error;
  }
  if (failure) {
    const detail = failure.message.split("\n")[0];
    if (!rootSeen) throw new ExportError(`ce n’est pas un fichier XML lisible (${detail}).`);
    throw new ExportError(`l’export est illisible ou incomplet (${detail}) : exportez-le de nouveau depuis WordPress.`);
  }
  if (!closed) throw new ExportError("l’export s’arrête avant sa fin (</rss> manquant) : le fichier est tronqué ; exportez-le de nouveau.");
  const version = result.version || namespaceVersion;
  if (!(WXR_VERSIONS as readonly string[]).includes(version)) {
    throw new ExportError(`version WXR ${version} inconnue : versions lues ${WXR_VERSIONS.join(", ")}.`);
  }
  result.version = version;
  return result;
}
