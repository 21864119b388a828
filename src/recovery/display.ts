import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FactKind } from '../knowledge/schema';

/** The locale replies are formatted in until the traveller's own is known. */
export const DEFAULT_LOCALE = 'en-GB';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Currencies ICU knows; Intl.NumberFormat accepts any three letters, so it cannot tell on its own.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function utcDate(iso: string): Date | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  // Date rolls an impossible day or month over (31 April -> 1 May); a date that did not survive as written is refused.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : undefined;
}

/** "Friday, 6 March 2026" for 2026-03-06 (the date as written, no time zone shift). */
export function formatDate(iso: string, locale = DEFAULT_LOCALE): string {
  const d = utcDate(iso);
  return d ? new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d) : iso;
}

/** "6 – 8 March 2026" for 2026-03-06/2026-03-08; an invalid or reversed range stays as it is. */
export function formatDateRange(range: string, locale = DEFAULT_LOCALE): string {
  const parts = range.split('/');
  if (parts.length !== 2) return range;
  const [from, to] = [utcDate(parts[0] ?? ''), utcDate(parts[1] ?? '')];
  // formatRange would print a reversed range as "8 – 6 March", which reads as a valid stay.
  if (!from || !to || from.getTime() > to.getTime()) return range;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(from, to);
}

/** "€312.00" for "312.00 EUR"; a value without a known currency stays as it is. */
export function formatAmount(value: string, locale = DEFAULT_LOCALE): string {
  const m = /^(\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(value);
  if (!m || !CURRENCIES.has(m[2] ?? '')) return value;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: m[2] }).format(Number(m[1]));
  } catch {
    return value;
  }
}

/** "+44 20 7946 0958" for "+442079460958". */
export function formatPhone(value: string): string {
  const phone = value.startsWith('+') ? parsePhoneNumberFromString(value) : undefined;
  return phone?.isValid() ? phone.formatInternational() : value;
}

/** A fact's normalised value as the traveller reads it. */
export function displayValue(kind: FactKind, value: string, locale = DEFAULT_LOCALE): string {
  switch (kind) {
    case 'date':
      return formatDate(value, locale);
    case 'dateRange':
      return formatDateRange(value, locale);
    case 'amount':
      return formatAmount(value, locale);
    case 'phone':
      return formatPhone(value);
    default:
      return value;
  }
}
