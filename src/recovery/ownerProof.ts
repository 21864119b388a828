import type { EngineResult, RecoveryInput } from './actions';
import { advanceFacts } from './factTurns';
import type { PlaybookContext } from './playbook';
import { without } from './session';
import type { RecoverySession, VerificationState } from './types';
import { MAX_PROOF_FAILURES, OWNER_PROOF_FACT, ownerProofQuestion, proofMatches, verificationOf } from './verification';

type Result = EngineResult<RecoverySession>;

/** Said once the proofs are used up (per conversation or per client): the booking is left alone. */
export const PROOF_LOCKED =
  "I can't confirm that this booking is yours, so I'll carry on without its details: nothing on it is shown or changed. A colleague can check it with you: type \"talk to a person\".";

/** The same refusal whether the booking exists or not, and whichever part was wrong. */
function refusal(reference: string | undefined): string {
  return `That doesn't match ${reference ? `booking ${reference}` : 'a booking I can look at'}. Please check the reference and type the surname as it is on your confirmation e-mail.`;
}

/** The state with the pending proof ended (not asked again), and `failures` wrong proofs. */
function ended(v: VerificationState, failures: number): VerificationState {
  const { pending, ...rest } = v;
  return { ...rest, failures, settled: pending?.reference ? [...new Set([...v.settled, pending.reference])] : v.settled };
}

/** Carries on without the booking, with a line first. */
function carryOn(ctx: PlaybookContext, session: RecoverySession, verification: VerificationState, text: string): Result {
  const advanced = advanceFacts(ctx, { ...without(session, 'pendingFact'), verification });
  return { session: advanced.session, actions: [{ kind: 'say', text }, ...advanced.actions] };
}

/**
 * The traveller's answer to the proof question: the surname or e-mail on a booking waiting for it. A match makes
 * the booking the session's; a miss asks again with one refusal for every cause, until the proofs are used up.
 */
export function proveOwner(ctx: PlaybookContext, session: RecoverySession, answer: string): Result {
  const v = verificationOf(session);
  const pending = v.pending;
  if (!pending) return advanceFacts(ctx, without(session, 'pendingFact'));
  // Found by e-mail and date: the e-mail is what found it, so only the surname proves it.
  const matched = pending.candidates
    .map((booking) => ({ booking, method: proofMatches(answer, booking) }))
    .find((m) => m.method && (pending.reference || m.method === 'surname'));
  if (matched?.method && matched.booking.reference) {
    const rest = { ...v };
    delete rest.pending;
    const verified = [...v.verified, { reference: matched.booking.reference, method: matched.method, at: ctx.now.toISOString() }];
    const advanced = advanceFacts(ctx, { ...without(session, 'pendingFact'), booking: matched.booking, verification: { ...rest, verified } });
    return { session: advanced.session, actions: [{ kind: 'say', text: `Thank you, that matches: booking ${matched.booking.reference} is yours.` }, ...advanced.actions] };
  }
  const failures = v.failures + 1;
  if (failures >= MAX_PROOF_FAILURES) return carryOn(ctx, session, ended(v, failures), PROOF_LOCKED);
  const question = ownerProofQuestion(session);
  const next: RecoverySession = { ...session, pendingFact: OWNER_PROOF_FACT, verification: { ...v, failures } };
  return { session: next, actions: [question && question.kind === 'ask_fact' ? { ...question, problem: refusal(pending.reference) } : { kind: 'say', text: refusal(pending.reference) }] };
}

/** "I don't know" to the proof question: the walkthrough goes on without the booking's details. */
export function skipProof(ctx: PlaybookContext, session: RecoverySession): Result {
  const v = verificationOf(session);
  return carryOn(ctx, session, ended(v, v.failures), "Then I'll carry on without the booking's details; what you tell me is enough to help.");
}

/** No more proofs from this client (too many wrong ones across conversations): as if this one used its own up. */
export function lockProofs(ctx: PlaybookContext, session: RecoverySession): Result {
  return carryOn(ctx, session, ended(verificationOf(session), MAX_PROOF_FAILURES), PROOF_LOCKED);
}

/** The proof of ownership an input carries: the answer, null for "I don't know", undefined when it carries none. */
export function ownerProofIn(input: RecoveryInput): string | null | undefined {
  if ((input.kind === 'fact_provided' || input.kind === 'fact_corrected') && input.name === OWNER_PROOF_FACT) return input.value;
  if ((input.kind === 'fact_unknown' || input.kind === 'fact_skipped') && input.name === OWNER_PROOF_FACT) return null;
  if (input.kind === 'facts_given') return input.facts.find((f) => f.name === OWNER_PROOF_FACT)?.value;
  return undefined;
}
