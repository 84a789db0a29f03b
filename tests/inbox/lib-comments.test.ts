import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatInstantFr as formatFrenchDate } from "../../src/lib/dates.ts";
import { findUrls } from "../../src/lib/comments/links.ts";
import { normalizeParagraphs, plainTextToHtml } from "../../src/lib/comments/text.ts";
import { buildThread, type ThreadNode } from "../../src/lib/comments/thread.ts";
import { THREAD_TEXT } from "../../src/i18n/comments.fr.ts";
import { commentThreadView } from "../../src/lib/comments/view.ts";

interface C {
  id: string;
  parent: string | null;
  date: Date;
}
const at = (day: number): Date => new Date(Date.UTC(2020, 0, day, 12));
const c = (id: string, parent: string | null, day: number): C => ({ id, parent, date: at(day) });
const shape = (nodes: ThreadNode<C>[]): unknown =>
  nodes.map((node) => ({ id: node.comment.id, depth: node.depth, to: node.inReplyTo?.id ?? null, replies: shape(node.replies) }));

describe("buildThread", () => {
  it("nests replies under their parent, oldest first at every level", () => {
    const thread = buildThread([c("b", null, 3), c("a", null, 1), c("a2", "a", 5), c("a1", "a", 2)]);
    assert.deepEqual(shape(thread), [
      {
        id: "a",
        depth: 1,
        to: null,
        replies: [
          { id: "a1", depth: 2, to: null, replies: [] },
          { id: "a2", depth: 2, to: null, replies: [] },
        ],
      },
      { id: "b", depth: 1, to: null, replies: [] },
    ]);
  });

  it("keeps replies beyond the depth limit at the deepest level, saying whom they answer", () => {
    const thread = buildThread([c("r", null, 1), c("d2", "r", 2), c("d3", "d2", 3), c("d4", "d3", 4), c("d5", "d4", 5)], 3);
    assert.deepEqual(shape(thread), [
      {
        id: "r",
        depth: 1,
        to: null,
        replies: [
          {
            id: "d2",
            depth: 2,
            to: null,
            replies: [
              { id: "d3", depth: 3, to: null, replies: [] },
              { id: "d4", depth: 3, to: "d3", replies: [] },
              { id: "d5", depth: 3, to: "d4", replies: [] },
            ],
          },
        ],
      },
    ]);
  });

  it("shows a reply whose parent is not published at the top level, and survives cycles", () => {
    const thread = buildThread([c("x", "missing", 1), c("p", "q", 2), c("q", "p", 3)]);
    assert.deepEqual(
      (shape(thread) as { id: string; depth: number }[]).map((node) => [node.id, node.depth]),
      [
        ["x", 1],
        ["p", 1],
        ["q", 1],
      ],
    );
  });

  it("places a reply under its parent even when the parent's date is later (clock skew)", () => {
    const thread = buildThread([c("child", "parent", 1), c("parent", null, 2)]);
    assert.deepEqual(shape(thread), [
      { id: "parent", depth: 1, to: null, replies: [{ id: "child", depth: 2, to: null, replies: [] }] },
    ]);
  });
});

describe("plainTextToHtml", () => {
  it("escapes markup and keeps paragraphs and line breaks", () => {
    assert.equal(
      plainTextToHtml(`<script>alert("x")</script> & 'y'\nligne deux\n\n\n\nsecond paragraphe`),
      `<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;<br>ligne deux</p>\n<p>second paragraphe</p>`,
    );
  });

  it("links URLs with nofollow ugc noopener and leaves trailing punctuation outside", () => {
    assert.equal(
      plainTextToHtml("Voir https://has-sante.fr/guide?a=1&b=2. Et (www.inserm.fr)."),
      `<p>Voir <a href="https://has-sante.fr/guide?a=1&amp;b=2" rel="nofollow ugc noopener">https://has-sante.fr/guide?a=1&amp;b=2</a>. ` +
        `Et (<a href="https://www.inserm.fr/" rel="nofollow ugc noopener">www.inserm.fr</a>).</p>`,
    );
  });

  it("never links a javascript: URL nor lets a URL break out of its attribute", () => {
    const html = plainTextToHtml(`javascript:alert(1) https://exemple.fr/"onmouseover="alert(1)`);
    assert.doesNotMatch(html, /href="javascript/u);
    assert.doesNotMatch(html, /" onmouseover/u);
    assert.match(html, /href="https:\/\/exemple\.fr\/"/u);
  });

  it("keeps a parenthesis that belongs to the URL", () => {
    assert.equal(findUrls("lire https://fr.wikipedia.org/wiki/Cancer_(maladie) svp")[0]?.text, "https://fr.wikipedia.org/wiki/Cancer_(maladie)");
  });
});

describe("normalizeParagraphs", () => {
  it("folds blank lines and trailing spaces, keeps single line breaks", () => {
    assert.equal(normalizeParagraphs("  un  \r\ndeux\r\n\r\n \r\n\r\ntrois  "), "un\ndeux\n\ntrois");
  });
});

describe("formatFrenchDate", () => {
  it("writes dates as French readers do, in Paris time", () => {
    assert.equal(formatFrenchDate(new Date("2018-06-07T09:00:00Z")), "7 juin 2018");
    assert.equal(formatFrenchDate(new Date("2019-05-01T09:00:00Z")), "1er mai 2019");
    assert.equal(formatFrenchDate(new Date("2019-12-31T23:30:00Z")), "1er janvier 2020");
  });
});

describe("commentThreadView", () => {
  const comments = [
    { id: "q1", parent: null, author: "Léa <3", date: new Date("2018-06-07T10:00:00Z"), staff: false, removed: false, body: "Où est-ce <b>proposé</b> ?" },
    { id: "r1", parent: "q1", author: "L’équipe Pouls", date: new Date("2018-06-08T10:00:00Z"), staff: true, removed: false, body: "À l’hôpital." },
  ];

  it("gives the components escaped HTML, French dates, anchors and reply links to the inbox", () => {
    const [question] = commentThreadView(comments, { article: "immuno", action: "https://inbox.pouls.fr/api/comments", open: true });
    assert.ok(question);
    assert.equal(question.anchor, "commentaire-q1");
    assert.equal(question.author, "Léa <3");
    assert.equal(question.dateLabel, "7 juin 2018");
    assert.equal(question.html, "<p>Où est-ce &lt;b&gt;proposé&lt;/b&gt; ?</p>");
    assert.equal(question.replyHref, "https://inbox.pouls.fr/api/comments?article=immuno&parent=q1");
    assert.equal(question.replies[0]?.staff, true);
    assert.equal(question.replies[0]?.depth, 2);
  });

  it("offers no reply link when comments are closed", () => {
    const [question] = commentThreadView(comments, { article: "immuno", action: "/api/comments", open: false });
    assert.equal(question?.replyHref, null);
    assert.equal(question?.replies[0]?.replyHref, null);
  });

  it("counts comments in French", () => {
    assert.deepEqual([0, 1, 2].map(THREAD_TEXT.count), ["Commentaires", "1 commentaire", "2 commentaires"]);
  });
});
