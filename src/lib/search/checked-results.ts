// Search results read in rank order and kept only when a check on their data passes. Pagefind
// finds "dose" for "dos" (same French stem) and cannot tell them apart; the page text in each
// result's data can. Data is fetched only as far as the reader has asked to see.

export interface Candidate<T> {
  data(): Promise<T>;
}

export class CheckedResults<T> {
  readonly kept: T[] = [];
  private checked = 0;
  private readonly candidates: readonly Candidate<T>[];
  private readonly keep: (data: T) => boolean;
  private readonly batch: number;
  private readonly limit: number;

  /**
   * `batch`: how many results are fetched together once some have failed the check, so a run of
   * failing ones costs a few round trips rather than one each (until then, exactly as many as
   * asked: the first screen waits for no more than it shows). `limit`: how many are checked at most;
   * past it, the rest are taken as failing (a short word Pagefind matched only by its stem can
   * otherwise mean fetching the data of every page of the site).
   */
  constructor(candidates: readonly Candidate<T>[], keep: (data: T) => boolean, batch: number, limit = Infinity) {
    this.candidates = candidates;
    this.keep = keep;
    this.batch = batch;
    this.limit = limit;
  }

  /** How many results the search gave, checked or not. */
  get candidateCount(): number {
    return this.candidates.length;
  }

  /** Whether every result the search gave has been checked (or the limit reached). */
  get complete(): boolean {
    return this.checked >= Math.min(this.candidates.length, this.limit);
  }

  /** Checks on until `count` results are kept or none is left to check; returns the kept ones. */
  async fill(count: number): Promise<readonly T[]> {
    let wanted = count - this.kept.length;
    while (this.kept.length < count && !this.complete) {
      const end = Math.min(this.checked + wanted, this.candidates.length, this.limit);
      const data = await Promise.all(this.candidates.slice(this.checked, end).map((c) => c.data()));
      this.checked = end;
      this.kept.push(...data.filter(this.keep));
      wanted = Math.max(count - this.kept.length, this.batch);
    }
    return this.kept;
  }
}
