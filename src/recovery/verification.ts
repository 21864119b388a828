import { DamerauLevenshteinDistance } from '../nlu/natural';
import { foldName } from './checks/name';
import type { RecoveryAction } from './actions';
import type { BookingContext, BookingLookupResult, OwnBooking, RecoverySession, VerificationMethod, VerificationState } from './types';

/*
 * Booking ownership (issue 12): a reference is no key. A booking found on the platform is used only once
 * the traveller is verified for it: the platform vouched for the signed-in user (their own bookings), or
 * the traveller typed the surname or the e-mail on it, like an airline's manage-booking page. A reference
 * that does not exist gets the very same question and the very same refusal, so no answer tells a guesser
 * whether it exists.
 */

/** The engine's own fact: the surname or e-mail that proves a booking is the traveller's (asked as a 'name'). */
export const OWNER_PROOF_FACT = 'bookingOwner';
/** Wrong proofs a conversation may make before no more are taken (whatever the references). */
export const MAX_PROOF_FAILURES = 3;
/** A reference this many edits from one of the traveller's own is offered as "did you mean ...?". */
const NEAR_EDITS = 2;
/** Words said around a surname ("my surname is Schmidt", "it's under Schmidt"). */
const AROUND = new Set(['my', 'the', 'last', 'family', 'sur', 'surname', 'name', 'is', 'it', 's', 'its', 'under', 'on', 'booking', 'i', 'am', 'im', 'mr', 'mrs', 'ms', 'dr', 'email', 'e', 'mail', 'address']);
/** A proof is one short answer: a message listing many names is not tried name by name. */
const MAX_PROOF_WORDS = 4;

/** The verification state of a session (empty when none yet). */
export function verificationOf(session: RecoverySession): VerificationState {
  return session.verification ?? { verified: [], failures: 0, settled: [] };
}

/** How the traveller was verified for this reference, or undefined when they are not. */
export function verifiedFor(session: RecoverySession, reference: string | undefined): VerificationMethod | undefined {
  if (!reference) return undefined;
  const v = verificationOf(session);
  return v.verified.find((r) => r.reference === reference)?.method;
}

/** The session with the platform-vouched user and their own bookings, each verified by the platform. */
export function withVouched(session: RecoverySession, vouched: { userId: string; bookings: OwnBooking[] }, at: Date): RecoverySession {
  const v = verificationOf(session);
  const iso = at.toISOString();
  const own = vouched.bookings.filter((b) => !v.verified.some((r) => r.reference === b.reference)).map((b) => ({ reference: b.reference, method: 'platform' as const, at: iso }));
  return { ...session, verification: { ...v, vouched, verified: [...v.verified, ...own] } };
}

/** The traveller's own references within two edits of `reference` (the only "did you mean" there is). */
function ownNearMisses(v: VerificationState, reference: string): string[] {
  return v.verified
    .map((r) => ({ ref: r.reference, d: DamerauLevenshteinDistance(reference, r.reference, { restricted: true }) }))
    .filter((c) => c.d > 0 && c.d <= NEAR_EDITS)
    .sort((a, b) => a.d - b.d || a.ref.localeCompare(b.ref))
    .map((c) => c.ref);
}

/**
 * The session with what the platform said about a reference. A booking the traveller is verified for becomes
 * the booking context; a reference near one of their own is a "did you mean"; anything else (found or not)
 * waits for the surname or e-mail on it, unless the conversation used up its proofs.
 */
export function withBookingLookup(session: RecoverySession, lookup: BookingLookupResult, at: Date): RecoverySession {
  const updatedAt = at.toISOString();
  const v = verificationOf(session);
  if (lookup.found && verifiedFor(session, lookup.reference)) return { ...session, booking: { ...lookup.booking, reference: lookup.reference }, updatedAt };
  const near = ownNearMisses(v, lookup.reference);
  if (near.length || verifiedFor(session, lookup.reference)) {
    return { ...session, referencesNotFound: { ...session.referencesNotFound, [lookup.reference]: near }, updatedAt };
  }
  if (v.failures >= MAX_PROOF_FAILURES) return { ...session, verification: { ...v, settled: [...new Set([...v.settled, lookup.reference])] }, updatedAt };
  const candidates = lookup.found ? [{ ...lookup.booking, reference: lookup.reference }] : [];
  // Another booking's details must not stay next to a reference that is not proven.
  const rest = { ...session };
  if (session.booking?.reference !== lookup.reference) delete rest.booking;
  return { ...rest, verification: { ...v, pending: { reference: lookup.reference, candidates } }, updatedAt };
}

/** The session waiting for the surname on bookings found another way (e-mail and date): one of them, or none. */
export function withCandidates(session: RecoverySession, candidates: BookingContext[], key: string, at: Date): RecoverySession {
  const v = verificationOf(session);
  if (v.failures >= MAX_PROOF_FAILURES || v.settled.includes(key)) return session;
  // `key` (the e-mail and date searched) is settled at once: the same search is not asked about twice.
  return { ...session, verification: { ...v, settled: [...v.settled, key], pending: { candidates } }, updatedAt: at.toISOString() };
}

/** True when a reference needs no look-up again: verified, waiting for its proof, or its proof ended. */
export function referenceSettled(session: RecoverySession, reference: string): boolean {
  const v = verificationOf(session);
  return v.pending?.reference === reference || v.settled.includes(reference) || (!!verifiedFor(session, reference) && session.booking?.reference === reference);
}

/** Edits allowed between an answer and the value on the booking: one typo, none in very short names. */
function close(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  return DamerauLevenshteinDistance(a, b, { restricted: true }) <= 1;
}

/** The e-mail in an answer, lower case, or undefined. */
function emailIn(answer: string): string | undefined {
  const word = answer.split(/\s+/).find((w) => w.includes('@'));
  return word?.replace(/^[<("']+|[>)"'.,;:!?]+$/g, '').toLowerCase();
}

/**
 * Whether an answer proves the booking: the e-mail on it, or a surname of a traveller on it (accents, case,
 * the words around it and one typo forgiven). The answer is at most a few words: a list of names is no proof.
 */
export function proofMatches(answer: string, booking: BookingContext): VerificationMethod | undefined {
  const email = emailIn(answer.slice(0, 320));
  if (email) return booking.values?.travellerEmail && close(email, booking.values.travellerEmail.toLowerCase()) ? 'email' : undefined;
  const words = foldName(answer.slice(0, 200)).split(' ').filter((w) => w && !AROUND.has(w));
  if (words.length === 0 || words.length > MAX_PROOF_WORDS) return undefined;
  const said = words.join(' ');
  for (const name of booking.travellerNames ?? []) {
    const parts = foldName(name).split(' ').filter(Boolean);
    if (parts.length === 0) continue;
    // The surname: the last word, or everything after the first name ("García López"); the whole name also does.
    const surnames = [parts.at(-1)!, parts.slice(1).join(' '), parts.join(' '), [...parts].reverse().join(' ')].filter(Boolean);
    if (surnames.some((s) => close(said, s) || close(words.at(-1)!, s))) return 'surname';
  }
  return undefined;
}

/** The question that asks for the proof, when a booking waits for one and its reference is still the one given. */
export function ownerProofQuestion(session: RecoverySession): RecoveryAction | undefined {
  const pending = verificationOf(session).pending;
  if (!pending) return undefined;
  const given = Object.values(session.facts).find((f) => f.kind === 'bookingReference' && !f.suggestion)?.value;
  if (pending.reference && given !== pending.reference) return undefined;
  const which = pending.reference ? `booking ${pending.reference}` : 'that booking';
  return {
    kind: 'ask_fact',
    name: OWNER_PROOF_FACT,
    factKind: 'name',
    prompt: `To keep bookings private, I first check that ${which} is yours: what is the surname of a traveller on it (or the e-mail address it was booked with)?`,
    why: 'Anyone can type a booking reference; only the traveller knows the name and e-mail on it.',
    required: true,
  };
}

/** The vouched traveller's own references that fit the problem, offered as answers to the reference question (at most 5). */
export function ownReferenceChoices(session: RecoverySession, products: readonly string[]): string[] {
  const own = verificationOf(session).vouched?.bookings ?? [];
  return own.filter((b) => products.includes(b.product)).slice(0, 5).map((b) => b.reference);
}
