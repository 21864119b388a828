/**
 * The k best (id, score) pairs seen, higher score first and lower id first on ties, in O(n log k) without
 * sorting everything: a query over a large index touches tens of thousands of rows but keeps a few dozen.
 */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Number of pairs kept. */
  get size(): number {
    return this.ids.length;
  }

  /** Offers a pair; kept when it ranks among the k best so far. */
  offer(id: number, score: number): void {
    const n = this.ids.length;
    if (n === this.k && !this.before(score, id, this.scores[n - 1], this.ids[n - 1])) return;
    // Binary search for the insertion point in the sorted (best first) arrays.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(score, id, this.scores[mid], this.ids[mid])) hi = mid;
      else lo = mid + 1;
    }
    this.ids.splice(lo, 0, id);
    this.scores.splice(lo, 0, score);
    if (this.ids.length > this.k) {
      this.ids.pop();
      this.scores.pop();
    }
  }

  /** The ids kept, best first. */
  sorted(): number[] {
    return [...this.ids];
  }

  /** The score of the i-th best id. */
  scoreAt(i: number): number {
    return this.scores[i];
  }

  private before(score: number, id: number, otherScore: number, otherId: number): boolean {
    return score > otherScore || (score === otherScore && id < otherId);
  }
}
