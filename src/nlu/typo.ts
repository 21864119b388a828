import { JaroWinklerDistance } from './natural';
import { boundedEditDistance } from './editDistance';

const MIN_LENGTH = 4;
const CACHE_LIMIT = 10_000;
const MAX_CHECKS = 40;

function deletions(word: string, depth: number, into: Set<string>): void {
  for (let i = 0; i < word.length; i += 1) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (into.has(shorter)) continue;
    into.add(shorter);
    if (depth > 1) deletions(shorter, depth - 1, into);
  }
}

/** Edits allowed for a word of this length: one for short words, two from nine letters on. */
function maxEdits(length: number): number {
  return length >= 9 ? 2 : 1;
}

/**
 * Maps unknown words to a close known word (symmetric-delete index, then a bounded Damerau-Levenshtein
 * to confirm, natural's Jaro-Winkler and frequency to break ties). Cost per lookup is bounded: a few dozen map
 * lookups and distance checks, whatever the vocabulary size; results are memoised.
 */
export class TypoCorrector {
  private readonly deletes = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  /** `counts` maps each known word to how often it occurs. */
  constructor(private readonly counts: ReadonlyMap<string, number>) {
    for (const word of counts.keys()) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      // The word is its own key too, so a query with one extra letter finds it.
      const keys = new Set<string>([word]);
      deletions(word, maxEdits(word.length), keys);
      for (const key of keys) {
        const list = this.deletes.get(key);
        if (list) list.push(word);
        else this.deletes.set(key, [word]);
      }
    }
  }

  /** Builds a corrector from tokenised texts. */
  static fromTokens(docs: Iterable<string[]>): TypoCorrector {
    const counts = new Map<string, number>();
    for (const tokens of docs) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    return new TypoCorrector(counts);
  }

  /** Whether the word is in the vocabulary. */
  knows(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known words (for serialisation), with their counts. */
  entries(): [string, number][] {
    return [...this.counts];
  }

  /** The closest known word, or null when the word is known, too short, numeric or has no close match. */
  correct(word: string): string | null {
    if (word.length < MIN_LENGTH || this.counts.has(word) || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const edits = maxEdits(word.length);
    const keys = new Set<string>([word]);
    deletions(word, edits, keys);
    let bestDistance = edits + 1;
    let closest: string[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      for (const candidate of this.deletes.get(key) ?? []) {
        if (seen.has(candidate) || Math.abs(candidate.length - word.length) > edits) continue;
        seen.add(candidate);
        const distance = boundedEditDistance(word, candidate, bestDistance);
        if (distance < bestDistance) {
          bestDistance = distance;
          closest = [candidate];
        } else if (distance === bestDistance && distance <= edits) closest.push(candidate);
      }
      // Bounded cost: distance checks are the expensive part, so stop after a fixed number.
      if (seen.size > MAX_CHECKS) break;
    }
    // Ties (same edit distance) go to natural's Jaro-Winkler (rewards a shared start), then frequency.
    let best: string | null = null;
    let bestTie = -Infinity;
    for (const candidate of closest) {
      const tie = closest.length === 1 ? 0 : JaroWinklerDistance(word, candidate) + Math.log1p(this.counts.get(candidate) ?? 0) / 100;
      if (tie > bestTie) {
        best = candidate;
        bestTie = tie;
      }
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }

  /** Replaces unknown words with their correction when there is one. */
  correctAll(tokens: string[]): string[] {
    return tokens.map((t) => this.correct(t) ?? t);
  }
}
