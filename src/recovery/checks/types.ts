import type { Platform } from '../../knowledge/schema';

/**
 * What an S6 check says about a traveller's input:
 * valid (the normalised value), a "did you mean ...?" suggestion, or invalid with a reason in plain words.
 */
export type CheckResult =
  | { kind: 'valid'; value: string }
  | { kind: 'suggestion'; value: string; reason: string }
  | { kind: 'invalid'; reason: string };

/** Whether a date should lie in the future, the past, or either. */
export type DateExpectation = 'future' | 'past' | 'any';

/** What the checks may compare input against. */
export interface CheckContext {
  /** Now, from the injected clock. */
  now: Date;
  /** IANA time zone for "today"/"tomorrow" (default UTC). */
  timeZone?: string;
  referenceFormats?: Platform['referenceFormats'];
  /** Names on the booking, when the platform returned them. */
  travellerNames?: string[];
  /** The booking's currency (ISO 4217). */
  bookingCurrency?: string;
  dateExpectation?: DateExpectation;
  /** For kind "choice". */
  choices?: string[];
  /** What the platform said about references: not found ones, each with its near misses (S6 "did you mean"). */
  referencesNotFound?: Record<string, string[]>;
  /** The platform's name, for "I can't find ... on Wanderly". */
  platformName?: string;
}

/** A valid result. */
export const valid = (value: string): CheckResult => ({ kind: 'valid', value });
/** A "did you mean ...?" result. */
export const suggest = (value: string, reason: string): CheckResult => ({ kind: 'suggestion', value, reason });
/** An invalid result. */
export const invalid = (reason: string): CheckResult => ({ kind: 'invalid', reason });
