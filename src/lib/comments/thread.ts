export interface Threadable {
  id: string;
  parent: string | null;
  date: Date;
}

export interface ThreadNode<T extends Threadable> {
  comment: T;
  depth: number;
  // Set when the reply is shown away from its parent (beyond the depth limit), so readers still
  // know whom it answers.
  inReplyTo: T | null;
  replies: ThreadNode<T>[];
}

export const DEFAULT_MAX_DEPTH = 3;

function byDateThenId(a: Threadable, b: Threadable): number {
  return a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// Replies nest under their parent, oldest first. Past maxDepth they stay at the deepest level,
// under their nearest ancestor that may hold them. A comment whose parent is not in the list
// (not approved, or erased) is shown at the top level rather than hidden.
export function buildThread<T extends Threadable>(
  comments: readonly T[],
  maxDepth: number = DEFAULT_MAX_DEPTH,
): ThreadNode<T>[] {
  const sorted = [...comments].sort(byDateThenId);
  const byId = new Map(sorted.map((comment) => [comment.id, comment]));
  const nodes = new Map<string, ThreadNode<T>>();
  const holders = new Map<string, string | null>();

  for (const comment of sorted) {
    const ancestors = ancestorsOf(comment, byId);
    const depth = Math.min(ancestors.length + 1, Math.max(1, maxDepth));
    // ancestors[0] is the parent and the last one the top-level comment, at depth 1.
    const holder = depth === 1 ? null : (ancestors[ancestors.length - (depth - 1)] as T);
    const parent = ancestors[0] ?? null;
    nodes.set(comment.id, {
      comment,
      depth,
      inReplyTo: parent !== null && parent !== holder ? parent : null,
      replies: [],
    });
    holders.set(comment.id, holder?.id ?? null);
  }

  const roots: ThreadNode<T>[] = [];
  for (const comment of sorted) {
    const node = nodes.get(comment.id) as ThreadNode<T>;
    const holderId = holders.get(comment.id) ?? null;
    if (holderId === null) roots.push(node);
    else (nodes.get(holderId) as ThreadNode<T>).replies.push(node);
  }
  return roots;
}

function ancestorsOf<T extends Threadable>(comment: T, byId: ReadonlyMap<string, T>): T[] {
  const chain: T[] = [];
  const seen = new Set<string>([comment.id]);
  let parentId = comment.parent;
  while (parentId !== null && byId.has(parentId)) {
    // A cycle in hand-edited data has no top: show such a comment at the top level.
    if (seen.has(parentId)) return [];
    const parent = byId.get(parentId) as T;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parent;
  }
  return chain;
}
