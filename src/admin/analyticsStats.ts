/** A share rounded to 3 decimals, or null when there is nothing to divide by (never a fake 0%). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** Count, median and 90th percentile of durations in minutes (nearest rank), rounded to 0.1; null when empty. */
export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** Duration statistics of a list of milliseconds. */
export function durationStats(ms: readonly number[]): DurationStats {
  const sorted = ms.filter((m) => Number.isFinite(m) && m >= 0).sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return null;
    const v = sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
    return Math.round((v / 60_000) * 10) / 10;
  };
  return { count: sorted.length, medianMinutes: at(0.5), p90Minutes: at(0.9) };
}

/** The mean rounded to 3 decimals, or null when empty. */
export function mean(values: readonly number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000 : null;
}

/** The UTC day (YYYY-MM-DD) of an ISO time. */
export function dayOf(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** Every UTC day touched by [from, to). */
export function daysOf(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (d.getTime() < to.getTime()) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Milliseconds from a to b (NaN when either is missing). */
export function between(a: string | undefined, b: string | undefined): number {
  return a && b ? Date.parse(b) - Date.parse(a) : NaN;
}

/** Increments a counter in a record. */
export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
