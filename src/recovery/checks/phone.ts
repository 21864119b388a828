import { invalid, valid, type CheckResult } from './types';

/**
 * S6: checks a phone number: digits with optional spaces, dots, dashes and brackets, an optional
 * "+" or "00" country prefix; 7 to 15 digits (E.164). Normalised to "+<digits>" or the bare digits.
 */
export function checkPhone(raw: string): CheckResult {
  const text = raw.trim();
  if (/[a-z]/i.test(text)) return invalid('A phone number has only digits (and a + in front for the country code).');
  if (!/^(\+|00)?[\d\s().\-/]+$/.test(text)) return invalid('That does not look like a phone number.');
  const international = text.startsWith('+') || text.startsWith('00');
  const digits = text.replace(/\D/g, '').slice(text.startsWith('00') ? 2 : 0);
  if (digits.length < 7) return invalid('That phone number looks too short. Please include the area code.');
  if (digits.length > 15) return invalid('That phone number looks too long. Please check the digits.');
  return valid(international ? `+${digits}` : digits);
}
