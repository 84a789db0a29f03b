// How a filter control shows its options once Pagefind has counted them.
import { frenchNumber } from "../typography.ts";

export interface FacetOption {
  value: string;
  /** Results the search would have with this value; null before the first search. */
  count: number | null;
  hidden: boolean;
}

/**
 * Options keep their build-time order. A value with no result under the current search is
 * hidden, except the selected one: hiding it would silently change what the form says.
 */
export function facetOptions(
  values: readonly string[],
  counts: Readonly<Record<string, number>> | undefined,
  selected: string | undefined,
): FacetOption[] {
  return values.map((value) => {
    if (!counts) return { value, count: null, hidden: false };
    const count = counts[value] ?? 0;
    return { value, count, hidden: count === 0 && value !== selected };
  });
}

/** The label of an option with its count, e.g. "Cancer (3)". */
export function optionLabel(label: string, count: number | null): string {
  return count === null ? label : `${label} (${frenchNumber(count)})`;
}
