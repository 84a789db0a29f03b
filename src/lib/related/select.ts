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
 * Picks the items with the largest keys, over and over, in the same two buffers: selections run
 * once or twice per article, and allocating for each would cost as much as selecting.
 */
export class TopSelector {
  /** The items kept by the last select(), in no particular order, in kept[0 .. its result - 1]. */
  kept: Int32Array;
  #keys: Float64Array;

  constructor(capacity: number) {
    this.kept = new Int32Array(capacity);
    this.#keys = new Float64Array(capacity);
  }

  /**
   * Keeps the `count` items of items[from .. to - 1] with the largest keys (keys[i] belongs to
   * items[i]; keys are distinct); returns how many were kept. A min-heap of the kept keys
   * settles most items with one comparison against the weakest kept.
   */
  select(items: Int32Array, keys: Float64Array, from: number, to: number, count: number): number {
    if (count <= 0) return 0;
    if (count > this.kept.length) {
      this.kept = new Int32Array(count);
      this.#keys = new Float64Array(count);
    }
    const heap = this.kept;
    const heapKey = this.#keys;
    if (to - from <= count) {
      heap.set(items.subarray(from, to));
      return to - from;
    }
    for (let i = 0; i < count; i++) {
      const key = keys[from + i]!;
      let at = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heapKey[parent]! <= key) break;
        heap[at] = heap[parent]!;
        heapKey[at] = heapKey[parent]!;
        at = parent;
      }
      heap[at] = items[from + i]!;
      heapKey[at] = key;
    }
    let weakest = heapKey[0]!;
    for (let i = from + count; i < to; i++) {
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
    return count;
  }
}
