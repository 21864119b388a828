import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { FALLBACK_COUNTRIES } from '../../nlu/entities/phones';
import { invalid, suggest, valid, type CheckResult } from './types';

const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * S6: checks a phone number with libphonenumber-js and normalises it to E.164 ("+442079460958") when it
 * can: a number with its country code ("+44 ...", "0044 ..."), or a national one in `defaultCountry`
 * (the traveller's or the booking's country, when the caller knows it). Without a country, a national
 * number that exactly one of GB, FR, DE, ES, IT, PT, NL, US holds valid is offered as "did you mean"
 * with that country; one that no country (or several) can be sure of is kept as its digits, with a
 * reason saying that the country code helps.
 */
export function checkPhone(raw: string, defaultCountry?: string): CheckResult {
  const text = raw.trim();
  if (/[a-z]/i.test(text)) return invalid('A phone number has only digits (and a + in front for the country code).');
  if (!/^(\+|00)?[\d\s().\-/]+$/.test(text)) return invalid('That does not look like a phone number.');
  const international = text.startsWith('+') || text.startsWith('00');
  const digits = text.replace(/\D/g, '').slice(text.startsWith('00') ? 2 : 0);
  if (digits.length < 7) return invalid('That phone number looks too short. Please include the area code.');
  if (digits.length > 15) return invalid('That phone number looks too long. Please check the digits.');
  if (international) {
    const phone = parsePhoneNumberFromString(`+${digits}`);
    return valid(phone?.isPossible() ? phone.number : `+${digits}`);
  }
  const country = defaultCountry?.toUpperCase() as CountryCode | undefined;
  const phone = country ? parsePhoneNumberFromString(text, country) : undefined;
  if (phone?.isPossible()) return valid(phone.number);
  const readings = FALLBACK_COUNTRIES.map((c) => ({ c, found: findPhoneNumbersInText(text, { defaultCountry: c })[0] })).filter((r) => r.found);
  if (readings.length === 1) {
    const { c, found } = readings[0];
    const where = COUNTRY_NAMES.of(c) ?? c;
    return suggest(found.number.number, `Is that a number in ${where}, ${found.number.formatInternational()}? Adding the country code (like +44) makes sure we reach you.`);
  }
  return suggest(digits, `I'll keep ${digits} as you wrote it. Adding the country code (like +44 for the UK) makes sure we can reach you; could you add it?`);
}
