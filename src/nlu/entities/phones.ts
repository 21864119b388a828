import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import type { Entity, EntityContext } from './types';

/** Countries a national number ("020 7946 0958") is tried in when the context gives none. */
export const FALLBACK_COUNTRIES: readonly CountryCode[] = ['GB', 'FR', 'DE', 'ES', 'IT', 'PT', 'NL', 'US'];

const PHONE_CHAR = /[0-9+()\-. /\u00a0]/;
const MAX_RUN = 40;

/**
 * Stretches of the text made only of digits and the characters phone numbers are written with, holding
 * 6 to 17 digits: the only parts handed to libphonenumber. One pass; a stretch longer than any phone
 * number (50,000 digits) is skipped whole, so the cost stays linear whatever the text.
 */
function candidates(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = -1;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const inside = c !== undefined && PHONE_CHAR.test(c);
    if (inside && start < 0) [start, digits] = [i, 0];
    if (inside && c >= '0' && c <= '9') digits++;
    if (!inside && start >= 0) {
      if (digits >= 6 && digits <= 17 && i - start <= MAX_RUN) out.push({ start, end: i });
      start = -1;
    }
  }
  return out;
}

/**
 * Numbers libphonenumber finds in a stretch. With the traveller's country, a number of a possible length
 * there is taken ("extended"), since the country's numbering plan may be newer than the metadata, or a
 * test range (07700 900xxx); without one, only numbers valid as written.
 */
function read(slice: string, country?: CountryCode) {
  return country ? findPhoneNumbersInText(slice, { defaultCountry: country, extended: true }) : findPhoneNumbersInText(slice);
}

/**
 * Phone numbers anywhere in a message, as E.164. International numbers ("+44 20 7946 0958",
 * "0044 20 ...") always; national ones ("07700 900123") in `ctx.defaultCountry`; without one, a number
 * with a leading 0 only when exactly one of GB, FR, DE, ES, IT, PT, NL, US holds it valid.
 */
export function findPhones(text: string, ctx: Pick<EntityContext, 'defaultCountry'>): Entity[] {
  const out: Entity[] = [];
  const country = ctx.defaultCountry?.toUpperCase() as CountryCode | undefined;
  for (const run of candidates(text)) {
    const slice = text.slice(run.start, run.end);
    let found = read(slice, country);
    if (!country && found.length === 0 && /^\(?0[1-9]/.test(slice.trim())) {
      const readings = FALLBACK_COUNTRIES.map((c) => findPhoneNumbersInText(slice, { defaultCountry: c })).filter((r) => r.length > 0);
      if (readings.length === 1) found = readings[0];
    }
    for (const n of found) {
      const start = run.start + n.startsAt;
      const end = run.start + n.endsAt;
      out.push({ kind: 'phone', value: n.number.number, raw: text.slice(start, end), start, end });
    }
  }
  return out;
}
