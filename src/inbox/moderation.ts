import { createHash } from "node:crypto";
import { findStaffAuthor } from "./authors.ts";
import { newCommentId } from "./ids.ts";
import type { Publisher } from "./publish.ts";
import type { CommentStatus, CommentStore, StoredComment } from "./store/types.ts";
import { validateBody } from "./validate.ts";

export class ModerationError extends Error {}

/** The comments under `id`, in `comments`, parents before their replies. */
function descendantsOf(id: string, comments: readonly StoredComment[]): StoredComment[] {
  const found: StoredComment[] = [];
  const seen = new Set([id]);
  let parents = new Set([id]);
  while (parents.size > 0) {
    // A cycle (hand-edited data) ends the walk rather than looping.
    const level = comments.filter((c) => c.parent !== null && parents.has(c.parent) && !seen.has(c.id));
    for (const c of level) seen.add(c.id);
    found.push(...level);
    parents = new Set(level.map((c) => c.id));
  }
  return found;
}

export interface ReplyResult {
  reply: StoredComment;
  parentApproved: boolean;
}

export interface Moderation {
  // `actor`: who, recorded on the comment.
  setStatus(id: string, status: CommentStatus, actor?: string): Promise<StoredComment>;
  reply(parentId: string, authorId: string, text: string): Promise<ReplyResult>;
  // Replaces a comment's text (a typo, personal data taken out), keeping the text before and who
  // changed it; a published comment's file is written again.
  edit(id: string, text: string, actor: string): Promise<StoredComment>;
  // Takes a published comment down: its file goes (or becomes a placeholder that keeps its
  // replies in place), the inbox keeps it as rejected with who and why. With `withReplies`, the
  // published replies under it go too. Returns every comment taken down.
  unpublish(id: string, options: { actor: string; reason: string | null; withReplies: boolean }): Promise<StoredComment[]>;
  // Publishes or withdraws whatever a previous run changed in the store but did not finish.
  resume(): Promise<number>;
  // Deletes everything held for the address, withdrawing any published comment of theirs.
  forgetEmail(email: string): Promise<StoredComment[]>;
}

// Shared by the CLI and the web UI so both follow the same rules. The store is changed first
// (with the comment marked as needing publication), then the files: a crash in between is
// repaired by resume() at the next start.
export function createModeration(store: CommentStore, publisher: Publisher, contentDir: string): Moderation {
  const publish = async (comment: StoredComment): Promise<void> => {
    await publisher.sync(comment);
    await store.markSynced(comment.id, comment.status);
  };

  return {
    async setStatus(id, status, actor) {
      const comment = await store.setStatus(id, status, actor);
      if (comment === undefined) throw new ModerationError(`Commentaire introuvable : ${id}`);
      await publish(comment);
      return comment;
    },

    async reply(parentId, authorId, text) {
      const parent = await store.get(parentId);
      if (parent === undefined) throw new ModerationError(`Commentaire introuvable : ${parentId}`);
      if (parent.status === "spam" || parent.status === "rejected") {
        throw new ModerationError(`Le commentaire ${parentId} est marqué « ${parent.status} » : on ne lui répond pas.`);
      }
      const author = findStaffAuthor(contentDir, authorId);
      if (author === undefined) {
        throw new ModerationError(
          `« ${authorId} » n’est pas un membre de la rédaction (content/authors/${authorId}.yaml avec staff: true).`,
        );
      }
      const body = validateBody(text, { limitLinks: false });
      if (body.error !== undefined) throw new ModerationError(body.error);

      const now = new Date();
      const parentApproved = parent.status === "pending";
      const id = newCommentId(now);
      await store.insertReply(
        {
          id,
          article: parent.article,
          parent: parent.id,
          name: author.name,
          email: null,
          clientHash: null,
          body: body.body,
          bodyHash: createHash("sha256").update(body.body).digest("hex"),
          status: "approved",
          staff: true,
          authorId: author.id,
          spamScore: 0,
          signals: [],
          created: now,
        },
        parentApproved,
      );
      if (parentApproved) await publish({ ...parent, status: "approved" });
      const reply = (await store.get(id)) as StoredComment;
      await publish(reply);
      return { reply, parentApproved };
    },

    async edit(id, text, actor) {
      const comment = await store.get(id);
      if (comment === undefined) throw new ModerationError(`Commentaire introuvable : ${id}`);
      const body = validateBody(text, { limitLinks: false });
      if (body.error !== undefined) throw new ModerationError(body.error);
      if (body.body === comment.body) throw new ModerationError(`Le texte du commentaire ${id} est déjà celui-là : rien n’est changé.`);
      const edited = await store.editBody(id, body.body, actor, new Date());
      if (edited === undefined) throw new ModerationError(`Commentaire introuvable : ${id}`);
      if (edited.syncNeeded) await publish(edited);
      return edited;
    },

    async unpublish(id, { actor, reason, withReplies }) {
      const comment = await store.get(id);
      if (comment === undefined) throw new ModerationError(`Commentaire introuvable : ${id}`);
      if (comment.status !== "approved") throw new ModerationError(`Le commentaire ${id} n’est pas publié (${comment.status}) : il n’y a rien à retirer.`);
      const published = (await store.list({ status: "approved", article: comment.article })).filter((c) => c.id !== id);
      const replies = descendantsOf(id, published);
      const now = new Date();
      const removed: StoredComment[] = [];
      const takeDown = async (target: StoredComment, why: string | null, placeholder: boolean): Promise<void> => {
        const done = await store.unpublish(target.id, actor, now, why, placeholder);
        if (done === undefined) return;
        await publish(done);
        removed.push(done);
      };
      if (withReplies) {
        // Deepest first, so that no reply is ever on the site without the comment it answers.
        for (const reply of [...replies].reverse()) await takeDown(reply, reason === null ? `avec le commentaire ${id}` : `${reason} (avec le commentaire ${id})`, false);
      }
      await takeDown(comment, reason, !withReplies && replies.length > 0);
      return removed;
    },

    async resume() {
      const waiting = await store.listSyncNeeded();
      for (const comment of waiting) await publish(comment);
      return waiting.length;
    },

    async forgetEmail(email) {
      const deleted = await store.deleteByEmail(email);
      // Its file goes, placeholder or not: nothing of theirs stays published.
      for (const comment of deleted) await publisher.sync({ ...comment, status: "rejected", removed: false });
      return deleted;
    },
  };
}
