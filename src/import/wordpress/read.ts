// Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream: an export of 10,000 posts is over
// 100 MB, so the file is never held whole. Only the fields the import uses are kept.
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";

export const WXR_VERSIONS = ["1.0", "1.1", "1.2"] as const;
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/(\d+\.\d+)\/$/;

export interface WxrAuthor {
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
});

// Element (prefix-free, with its namespace's role) → field of the item being read.
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
    if (item !== undefined) {
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
      const fields: Record<string, keyof WxrAuthor> = {
        "wp:author_login": "login",
        "wp:author_display_name": "displayName",
        "wp:author_first_name": "firstName",
        "wp:author_last_name": "lastName",
      };
      if (name === "wp:author") {
        result.authors.push({ login: "", displayName: "", firstName: "", lastName: "", ...author });
        author = undefined;
      } else if (name in fields) author[fields[name]!] = text.trim();
    } else if (category !== undefined) {
      const fields: Record<string, keyof WxrCategory> = {
        "wp:category_nicename": "slug",
        "wp:category_parent": "parent",
        "wp:cat_name": "name",
        "wp:category_description": "description",
      };
      if (name === "wp:category") {
        result.categories.push({ slug: "", parent: "", name: "", description: "", ...category });
        category = undefined;
      } else if (name in fields) category[fields[name]!] = text.trim();
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
