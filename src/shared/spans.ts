/** A stretch of a text, from `start` (included) to `end` (excluded). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Of spans listed strongest first, keeps each that overlaps none kept before it; the kept ones sorted by start.
 * A per-character "taken" map makes the cost the total length of the spans, whatever their number.
 */
export function keepFirstOfOverlaps<T extends Span>(strongestFirst: readonly T[]): T[] {
  const taken = new Uint8Array(strongestFirst.reduce((max, s) => Math.max(max, s.end), 0));
  const kept: T[] = [];
  for (const s of strongestFirst) {
    let free = true;
    for (let i = s.start; i < s.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
