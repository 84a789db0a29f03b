// Sätteri hast plugin: an image alone in its paragraph, with a title, is a figure whose caption is
// that title. `![Des cellules](./cellules.jpg "Des cellules vues au microscope")` in Markdown, as the
// WordPress import writes its captioned images; the image node itself is kept, so Astro still
// serves it through its image pipeline.
import type { HastNode, HastPluginEntry } from "satteri";

type Element = Extract<HastNode, { type: "element" }>;

const isBlank = (node: Readonly<HastNode>): boolean => node.type === "text" && node.value.trim() === "";

export const figures: HastPluginEntry = {
  name: "pouls-figures",
  element: {
    filter: ["p"],
    visit(node, ctx) {
      const children = node.children.filter((child) => !isBlank(child));
      const only = children[0];
      if (children.length !== 1 || only?.type !== "element" || only.tagName !== "img") return;
      const title = only.properties?.["title"];
      if (typeof title !== "string" || title.trim() === "") return;
      const { title: _caption, ...properties } = only.properties;
      const img = { ...(only as Element), properties } as HastNode;
      ctx.replaceNode(node, {
        type: "element",
        tagName: "figure",
        properties: {},
        children: [img, { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: title.trim() }] }],
      } as HastNode);
    },
  },
};
