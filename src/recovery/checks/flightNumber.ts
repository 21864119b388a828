import { invalid, suggest, valid, type CheckResult } from './types';

// No O or I as the suffix letter: they are read as the digits 0 and 1.
const IATA = /^([A-Z]\d|\d[A-Z]|[A-Z]{2})(\d{1,4})([A-HJ-NP-Z])?$/;
const DIGIT_FOR: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * S6: checks a flight number: the airline's two-character IATA code, then 1-4 digits, optionally a
 * letter ("BA 123", "u2 8041", "LH400A"). Look-alike letters in the digits (O/0, I/1) are suggested.
 */
export function checkFlightNumber(raw: string): CheckResult {
  const text = raw.trim().toUpperCase().replace(/[\s-]+/g, '');
  if (IATA.test(text)) return valid(text);
  // Fix look-alikes only in the number part (after the two airline characters).
  const fixed = text.slice(0, 2) + text.slice(2).replace(/[OIL]/g, (c) => DIGIT_FOR[c]);
  if (fixed !== text && IATA.test(fixed)) return suggest(fixed, `Did you mean flight ${fixed}?`);
  if (/^[A-Z]{3}\d{1,4}$/.test(text)) {
    return invalid('That looks like a three-letter airline code. Please use the flight number on your ticket, like BA 123.');
  }
  return invalid('A flight number is the two-character airline code and up to four digits, like BA 123.');
}
