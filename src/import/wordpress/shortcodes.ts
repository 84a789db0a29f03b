// WordPress shortcodes and media blocks as plain HTML the Markdown conversion understands:
// [caption] a figure with its caption, [gallery] the images it names, [embed], [video] and
// [audio] a plain link (Pouls loads no third-party player). Others stay as text, for the report.

export interface Attachment {
  url: string;
  alt: string;
  /** The post it was uploaded to (a [gallery] without ids shows those). */
  parent: string;
}

const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g;

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const plain = (html: string) => html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();

const image = (a: Attachment) => `<img src="${escapeAttribute(a.url)}" alt="${escapeAttribute(a.alt)}">`;
const mediaLink = (url: string) => `<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>`;

/**
 * `html` with the shortcodes above replaced. `postId` and `attachments` (by id) serve [gallery];
 * `kept` receives the names of the shortcodes left as text.
 */
export function expandShortcodes(html: string, postId: string, attachments: ReadonlyMap<string, Attachment>): string {
  return (
    html
      // [caption id="…" align="…" width="…"]<a …><img …></a> La légende[/caption], or caption="…".
      .replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attrs: string, inner: string) => {
        const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? "";
        const caption = attributes(attrs)["caption"] ?? plain(inner.replace(/<a\b[^>]*>[\s\S]*?<\/a>|<img\b[^>]*>/gi, ""));
        return `<figure>${img}${caption ? `<figcaption>${escapeAttribute(caption)}</figcaption>` : ""}</figure>`;
      })
      .replace(/\[gallery([^\]]*)\]/gi, (_, attrs: string) => {
        const a = attributes(attrs);
        const ids = (a["ids"] ?? a["include"] ?? "").split(",").map((id) => id.trim()).filter(Boolean);
        const shown = ids.length > 0 ? ids.flatMap((id) => attachments.get(id) ?? []) : [...attachments.values()].filter((x) => x.parent === postId);
        return shown.map((x) => `<p>${image(x)}</p>`).join("\n");
      })
      .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_, url: string) => mediaLink(plain(url)))
      .replace(/\[(video|audio)([^\]]*)\](?:([\s\S]*?)\[\/\1\])?/gi, (whole, _name: string, attrs: string) => {
        const a = attributes(attrs);
        const url = a["src"] ?? a["mp4"] ?? a["m4v"] ?? a["webm"] ?? a["ogv"] ?? a["mp3"] ?? a["ogg"] ?? a["wav"] ?? a["m4a"];
        return url ? mediaLink(url) : whole;
      })
  );
}
