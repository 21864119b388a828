import { DamerauLevenshteinDistance } from '../natural';
import { wordTokens } from './windows';

/** Words of dates that travellers misspell; a near miss of one is read as it. */
const VOCABULARY = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'august', 'september', 'october', 'november', 'december',
  'today', 'tonight', 'tomorrow', 'yesterday', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'nights',
];
/** Shorthands the library does not know, and real words a near-miss rule would wrongly change. */
const SHORTHANDS: Record<string, string> = { tmr: 'tomorrow', tmrw: 'tomorrow', nite: 'night', tonite: 'tonight', yday: 'yesterday', wensday: 'wednesday' };
const KEEP = new Set(['match', 'marsh', 'march', 'mourning', 'evenings', 'mornings', 'weekends', 'sundae', 'august', 'fridays', 'nightly']);
const byInitial = new Map<string, string[]>();
for (const w of VOCABULARY) byInitial.set(w[0], [...(byInitial.get(w[0]) ?? []), w]);

function correct(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (SHORTHANDS[lower]) return SHORTHANDS[lower];
  if (lower.length < 5 || lower.length > 11 || KEEP.has(lower) || /\d/.test(lower)) return undefined;
  // Typos rarely touch the first letter; comparing only same-initial words keeps this cheap on long texts.
  const allowed = lower.length >= 8 ? 2 : 1;
  let best: { w: string; d: number } | undefined;
  for (const w of byInitial.get(lower[0]) ?? []) {
    if (w === lower) return undefined;
    if (Math.abs(w.length - lower.length) > allowed) continue;
    const d = DamerauLevenshteinDistance(lower, w, { restricted: true });
    if (d <= allowed && (!best || d < best.d)) best = { w, d };
  }
  return best?.w;
}

/** A text with some words replaced, and the way back to the original offsets. */
export interface Rewritten {
  text: string;
  /** The original offset of each offset of `text` (one more entry than `text` has characters). */
  toOriginal: Int32Array;
}

/**
 * Replaces misspelt date words ("tomorow", "satruday", "febuary") and shorthands ("tmr", "nite") with the
 * words the date library knows, keeping a map back to the traveller's offsets so spans stay theirs.
 */
export function correctDateWords(text: string): Rewritten {
  const pieces: string[] = [];
  const origins: number[] = [];
  let at = 0;
  for (const token of wordTokens(text)) {
    // "from 12 May" is read as a time ("from 12") by the library: the "from" before a number adds nothing.
    const fromNumber = token.text.toLowerCase() === 'from' && /^\s\d/.test(text.slice(token.end, token.end + 2));
    const fixed = fromNumber ? ' '.repeat(token.text.length) : /^[A-Za-z]+$/.test(token.text) ? correct(token.text) : undefined;
    if (!fixed) continue;
    pieces.push(text.slice(at, token.start));
    for (let i = at; i < token.start; i++) origins.push(i);
    pieces.push(fixed);
    // Every character of the replacement maps to the start of the word, and its end to the word's end.
    for (let i = 0; i < fixed.length; i++) origins.push(i === 0 ? token.start : token.end - 1);
    at = token.end;
  }
  if (pieces.length === 0) return { text, toOriginal: identity(text.length) };
  pieces.push(text.slice(at));
  for (let i = at; i <= text.length; i++) origins.push(i);
  return { text: pieces.join(''), toOriginal: Int32Array.from(origins) };
}

function identity(length: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/** Maps a span of rewritten text back to the original: [start, end). */
export function originalSpan(r: Rewritten, start: number, end: number): [number, number] {
  const s = r.toOriginal[start];
  const last = r.toOriginal[Math.max(start, end - 1)];
  return [s, last + 1];
}
