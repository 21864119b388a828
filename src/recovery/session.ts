import { AppError } from '../shared';
import type { RecoveryInputKind } from './actions';
import type { BookingContext, RecoverySession, RecoveryStatus } from './types';

export { withBookingLookup } from './verification';

const LIVE_EXITS = ['handed_off', 'abandoned'] as const;

/** The allowed moves of a recovery session (a status may move to itself only when listed). */
export const TRANSITIONS: Readonly<Record<RecoveryStatus, readonly RecoveryStatus[]>> = {
  // Resolved before any step: the problem went away on its own ("found it in my spam folder").
  gathering_facts: ['gathering_facts', 'confirming_facts', 'asking_wished_outcome', 'resolved', ...LIVE_EXITS],
  confirming_facts: ['confirming_facts', 'gathering_facts', 'asking_wished_outcome', 'resolved', ...LIVE_EXITS],
  // Back to the facts: a fact corrected or changed before the first step.
  asking_wished_outcome: ['running_step', 'offering_remedy', 'confirming_facts', 'gathering_facts', 'resolved', ...LIVE_EXITS],
  running_step: ['running_step', 'awaiting_outcome', 'offering_remedy', 'resolved', ...LIVE_EXITS],
  awaiting_outcome: ['running_step', 'offering_remedy', 'resolved', ...LIVE_EXITS],
  offering_remedy: ['running_step', 'offering_remedy', 'resolved', ...LIVE_EXITS],
  // A resolution that did not hold (follow-up) goes to a person.
  resolved: ['handed_off'],
  handed_off: [],
  abandoned: [],
};

const ANYTIME: readonly RecoveryInputKind[] = ['handoff_requested', 'handoff_declined', 'abandon', 'solved'];

/** Which inputs each status accepts; RecoveryEngine.next() refuses the others. */
export const ACCEPTED_INPUTS: Readonly<Record<RecoveryStatus, readonly RecoveryInputKind[]>> = {
  gathering_facts: ['fact_provided', 'fact_skipped', 'fact_corrected', 'facts_given', 'fact_unknown', 'change_fact', ...ANYTIME],
  confirming_facts: ['suggestion_accepted', 'facts_confirmed', 'fact_corrected', 'fact_provided', 'facts_given', 'change_fact', ...ANYTIME],
  asking_wished_outcome: ['wished_outcome', 'facts_given', ...ANYTIME],
  // wished_outcome: the answer to an ask_outcome step of the playbook.
  running_step: ['step_done', 'step_outcome', 'wished_outcome', 'fact_corrected', 'facts_given', 'suggestion_accepted', ...ANYTIME],
  awaiting_outcome: ['step_outcome', 'fact_corrected', 'facts_given', 'suggestion_accepted', ...ANYTIME],
  offering_remedy: ['remedy_accepted', 'remedy_declined', ...ANYTIME],
  resolved: ['handoff_requested'],
  handed_off: [],
  abandoned: [],
};

/** True when the session has ended (nothing more for the engine to do). */
export function isTerminal(status: RecoveryStatus): boolean {
  return status === 'resolved' || status === 'handed_off' || status === 'abandoned';
}

/** The input kinds the session accepts now (for dialogs that want to check before calling next()). */
export function acceptedInputs(session: Pick<RecoverySession, 'status'>): readonly RecoveryInputKind[] {
  return ACCEPTED_INPUTS[session.status];
}

/** Moves a session to `to`, or throws AppError('ILLEGAL_TRANSITION'). Returns a new object. */
export function transition(session: RecoverySession, to: RecoveryStatus, at: Date): RecoverySession {
  if (!TRANSITIONS[session.status].includes(to)) {
    throw new AppError('ILLEGAL_TRANSITION', `A recovery session cannot move from ${session.status} to ${to}.`, {
      from: session.status,
      to,
    });
  }
  return { ...session, status: to, updatedAt: at.toISOString() };
}

/** A new session for a problem, before the engine has asked anything. */
export function createSession(problemId: string, at: Date, caseReference?: string): RecoverySession {
  const iso = at.toISOString();
  return {
    version: 1,
    problemId,
    ...(caseReference ? { caseReference } : {}),
    status: 'gathering_facts',
    facts: {},
    skippedFacts: [],
    steps: [],
    sentiment: [],
    remedies: { offered: [], declined: [] },
    misunderstandings: 0,
    handoffOffers: [],
    startedAt: iso,
    updatedAt: iso,
  };
}

/** The session with the booking facts the platform returned (names, currency, value) for S6 and remedy limits. */
export function withBookingContext(session: RecoverySession, booking: BookingContext, at: Date): RecoverySession {
  return { ...session, booking: { ...session.booking, ...booking }, updatedAt: at.toISOString() };
}

/** The session with its case reference (visibility: shown from the first failure message on). */
export function withCaseReference(session: RecoverySession, caseReference: string, at: Date): RecoverySession {
  return { ...session, caseReference, updatedAt: at.toISOString() };
}

/** A copy of the session without an optional field (a cleared pending offer or question). */
export function without(session: RecoverySession, key: 'pendingHandoffOffer' | 'pendingFact'): RecoverySession {
  const copy = { ...session };
  delete copy[key];
  return copy;
}
