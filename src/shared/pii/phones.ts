import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import type { Detector, PiiSpan } from './spans';

/**
 * Countries whose national formats are recognised, tried in order: the UK first and leniently (any number of a
 * possible length, so Ofcom's test ranges such as 07700 900xxx count), the others only when valid as written.
 */
const LENIENT: CountryCode = 'GB';
const STRICT: readonly CountryCode[] = ['FR', 'ES', 'IT', 'PT', 'NL', 'DE', 'IE', 'US'];
/** libphonenumber calls per text; past it, a candidate is judged by its shape alone (fails closed: redacted). */
const LIBRARY_BUDGET = 24;
const MAX_CHUNK_CHARS = 40;
const MAX_DIGITS = 15;

const isPhoneChar = (c: string): boolean => (c >= '0' && c <= '9') || c === ' ' || c === '(' || c === ')' || c === '-' || c === '.' || c === '/' || c === '+' || c === '\u00a0';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
const countDigits = (s: string): number => s.replace(/\D/g, '').length;
// Dates and amounts are written with the same characters; they are not phone numbers.
const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const AMOUNT = /^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?$|^\d{1,3}(?: \d{3})*[.,]\d{2}$/;

/** Runs of phone characters, trimmed to start at a digit, "+" or "(" and end at a digit or ")"; one pass. */
function runs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    if (!isPhoneChar(text[i])) {
      i++;
      continue;
    }
    let start = i;
    while (i < text.length && isPhoneChar(text[i])) i++;
    let end = i;
    while (start < end && !(isDigit(text[start]) || text[start] === '+' || text[start] === '(')) start++;
    while (end > start && !(isDigit(text[end - 1]) || text[end - 1] === ')')) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** A long run cut into chunks of whole space-separated groups, each at most MAX_DIGITS digits and MAX_CHUNK_CHARS characters. */
function chunks(text: string, run: { start: number; end: number }): Array<{ start: number; end: number }> {
  if (run.end - run.start <= MAX_CHUNK_CHARS && countDigits(text.slice(run.start, run.end)) <= MAX_DIGITS) return [run];
  const out: Array<{ start: number; end: number }> = [];
  let start = run.start;
  let digits = 0;
  let lastSpace = -1;
  for (let i = run.start; i < run.end; i++) {
    if (text[i] === ' ') lastSpace = i;
    if (isDigit(text[i])) digits++;
    if (digits > MAX_DIGITS || i - start >= MAX_CHUNK_CHARS) {
      // Cut at the last space inside the chunk, else right here (one long group of digits).
      const cut = lastSpace > start ? lastSpace : i;
      out.push({ start, end: cut });
      start = cut;
      i = cut - 1;
      digits = 0;
      lastSpace = -1;
    }
  }
  out.push({ start, end: run.end });
  return out.map((c) => trim(text, c)).filter((c) => c.end > c.start);
}

function trim(text: string, c: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = c;
  while (start < end && !isDigit(text[start]) && text[start] !== '+' && text[start] !== '(') start++;
  while (end > start && !isDigit(text[end - 1])) end--;
  return { start, end };
}

/**
 * Phone numbers: international ones ("+44 20 7946 0958", "0044 ...") by their shape, national ones
 * ("020 7946 0958", "06 12 34 56 78", "(415) 555-0132") by libphonenumber in the countries above.
 * Digits glued to letters (booking references, flight numbers), dates and amounts are never candidates.
 * Linear: one scan for runs, chunks of at most 40 characters, and at most LIBRARY_BUDGET library calls.
 */
export const findPhones: Detector = (text) => {
  const out: PiiSpan[] = [];
  let budget = LIBRARY_BUDGET;
  for (const run of runs(text)) {
    const pieces = chunks(text, run);
    // A run cut into chunks (over 40 characters or 15 digits) is no way of writing one number: judged by shape only.
    const byShape = pieces.length > 1;
    for (const c of pieces) {
      const slice = text.slice(c.start, c.end);
      const digits = countDigits(slice);
      if (digits < 8 || digits > MAX_DIGITS || isWordChar(text[c.start - 1]) || isWordChar(text[c.end])) continue;
      if (DATE.test(slice) || AMOUNT.test(slice)) continue;
      if (/^(?:\+|00)/.test(slice)) {
        out.push({ kind: 'phone', start: c.start, end: c.end });
        continue;
      }
      if (digits < 9) continue;
      if (byShape || budget <= 0) {
        out.push({ kind: 'phone', start: c.start, end: c.end });
        continue;
      }
      const found = national(slice, (n) => (budget -= n));
      for (const f of found) out.push({ kind: 'phone', start: c.start + f.startsAt, end: c.start + f.endsAt });
    }
  }
  return out;
};

/** The numbers libphonenumber finds in a national-format chunk, in the first country that has any. */
function national(slice: string, spend: (calls: number) => void): Array<{ startsAt: number; endsAt: number }> {
  const trunk = /^\(?0/.test(slice);
  if (trunk) {
    spend(1);
    const lenient = findPhoneNumbersInText(slice, { defaultCountry: LENIENT, extended: true });
    if (lenient.length > 0) return lenient;
  }
  for (const country of STRICT) {
    // Germany's and Ireland's plans accept short and odd numbers: only with their trunk 0.
    if ((country === 'DE' || country === 'IE') && !trunk) continue;
    spend(1);
    const found = findPhoneNumbersInText(slice, { defaultCountry: country });
    if (found.length > 0) return found;
  }
  return [];
}
