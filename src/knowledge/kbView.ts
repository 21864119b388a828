import type { Actor, Escalation, Faq, Intent, Platform, Problem, Remedy, Source } from './schema';
import type { KbPath, KbSeverity } from './kbProblem';

/** A list whose invalid entries are holes, so indexes still match the input for error places. */
export type Holey<T> = Array<T | undefined>;

/**
 * The best-effort KB the reference checks run on: every entry that passed the schema, a hole for each
 * one that did not, and the ids present in the input (valid or not) so a reference to an invalid entry
 * is not also reported as dangling.
 */
export interface KbView {
  platform?: Platform;
  intents: Holey<Intent>;
  faqs: Holey<Faq>;
  problems: Holey<Problem>;
  sources: Holey<Source>;
  actors: Holey<Actor>;
  remedies: Holey<Remedy>;
  escalation?: Escalation;
  /** Ids present in the input by section; null when the section itself is missing or unreadable. */
  present: Record<'intents' | 'faqs' | 'problems' | 'sources' | 'actors' | 'remedies', Set<string> | null>;
}

/** Whether an id is present; an unknown section (already reported) accepts every id. */
export function has(set: Set<string> | null, id: string): boolean {
  return set === null || set.has(id);
}

/** A problem placed in the whole KB, before it is mapped to its file and line. */
export interface RawProblem {
  kbPath: KbPath;
  message: string;
  severity: KbSeverity;
  /** The other place involved (the first of two duplicates), told to the owner as file:line. */
  related?: KbPath;
}

/** Shorthand for an error at a KB path. */
export const err = (kbPath: KbPath, message: string, related?: KbPath): RawProblem =>
  related ? { kbPath, message, severity: 'error', related } : { kbPath, message, severity: 'error' };
/** Shorthand for a warning at a KB path. */
export const warn = (kbPath: KbPath, message: string): RawProblem => ({ kbPath, message, severity: 'warning' });

/** Compares strings by code unit: the same order on every machine, unlike localeCompare. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value at a path inside a JSON-like value (undefined when absent). */
export function valueAt(value: unknown, path: KbPath): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The entries of a holey list that are present, with their index. */
export function entries<T>(list: Holey<T>): Array<[number, T]> {
  const out: Array<[number, T]> = [];
  list.forEach((v, i) => {
    if (v !== undefined) out.push([i, v]);
  });
  return out;
}
