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
  // Taken down after publication, its place kept on the site for the replies under it.
  removed: boolean;
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
  // What makes two submissions to one article duplicates: a hash of the text and, for a reader's
  // comment, of the client that sent it (src/inbox/submit.ts).
  bodyHash: string;
  status: CommentStatus;
  staff: boolean;
  authorId: string | null;
  spamScore: number;
  signals: string[];
  created: Date;
  // The signed form time a reader's comment came with, when valid: it serves one comment only.
  formToken?: string | null;
}

// What a moderator did to a comment besides setting its status, with who and when: an edit of
// its text (with the text before), or taking it down after publication (with the reason).
export interface CommentAction {
  // A status set (approved, rejected, spam, pending), an edit, or a take-down.
  action: CommentStatus | "edit" | "unpublish";
  actor: string;
  at: Date;
  // An edit's text before. Erased (null) after the retention period, like the e-mail address:
  // it may hold what the edit took out (a phone number, a name).
  before: string | null;
  reason: string | null;
}

// A named moderator account. Only the password's salted hash is kept.
export interface ModeratorAccount {
  name: string;
  passwordSalt: string;
  passwordHash: string;
  // The staff author their replies are signed with by default (content/authors/<id>.yaml).
  authorId: string | null;
  disabled: boolean;
  created: Date;
}

// A reader's report of a published comment (src/inbox/reports.ts).
export type ReportReason = "danger" | "donnees" | "insulte" | "spam" | "autre";
export const REPORT_REASON_IDS: readonly ReportReason[] = ["danger", "donnees", "insulte", "spam", "autre"];
export interface StoredReport {
  id: number;
  commentId: string;
  reason: ReportReason;
  text: string;
  // Erased (null) after the retention period, like a comment's.
  clientHash: string | null;
  created: Date;
}

// A word, a link's domain or a client hash that sends a comment straight to spam.
export type BlockKind = "mot" | "domaine" | "client";
export const BLOCK_KINDS: readonly BlockKind[] = ["mot", "domaine", "client"];
export interface BlockRule {
  id: number;
  kind: BlockKind;
  value: string;
  created: Date;
  // How many comments it sent to spam.
  caught: number;
}

export interface SubmitRules {
  floodLimit: number;
  floodWindowMs: number;
  duplicateWindowMs: number;
  // Queues a moderator alert in the same transaction as the comment, so that an acknowledged
  // comment's alert survives a crash as surely as the comment does.
  queueAlert: boolean;
}

// A moderator alert waiting in the outbox (sent at least once; a crash mid-send may repeat it).
export interface QueuedAlert {
  id: number;
  commentId: string;
  attempts: number;
  created: Date;
}

// A reader's request to hear of replies to their comment (src/inbox/notifications.ts). Its own copy
// of the address, erased with the request (unsubscribed, forgotten, or at the retention limit).
export interface ReplySubscription {
  commentId: string;
  email: string;
  // Random, in the signature of the request's links: a link outlives neither its request nor a
  // request made again.
  nonce: string;
  created: Date;
  // Null until the reader follows the confirmation link: nothing but that link is sent before.
  confirmed: Date | null;
}

// A message to a reader waiting in the outbox: the confirmation of a request, or a reply to the
// subscribed comment. Kept once sent, so that a reply approved twice is announced once.
export type ReaderMailKind = "confirm" | "reply";
export const READER_MAIL_KINDS: readonly ReaderMailKind[] = ["confirm", "reply"];
export interface QueuedReaderMail {
  id: number;
  kind: ReaderMailKind;
  commentId: string;
  replyId: string | null;
  attempts: number;
  created: Date;
}

export type SubmitResult =
  | { kind: "created"; id: string }
  | { kind: "duplicate"; id: string }
  | { kind: "flooded"; retryAfterSeconds: number }
  // The comment's signed form time already served another comment.
  | { kind: "token-used" };

// One interface, two implementations (store/sqlite.ts, store/postgres.ts) held to the same
// behaviour by tests/inbox/store.test.ts. Every method resolves only once its change is committed.
export interface CommentStore {
  // A reader's comment: duplicate check, flood limit and insert as one atomic step.
  submit(comment: NewComment, rules: SubmitRules): Promise<SubmitResult>;
  // An editorial reply, and optionally its parent approved in the same transaction.
  insertReply(reply: NewComment, approveParent: boolean): Promise<void>;
  get(id: string): Promise<StoredComment | undefined>;
  list(filter: { status: CommentStatus | "all"; article?: string }): Promise<StoredComment[]>;
  // Records who did it when `actor` is given (a moderator; not a system change such as a resume).
  setStatus(id: string, status: CommentStatus, actor?: string): Promise<StoredComment | undefined>;
  // Replaces the text and keeps the one before with who changed it; an approved comment then
  // needs publishing again. Undefined when there is no such comment.
  editBody(id: string, body: string, actor: string, at: Date): Promise<StoredComment | undefined>;
  // Rejects a published comment, recording who and why; `placeholder` keeps its place (without
  // its author or text) for the replies under it. Undefined when there is no such comment.
  unpublish(id: string, actor: string, at: Date, reason: string | null, placeholder: boolean): Promise<StoredComment | undefined>;
  // What moderators did to the comment, oldest first.
  actions(id: string): Promise<CommentAction[]>;
  listBlockRules(): Promise<BlockRule[]>;
  // The rule, new or already there with that kind and value.
  addBlockRule(kind: BlockKind, value: string, at: Date): Promise<BlockRule>;
  removeBlockRule(id: number): Promise<boolean>;
  countCaught(ids: readonly number[]): Promise<void>;
  // Stores a report unless its client sent `limit` within `windowMs` before it.
  addReport(
    report: Omit<StoredReport, "id">,
    rules: { limit: number; windowMs: number },
  ): Promise<{ kind: "created"; id: number } | { kind: "flooded"; retryAfterSeconds: number }>;
  // Every report, oldest first.
  listReports(): Promise<StoredReport[]>;
  // False when an account of that name exists already.
  addModerator(account: Omit<ModeratorAccount, "disabled" | "created">, at: Date): Promise<boolean>;
  getModerator(name: string): Promise<ModeratorAccount | undefined>;
  listModerators(): Promise<ModeratorAccount[]>;
  // False when there is no such account.
  disableModerator(name: string): Promise<boolean>;
  listSyncNeeded(): Promise<StoredComment[]>;
  markSynced(id: string, status: CommentStatus): Promise<void>;
  findByEmail(email: string): Promise<StoredComment[]>;
  // Also erases the address's reply notification requests.
  deleteByEmail(email: string): Promise<StoredComment[]>;
  // Erases e-mail addresses and client hashes older than `before`, and the reply notification
  // requests made before it; returns how many comments.
  purgePersonalData(before: Date): Promise<number>;
  // Takes up to `limit` alerts due at `now` and hides them from other claims until `leaseUntil`,
  // so that several inbox instances never send the same alert at once.
  claimAlerts(now: Date, leaseUntil: Date, limit: number): Promise<QueuedAlert[]>;
  removeAlerts(ids: number[]): Promise<void>;
  // Counts a failed attempt and makes the alerts due again at `retryAt`.
  postponeAlerts(ids: number[], retryAt: Date, error: string): Promise<void>;
  // Records a reply notification request for a stored comment, with its confirmation message
  // queued in the same transaction. False when the comment already has one.
  requestNotification(request: Omit<ReplySubscription, "confirmed">): Promise<boolean>;
  getSubscription(commentId: string): Promise<ReplySubscription | undefined>;
  // False unless there was a request still waiting for its confirmation.
  confirmSubscription(commentId: string, at: Date): Promise<boolean>;
  // Erases the request and its address, and what was waiting to be sent for it. False when none.
  removeSubscription(commentId: string): Promise<boolean>;
  subscriptionsByEmail(email: string): Promise<ReplySubscription[]>;
  // Reader mail due at `now`, hidden from other claims until `leaseUntil` (as claimAlerts).
  // Approving a reply queues its message in the same transaction (setStatus, insertReply).
  claimReaderMail(now: Date, leaseUntil: Date, limit: number): Promise<QueuedReaderMail[]>;
  // Sent, or given up (nothing left to send): never claimed again.
  readerMailDone(id: number, at: Date): Promise<void>;
  postponeReaderMail(id: number, retryAt: Date, error: string): Promise<void>;
  // Throws unless the store answers a query (for /healthz).
  ping(): Promise<void>;
  close(): Promise<void>;
}
