import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { commentFile } from "./comment-file.ts";
import { commitPath } from "./git.ts";
import { ID_PATTERN } from "./ids.ts";
import type { StoredComment } from "./store/types.ts";

export interface Publisher {
  // Makes content/comments reflect the comment's status: written when approved, absent otherwise.
  sync(comment: StoredComment): Promise<void>;
}

export interface PublisherOptions {
  contentDir: string;
  gitCommit: boolean;
  onChange: () => void;
  log: (message: string) => void;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

export function publishedPath(contentDir: string, comment: Pick<StoredComment, "article" | "id">): string {
  // Both parts become path segments: refuse anything that could leave content/comments.
  if (!SLUG.test(comment.article) || !ID_PATTERN.test(comment.id)) {
    throw new Error(`Refus de publier ${JSON.stringify(comment.id)} pour ${JSON.stringify(comment.article)}`);
  }
  return path.join(contentDir, "comments", comment.article, `${comment.id}.md`);
}

// Written under a temporary name, flushed, then renamed: the build never sees half a file.
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "w", 0o644);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function removeIfPresent(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

export function createPublisher(options: PublisherOptions): Publisher {
  // One change at a time: git's index takes no concurrent commits.
  let queue: Promise<unknown> = Promise.resolve();

  const syncNow = async (comment: StoredComment): Promise<void> => {
    const file = publishedPath(options.contentDir, comment);
    const approved = comment.status === "approved";
    // A comment taken down whose replies stay keeps a placeholder file, without author or text.
    if (approved || comment.removed) await writeAtomically(file, commentFile(comment));
    else if (!(await removeIfPresent(file))) return;
    if (options.gitCommit) {
      const message = approved ? `Commentaire ${comment.id} publié` : `Commentaire ${comment.id} retiré`;
      try {
        await commitPath(options.contentDir, path.relative(options.contentDir, file), message);
      } catch (error) {
        // The file is in place, which is what readers need; the commit can be made by hand.
        options.log(`git : échec du commit de ${file} : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    options.onChange();
  };

  return {
    sync(comment: StoredComment) {
      const next = queue.then(() => syncNow(comment));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
