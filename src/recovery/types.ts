import type { FactKind, Strategy } from '../knowledge/schema';

/** Where a recovery session stands (a typed state machine; see session.ts for the allowed moves). */
export const RECOVERY_STATUSES = [
  'gathering_facts',
  'confirming_facts',
  'asking_wished_outcome',
  'running_step',
  'awaiting_outcome',
  'offering_remedy',
  'resolved',
  'handed_off',
  'abandoned',
] as const;

/** One status of a recovery session. */
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

/** Why the bot hands the traveller to a person. */
export const HANDOFF_REASONS = [
  'playbook_exhausted',
  'playbook_handoff',
  'asked_for_person',
  'frustration',
  'high_stakes',
  'misunderstanding',
] as const;

/** One reason for a handoff. */
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** How a step ended. */
export type StepOutcome = 'success' | 'failure' | 'skipped';

/** A "did you mean ...?" proposal from an S6 validator, waiting for the traveller's answer. */
export interface FactSuggestion {
  value: string;
  reason: string;
}

/** A fact as the session holds it: the normalised value and whether the traveller confirmed it. */
export interface FactValue {
  kind: FactKind;
  value: string;
  /** What the traveller typed. */
  raw: string;
  confirmed: boolean;
  suggestion?: FactSuggestion;
  /** Where the value came from: the traveller's words (default) or the booking on the platform. */
  source?: 'traveller' | 'booking';
}

/** One step run and its outcome, in the order they happened. */
export interface StepRecord {
  stepId: string;
  strategy: Strategy;
  outcome: StepOutcome;
  /** ISO time. */
  at: string;
}

/** One sentiment reading of a traveller message. */
export interface SentimentPoint {
  score: number;
  frustrated: boolean;
  at: string;
}

/** A remedy as offered to the traveller, with the limit that applied. */
export interface OfferedRemedy {
  remedyId: string;
  /** The offer_remedy step that offered it. */
  stepId?: string;
  kind: string;
  label: string;
  /** The upper limit that applies to this booking (absent: no amount, e.g. a rebooking). */
  maxAmount?: { value: number; currency: string };
}

/** Someone on the booking (S3), as the platform knows them. */
export interface BookingContact {
  /** An actor kind of the knowledge base (hotel, host, airline...). */
  kind: string;
  name: string;
  phone?: string;
  email?: string;
  /** Named links, e.g. { status, manageBooking, baggage }: placeholders {airlineStatusUrl}... */
  links?: Record<string, string>;
}

/** What is known about the booking from the platform (names on it, currency, value, contacts). */
export interface BookingContext {
  /** The reference the platform found. */
  reference?: string;
  travellerNames?: string[];
  currency?: string;
  /** The booking's total value, in `currency`. */
  totalAmount?: number;
  /** The actors on the booking; fill {hotelName}, {hotelPhone}, {airlineManageBookingUrl}... and S3 contacts. */
  contacts?: BookingContact[];
  /** Further placeholder values from the booking (flightNumber, pickupPoint, bookingTitle...). */
  values?: Record<string, string>;
  /** The booking's product line (hotel, rental, flight, tour, transfer, car): wording follows it. */
  product?: string;
}

/** What the platform said about a booking reference, as the dialog feeds it in (withBookingLookup). */
export type BookingLookupResult =
  | { reference: string; found: true; booking: BookingContext }
  | { reference: string; found: false; didYouMean: string[] };

/**
 * A recovery session: plain JSON-serialisable data (it lives in bot state and survives restarts).
 * Change it only through RecoveryEngine and transition().
 */
export interface RecoverySession {
  version: 1;
  problemId: string;
  caseReference?: string;
  status: RecoveryStatus;
  facts: Record<string, FactValue>;
  /** Optional facts the traveller chose not to give. */
  skippedFacts: string[];
  /** Facts the traveller does not know or does not have ("I don't know my booking reference"). */
  unknownFacts?: string[];
  /** Alternative facts asked because another is unknown (a fact's `unknown.ask` in the KB). */
  alternatives?: string[];
  /** The fact being asked for (gathering_facts). */
  pendingFact?: string;
  currentStepId?: string;
  steps: StepRecord[];
  sentiment: SentimentPoint[];
  wishedOutcome?: string;
  remedies: { offered: OfferedRemedy[]; accepted?: string; declined: string[] };
  /** Consecutive turns the bot did not understand. */
  misunderstandings: number;
  booking?: BookingContext;
  /** References the platform did not find, each with the existing references close to it (S6 "did you mean"). */
  referencesNotFound?: Record<string, string[]>;
  /** Handoff reasons already offered (each is offered once). */
  handoffOffers: HandoffReason[];
  /** The offer waiting for the traveller's answer. */
  pendingHandoffOffer?: HandoffReason;
  handoff?: { reason: HandoffReason; at: string };
  startedAt: string;
  updatedAt: string;
}
