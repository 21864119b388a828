import type { Platform } from '../../knowledge/schema';

/**
 * The kinds of entity the understanding step finds in a traveller's message. The kinds that are also
 * fact kinds (bookingReference, email, date, dateRange, name, amount, currency, phone, flightNumber)
 * carry their value in the same normalised form the S6 checks produce, so a value found in any turn
 * can fill a fact directly.
 */
export const ENTITY_KINDS = [
  'bookingReference',
  'email',
  'phone',
  'date',
  'dateRange',
  'amount',
  'currency',
  'flightNumber',
  'airport',
  'place',
  'city',
  'name',
  'ordinal',
  'number',
  'code',
  'country',
  'nationality',
] as const;

/** One entity kind. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * One entity found in a message, with its span in the original text (`text.slice(start, end) === raw`).
 *
 * Normalised `value` per kind:
 * - bookingReference: as the platform writes it (`WL-X119274`);
 * - email: `local@domain` with the domain in lower case;
 * - phone: E.164 (`+442079460958`);
 * - date: `YYYY-MM-DD` (a time, when said, in `time` as `HH:MM`, traveller's time zone);
 * - dateRange: `YYYY-MM-DD/YYYY-MM-DD` (start/end, start <= end);
 * - amount: `312.00 EUR` (two decimals and an ISO 4217 code) or `312.00` when no currency was said;
 * - currency: ISO 4217 code (`EUR`);
 * - flightNumber: airline code and number without spaces (`LH400`);
 * - airport: IATA code (`AMS`), with the airport's name in `label`;
 * - place: the place as written, tidied (`Terminal 2, exit B`);
 * - name: a person's name as written, tidied (`Lena Novak`);
 * - ordinal: the position chosen, 1-based (`1` for "the first one", `-1` for "the last one");
 * - number: the number (`2`), e.g. "2 nights", "3 of us";
 * - code: a file reference, promo or airline code in capitals (`JFKLH20417`, `SPRING20`);
 * - country: a country or nationality as written (`German`, `the states`), with its ISO code in `label`.
 */
export interface Entity {
  kind: EntityKind;
  value: string;
  /** The text as the traveller wrote it. */
  raw: string;
  start: number;
  end: number;
  /** Date kinds: how the date was said, so the engine can tell "friday" (relative) from "12 May" (absolute). */
  relative?: boolean;
  /** Date kinds: the other reading of an ambiguous relative date ("friday": the coming one when `value` is the last one). */
  alternative?: string;
  /** date: the time of day when one was said ("an hour ago", "at 3am"), HH:MM in the traveller's time zone. */
  time?: string;
  /** airport: its name; amount: the amount as a number. */
  label?: string;
}

/** What the recognisers need besides the text. */
export interface EntityContext {
  /** Now (the injected clock's). */
  now: Date;
  /** The traveller's IANA time zone ("today" and "an hour ago" are theirs); default UTC. */
  timeZone?: string;
  /** The platform's booking reference formats (the KB's). */
  referenceFormats: Platform['referenceFormats'];
  /** Names the traveller may mention (the names on a booking already found), matched anywhere in the text. */
  knownNames?: readonly string[];
  /** A country (ISO 3166-1 alpha-2) to read national phone numbers in, e.g. the booking's destination. */
  defaultCountry?: string;
}
