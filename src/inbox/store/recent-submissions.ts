// The recent comments the flood limit and the duplicate check look at, held in memory by the SQLite
// store beside the table they are read from.
//
// Looking them up in the table needed two indexes keyed by hashes, where each new comment lands
// at a random place: every group commit then wrote one page of each index per comment, and
// commits cost about seven times as much as without them (see README, Operating the inbox).
// Here the table is only read in the order rows were added, which the store does from where it
// left off before each check, so rows added by another process on the same file count too.

export interface RecentRow {
  id: string;
  article: string;
  bodyHash: string;
  clientHash: string | null;
  createdMs: number;
}

interface Dated {
  id: string;
  createdMs: number;
}

export interface FloodCount {
  recent: number;
  /** When the oldest of them was made; undefined when there is none. */
  firstMs: number | undefined;
}

const bodyKey = (article: string, bodyHash: string): string => `${article}\n${bodyHash}`;

function remove<T>(map: Map<string, T[]>, key: string, keep: (item: T) => boolean): void {
  const items = map.get(key);
  if (items === undefined) return;
  const kept = items.filter(keep);
  if (kept.length === 0) map.delete(key);
  else map.set(key, kept);
}

interface Keys {
  body: string;
  client: string | null;
  createdMs: number;
}

function append(map: Map<string, Dated[]>, key: string, item: Dated): void {
  const items = map.get(key);
  if (items === undefined) map.set(key, [item]);
  else items.push(item);
}

export class RecentSubmissions {
  private readonly byBody = new Map<string, Dated[]>();
  private readonly byClient = new Map<string, Dated[]>();
  private readonly keys = new Map<string, Keys>();

  add(row: RecentRow): void {
    if (this.keys.has(row.id)) return;
    const body = bodyKey(row.article, row.bodyHash);
    const dated = { id: row.id, createdMs: row.createdMs };
    append(this.byBody, body, dated);
    if (row.clientHash !== null) append(this.byClient, row.clientHash, dated);
    this.keys.set(row.id, { body, client: row.clientHash, createdMs: row.createdMs });
  }

  /** The earliest comment with this body on this article made at or after sinceMs. */
  duplicateOf(article: string, bodyHash: string, sinceMs: number): string | undefined {
    let earliest: Dated | undefined;
    for (const item of this.byBody.get(bodyKey(article, bodyHash)) ?? []) {
      if (item.createdMs >= sinceMs && (earliest === undefined || item.createdMs < earliest.createdMs)) earliest = item;
    }
    return earliest?.id;
  }

  /** The comments of a client made at or after sinceMs. */
  floodOf(clientHash: string, sinceMs: number): FloodCount {
    let recent = 0;
    let firstMs: number | undefined;
    for (const item of this.byClient.get(clientHash) ?? []) {
      if (item.createdMs < sinceMs) continue;
      recent += 1;
      if (firstMs === undefined || item.createdMs < firstMs) firstMs = item.createdMs;
    }
    return { recent, firstMs };
  }

  /** The ids of a client's comments made at or after sinceMs. */
  idsOf(clientHash: string, sinceMs: number): string[] {
    return (this.byClient.get(clientHash) ?? []).filter((item) => item.createdMs >= sinceMs).map((item) => item.id);
  }

  /** A comment deleted from the table. */
  forget(id: string): void {
    const keys = this.keys.get(id);
    if (keys === undefined) return;
    this.keys.delete(id);
    remove(this.byBody, keys.body, (item) => item.id !== id);
    if (keys.client !== null) remove(this.byClient, keys.client, (item) => item.id !== id);
  }

  /** A comment whose client hash was erased. */
  forgetClient(id: string): void {
    const keys = this.keys.get(id);
    if (keys === undefined || keys.client === null) return;
    remove(this.byClient, keys.client, (item) => item.id !== id);
    keys.client = null;
  }

  /** Drops what no check reaching back to sinceMs can need. */
  prune(sinceMs: number): void {
    for (const [id, keys] of this.keys) if (keys.createdMs < sinceMs) this.forget(id);
  }

  get size(): number {
    return this.keys.size;
  }
}
