/**
 * Personal-data redaction for logs, transcripts, analytics and gap lists.
 * Patterns are deliberately broad: a false positive costs a little context, a false negative leaks data.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // e-mail addresses
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // IBAN-like account numbers (before cards: their digit groups look like one)
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g, '[iban]'],
  // card numbers: 13-19 digits, optionally grouped by spaces or dashes
  [/\b(?:\d[ -]?){12,18}\d\b/g, '[card]'],
  // phone numbers: a leading + or ( and at least 8 digits in total
  [/(?:\+|\b00)\d[\d ()./-]{6,}\d\b|\(\d{2,4}\)[\d ./-]{5,}\d\b|\b\d{3}[ .-]\d{3}[ .-]\d{3,4}\b/g, '[phone]'],
  // booking references (not our own case references, RB-XXXXXX, which identify no one): two to four capitals, a dash or not, then 5-10 digits or capitals with digits
  [/\b(?!RB-)[A-Z]{2,4}-?(?=[A-Z0-9]*\d)[A-Z0-9]{5,10}\b/g, '[booking-ref]'],
];

/** Replaces e-mail addresses, card and account numbers, phone numbers and booking references. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Redacts every string inside a JSON-like value, keeping its shape. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
