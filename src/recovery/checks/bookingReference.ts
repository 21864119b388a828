import type { Platform } from '../../knowledge/schema';
import { DamerauLevenshteinDistance } from '../../nlu/natural';
import { invalid, suggest, valid, type CheckResult } from './types';

type Format = Platform['referenceFormats'][number];

const DIGIT_FOR: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', S: '5', B: '8', Z: '2' };
const LETTER_FOR: Record<string, string> = { '0': 'O', '1': 'I' };

function compile(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** The platform's product a well-formed reference belongs to ("WL-H590144": hotel), from the format it matches. */
export function referenceProduct(reference: string, formats: readonly Format[]): Format['product'] | undefined {
  return formats.find((f) => compile(f.pattern).test(reference))?.product;
}

/** Every product a well-formed reference can be for (hotels and rentals may share a format). */
export function referenceProducts(reference: string, formats: readonly Format[]): Array<Format['product']> {
  return formats.filter((f) => compile(f.pattern).test(reference)).map((f) => f.product);
}

/** Lays the characters of `compact` (no dashes) onto the shape of `example`, fixing look-alike characters. */
function reshape(compact: string, example: string): { text: string; confusions: number } | null {
  const shape = example.toUpperCase();
  if (compact.length !== shape.replace(/-/g, '').length) return null;
  let out = '';
  let i = 0;
  let confusions = 0;
  for (const slot of shape) {
    if (slot === '-') {
      out += '-';
      continue;
    }
    let c = compact[i++];
    if (/\d/.test(slot) && !/\d/.test(c) && DIGIT_FOR[c]) [c, confusions] = [DIGIT_FOR[c], confusions + 1];
    else if (/[A-Z]/.test(slot) && /\d/.test(c) && LETTER_FOR[c]) [c, confusions] = [LETTER_FOR[c], confusions + 1];
    out += c;
  }
  return { text: out, confusions };
}

function examples(formats: readonly Format[]): string {
  return formats.map((f) => `${f.example} (${f.product})`).join(', ');
}

/**
 * S6: checks a booking reference against the platform's formats. Case, spaces and a missing dash are
 * normalised silently; look-alike characters (O/0, I/1) and a one-letter slip in the prefix are offered
 * as "did you mean ...?".
 */
export function checkBookingReference(raw: string, formats: readonly Format[]): CheckResult {
  const cleaned = raw.trim().toUpperCase().replace(/[\s._/]+/g, '').replace(/[‐-―−]/g, '-');
  if (cleaned === '') return invalid('Please type the booking reference.');
  const compiled = formats.map((f) => ({ f, re: compile(f.pattern) }));
  if (compiled.some(({ re }) => re.test(cleaned))) return valid(cleaned);
  const compact = cleaned.replace(/-/g, '');
  for (const { f, re } of compiled) {
    const shaped = reshape(compact, f.example);
    if (shaped && re.test(shaped.text)) {
      return shaped.confusions === 0
        ? valid(shaped.text)
        : suggest(shaped.text, `Some letters and digits look alike (O and 0, I and 1). Did you mean ${shaped.text}?`);
    }
  }
  // A slip in the product prefix: only when exactly one format is one edit away.
  const near = compiled
    .map(({ f, re }) => {
      const prefix = f.example.toUpperCase().replace(/\d+$/, '').replace(/-/g, '');
      const digits = compact.slice(-(f.example.replace(/-/g, '').length - prefix.length));
      const candidate = reshape(prefix + digits, f.example);
      const distance = DamerauLevenshteinDistance(compact, prefix + digits, { restricted: true });
      return candidate && re.test(candidate.text) ? { text: candidate.text, distance } : null;
    })
    .filter((c): c is { text: string; distance: number } => c !== null && c.distance === 1);
  if (near.length === 1) return suggest(near[0].text, `That reference does not exist in this form. Did you mean ${near[0].text}?`);
  return invalid(`That does not look like a booking reference. They look like ${examples(formats)}.`);
}
