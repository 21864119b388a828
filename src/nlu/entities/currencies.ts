import { EnglishNumericWithUnit } from '@microsoft/recognizers-text-number-with-unit';

/**
 * The currency words, codes and symbols travellers write, each with its ISO 4217 code, taken from the
 * currency tables of Bot Framework's number-with-unit recogniser ("euros|euro|€|eur" -> EUR), plus
 * the few travel words it lacks. Its own currency model is not used: it is slow and misreads
 * "EUR 312" and "1.234,56 EUR" (see docs/understanding.md).
 */
const EXTRA: Record<string, string> = { quid: 'GBP', bucks: 'USD', buck: 'USD', quids: 'GBP', eu: 'EUR', 'us$': 'USD' };
// The tables leave "pound", "dollar" and "franc" without a code: read as the platform's default reading,
// which the S6 check then maps to the booking's own dollar or pound.
const AMBIGUOUS: Record<string, string> = { Pound: 'GBP', Dollar: 'USD', Franc: 'CHF' };

let markers: Map<string, string> | undefined;
let longest = 0;
let iso: Set<string> | undefined;

/** ISO 4217 currency codes known to the runtime (Intl). */
export function isIsoCurrency(code: string): boolean {
  iso ??= new Set(Intl.supportedValuesOf('currency'));
  return iso.has(code.toUpperCase());
}

function table(): Map<string, string> {
  if (markers) return markers;
  const map = new Map<string, string>();
  const names = EnglishNumericWithUnit.CurrencyNameToIsoCodeMap;
  for (const list of [EnglishNumericWithUnit.CurrencySuffixList, EnglishNumericWithUnit.CurrencyPrefixList]) {
    for (const [unit, forms] of list) {
      const code = AMBIGUOUS[unit] ?? names.get(unit);
      if (!code || !isIsoCurrency(code)) continue;
      for (const form of forms.split('|')) if (form && !form.startsWith('-') && !map.has(form.toLowerCase())) map.set(form.toLowerCase(), code);
    }
  }
  for (const [form, code] of Object.entries(EXTRA)) map.set(form, code);
  for (const form of map.keys()) longest = Math.max(longest, form.length);
  markers = map;
  return map;
}

/** A currency written as a code, a symbol or a word ("eur", "€", "euros", "swiss francs"); undefined if none. */
export function currencyOf(raw: string): string | undefined {
  const text = raw.trim();
  if (/^[A-Z]{3}$/.test(text) && isIsoCurrency(text)) return text;
  return table().get(text.toLowerCase());
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/**
 * The longest currency marker at the start (`side` "after") or at the end ("before") of a short slice,
 * after or before spaces; with its length in the slice. Words must end at a word boundary.
 */
export function markerAt(slice: string, side: 'after' | 'before'): { code: string; length: number } | undefined {
  table();
  const text = side === 'after' ? slice.slice(0, longest + 2) : slice.slice(-(longest + 2));
  const trimmed = side === 'after' ? text.trimStart() : text.trimEnd();
  const pad = text.length - trimmed.length;
  const edgeChar = side === 'after' ? trimmed[0] : trimmed[trimmed.length - 1];
  // No marker starts or ends with a digit: a list of numbers ("1 2 3 ...") is rejected at once.
  if (pad > 2 || edgeChar === undefined || /\d/.test(edgeChar)) return undefined;
  for (let n = Math.min(longest, trimmed.length); n >= 1; n--) {
    const outside = side === 'after' ? trimmed[n] : trimmed[trimmed.length - n - 1];
    // Only lengths that end at a word's edge can be a word marker; symbols ("€") may touch anything.
    if (isLetter(outside) && isLetter(side === 'after' ? trimmed[n - 1] : trimmed[trimmed.length - n])) continue;
    const form = side === 'after' ? trimmed.slice(0, n) : trimmed.slice(trimmed.length - n);
    const code = form === form.trim() ? currencyOf(form) : undefined;
    if (code) return { code, length: n + pad };
  }
  return undefined;
}
