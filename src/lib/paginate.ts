export interface Page<T> {
  items: T[];
  number: number;
  total: number;
}

/** Splits a list into pages; an empty list still has one (empty) page so its URL exists. */
export function pages<T>(list: T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: total }, (_, i) => ({ items: list.slice(i * size, (i + 1) * size), number: i + 1, total }));
}
