import { keepFirstOfOverlaps } from '../../shared/spans';
import { findAirports, findCities, findPlaces } from './places';
import { findDates } from './dates';
import { findEmails } from './emails';
import { findFlights } from './flights';
import { findAmounts, findCurrencies } from './money';
import { findNames } from './names';
import { findNumbers, findOrdinals, scanNumbers } from './numbers';
import { findPhones } from './phones';
import { findReferences } from './references';
import { findCodes } from './codes';
import { findCountries } from './countries';
import type { Entity, EntityContext, EntityKind } from './types';

export * from './types';
export { airportName, airportOfCity, findAirports, findCities, findPlaces, saidAsDirection } from './places';
export { findDates, parseDateValue } from './dates';
export type { DateExpectation } from './dateReading';
export { findEmails } from './emails';
export { findFlights, airlineDesignators } from './flights';
export { findAmounts, findCurrencies, parseMoney, formatMoney, type Money } from './money';
export { currencyOf, isIsoCurrency } from './currencies';
export { findNames, foldName } from './names';
export { findNumbers, findOrdinals, scanNumbers } from './numbers';
export { findPhones, FALLBACK_COUNTRIES } from './phones';
export { findReferences } from './references';
export { findCodes } from './codes';
export { findCountries } from './countries';
export * from './calendar';
export { textWindows, wordTokens, WINDOW_CHARS, type Token } from './windows';

/**
 * When two entities overlap, the one of the kind earlier in this list stays: a reference or a phone
 * number is not also a number, a range not also two dates, an amount not also a number. A code (a word
 * with a digit, or in capitals after "code", "ref", ...) is not also an airport, a country or a currency.
 */
const PRIORITY: readonly EntityKind[] = [
  'bookingReference', 'email', 'phone', 'place', 'city', 'flightNumber', 'dateRange', 'amount', 'date', 'name', 'code', 'airport', 'country', 'nationality', 'currency', 'ordinal', 'number',
];

/** Keeps, of overlapping entities, the one of the stronger kind (then the longer one); sorted by start. */
export function resolveOverlaps(entities: Entity[]): Entity[] {
  const rank = (e: Entity): number => PRIORITY.indexOf(e.kind);
  return keepFirstOfOverlaps([...entities].sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start));
}

/**
 * All the entities of a traveller's message (every kind), sorted by where they start, overlaps
 * resolved. Pure and linear in the message's length (see docs/understanding.md).
 */
export function extractEntities(text: string, ctx: EntityContext): Entity[] {
  const numbers = scanNumbers(text);
  return resolveOverlaps([
    ...findReferences(text, ctx.referenceFormats),
    ...findEmails(text),
    ...findPhones(text, ctx),
    ...findFlights(text),
    ...findDates(text, ctx),
    ...findAmounts(text, numbers),
    ...findAirports(text),
    ...findPlaces(text),
    ...findCities(text),
    ...findNames(text, ctx.knownNames),
    ...findCurrencies(text),
    ...findCodes(text),
    ...findCountries(text),
    ...findOrdinals(text),
    ...findNumbers(text, numbers),
  ]);
}
