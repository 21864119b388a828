import { keepFirstOfOverlaps } from '../spans';

/** The kinds of personal data redaction knows, each replaced by `[<kind>]`. */
export type PiiKind = 'email' | 'iban' | 'cvv' | 'expiry' | 'passport' | 'card' | 'phone' | 'booking-ref';

/** One stretch of a text found to hold a value of a kind (end exclusive). */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}

/** Finds one kind of value in a text; must run in time linear in the text's length. */
export type Detector = (text: string) => PiiSpan[];

/**
 * The spans of a global pattern. Every pattern given here must be linear: each quantifier either bounded or
 * over a class that the next token cannot match, and every start cheap to refuse (see docs/security.md).
 */
export function spansOf(pattern: RegExp, kind: PiiKind, text: string, group = 0): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (value === undefined || value.length === 0) continue;
    // A captured value ends its match (cued patterns): the cue words before it stay readable.
    const start = group === 0 ? m.index : m.index + m[0].length - value.length;
    out.push({ kind, start, end: start + value.length });
  }
  return out;
}

/** Keeps the spans of earlier detectors when spans overlap (the list is in priority order), sorted by start. */
export function resolveOverlaps(perDetector: readonly PiiSpan[][]): PiiSpan[] {
  return keepFirstOfOverlaps(perDetector.flat());
}

/** The text with every span replaced by its marker. */
export function replaceSpans(text: string, spans: readonly PiiSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}[${s.kind}]`;
    at = s.end;
  }
  return out + text.slice(at);
}
