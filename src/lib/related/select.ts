// Selection keys fold a score and a tie-break into one number, so choosing the best items takes
// plain numeric comparisons: no callback per comparison, which is most of the cost otherwise.
// Scores are quantised to 2^-20 (ample to choose candidates; final rankings compare exact
// scores), and `order` (0 = first choice among equal scores) must stay below `span`.
const QUANTUM = 2 ** 20;

/** A key that is larger for a higher score, then for a smaller `order`; exact while score · span < 2^33. */
export function selectionKey(score: number, order: number, span: number): number {
  return Math.floor(score * QUANTUM) * span + (span - 1 - order);
}

/**
 * The `count` items with the largest keys (`keys[i]` belongs to `items[i]`; keys are distinct),
 * in no particular order. A min-heap of the kept keys settles most items with one comparison
 * against its weakest, which keeps long postings lists and candidate pools cheap.
 */
export function selectTop(items: Int32Array, keys: Float64Array, count: number): Int32Array {
  const n = items.length;
  if (n <= count) return items.slice();
  // Kept items and their keys side by side; heapKey[0] is the weakest kept.
  const heap = new Int32Array(count);
  const heapKey = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    let at = i;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heap[at] = heap[parent]!;
      heapKey[at] = heapKey[parent]!;
      at = parent;
    }
    heap[at] = items[i]!;
    heapKey[at] = key;
  }
  let weakest = heapKey[0]!;
  for (let i = count; i < n; i++) {
    const key = keys[i]!;
    if (key <= weakest) continue;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= count) break;
      const right = left + 1;
      const child = right < count && heapKey[right]! < heapKey[left]! ? right : left;
      if (heapKey[child]! >= key) break;
      heap[at] = heap[child]!;
      heapKey[at] = heapKey[child]!;
      at = child;
    }
    heap[at] = items[i]!;
    heapKey[at] = key;
    weakest = heapKey[0]!;
  }
  return heap;
}
