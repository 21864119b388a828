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

/** How the traveller proved a booking is theirs: vouched by the platform (signed in), or the surname or e-mail on it. */
export type VerificationMethod = 'platform' | 'surname' | 'email';

/** One of the vouched traveller's own bookings, as the reference question offers it. */
export interface OwnBooking {
  reference: string;
  product: string;
  title: string;
}

/**
 * Who the traveller is proven to be, booking by booking. Nothing about a booking is used (shown, sent,
 * cancelled, refunded) until its reference is among `verified`: the platform vouched for the signed-in
 * user's own bookings, or the traveller gave the surname or e-mail on it.
 */
export interface VerificationState {
  /** The platform-vouched user (a signed assertion bound to the conversation) and their own bookings. */
  vouched?: { userId: string; bookings: OwnBooking[] };
  verified: Array<{ reference: string; method: VerificationMethod; at: string }>;
  /**
   * A booking waiting for its proof. `candidates`: what the platform found (none when the reference does
   * not exist: the question and the answer are the same either way, so nothing tells the two apart).
   */
  pending?: { reference?: string; candidates: BookingContext[] };
  /** Wrong proofs in this conversation; at MAX_PROOF_FAILURES no more are taken. */
  failures: number;
  /** References whose proof ended without success (not asked again). */
  settled: string[];
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
  /** References not verified, each with the traveller's own references close to it (S6 "did you mean"). */
  referencesNotFound?: Record<string, string[]>;
  /** Which bookings the traveller is proven to hold (absent: none yet). */
  verification?: VerificationState;
  /** Handoff reasons already offered (each is offered once). */
  handoffOffers: HandoffReason[];
  /** The offer waiting for the traveller's answer. */
  pendingHandoffOffer?: HandoffReason;
  handoff?: { reason: HandoffReason; at: string };
  startedAt: string;
  updatedAt: string;
}
