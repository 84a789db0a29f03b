export type CommentStatus = "pending" | "approved" | "rejected" | "spam";
export const STATUSES: readonly CommentStatus[] = ["pending", "approved", "rejected", "spam"];

export interface StoredComment {
  id: string;
  article: string;
  parent: string | null;
  name: string;
  // Erased (null) after the retention period, and never set for staff replies.
  email: string | null;
  clientHash: string | null;
  body: string;
  status: CommentStatus;
  staff: boolean;
  authorId: string | null;
  spamScore: number;
  signals: string[];
  created: Date;
  // True while the published files do not yet reflect the status (approved but not written,
  // or no longer approved but still on disk): what publication resumes after a crash.
  syncNeeded: boolean;
}

export interface NewComment {
  id: string;
  article: string;
  parent: string | null;
  name: string;
  email: string | null;
  clientHash: string | null;
  body: string;
  bodyHash: string;
  status: CommentStatus;
  staff: boolean;
  authorId: string | null;
  spamScore: number;
  signals: string[];
  created: Date;
}

export interface SubmitRules {
  floodLimit: number;
  floodWindowMs: number;
  duplicateWindowMs: number;
}

export type SubmitResult =
  | { kind: "created"; id: string }
  | { kind: "duplicate"; id: string }
  | { kind: "flooded"; retryAfterSeconds: number };

// Kept small and async so a PostgreSQL implementation can stand behind it unchanged.
export interface CommentStore {
  // A reader's comment: duplicate check, flood limit and insert as one atomic step.
  submit(comment: NewComment, rules: SubmitRules): Promise<SubmitResult>;
  // An editorial reply, and optionally its parent approved in the same transaction.
  insertReply(reply: NewComment, approveParent: boolean): Promise<void>;
  get(id: string): Promise<StoredComment | undefined>;
  list(filter: { status: CommentStatus | "all"; article?: string }): Promise<StoredComment[]>;
  setStatus(id: string, status: CommentStatus): Promise<StoredComment | undefined>;
  listSyncNeeded(): Promise<StoredComment[]>;
  markSynced(id: string, status: CommentStatus): Promise<void>;
  findByEmail(email: string): Promise<StoredComment[]>;
  deleteByEmail(email: string): Promise<StoredComment[]>;
  // Erases e-mail addresses and client hashes older than `before`; returns how many comments.
  purgePersonalData(before: Date): Promise<number>;
  close(): Promise<void>;
}
