/**
 * Personal-data redaction for logs, transcripts, case events, analytics, gap lists and the Direct Line store.
 * Patterns are deliberately broad: a false positive costs a little context, a false negative leaks data.
 * Every detector is linear in the text's length (tests/shared/redactLinear.test.ts, npm run bench:adversarial).
 */
import { findBookingRefs, findCards, findCvvs, findEmails, findExpiries, findIbans, findPassports } from './pii/patterns';
import { findPhones } from './pii/phones';
import { replaceSpans, resolveOverlaps, type Detector, type PiiKind, type PiiSpan } from './pii/spans';

export type { PiiKind, PiiSpan } from './pii/spans';

/**
 * The detectors in priority order: where two find overlapping values, the earlier wins. Cued values (a word
 * names them) come before the shapes that could also read them: "passport 533380006" is a passport, not a phone.
 */
const DETECTORS: ReadonlyArray<readonly [PiiKind, Detector]> = [
  ['email', findEmails],
  ['iban', findIbans],
  ['cvv', findCvvs],
  ['expiry', findExpiries],
  ['passport', findPassports],
  ['card', findCards],
  ['phone', findPhones],
  ['booking-ref', findBookingRefs],
];

/** Every kind redaction knows, in priority order. */
export const PII_KINDS: readonly PiiKind[] = DETECTORS.map(([kind]) => kind);

/** What to redact: every kind by default, or every kind but those kept. */
export interface RedactOptions {
  keep?: readonly PiiKind[];
}

/** The personal-data values found in a text, non-overlapping, in text order. */
export function detectPii(text: string, options: RedactOptions = {}): PiiSpan[] {
  const keep = new Set(options.keep ?? []);
  return resolveOverlaps(DETECTORS.filter(([kind]) => !keep.has(kind)).map(([, detect]) => detect(text)));
}

/** Replaces e-mail addresses, card, account, passport and phone numbers, card codes and expiries, and booking references with `[<kind>]`. */
export function redact(text: string, options?: RedactOptions): string {
  return replaceSpans(text, detectPii(text, options));
}

/** Redacts every string inside a JSON-like value, keeping its shape. */
export function redactDeep<T>(value: T, options?: RedactOptions): T {
  if (typeof value === 'string') return redact(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, options)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactDeep(v, options);
    return out as T;
  }
  return value;
}
