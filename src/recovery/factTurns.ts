import type { EngineResult } from './actions';
import { askFact, askWishedOutcome, factSpec, factStage } from './factFlow';
import { applyFacts, deriveFromDates, fillFromBooking } from './factInputs';
import { stepById } from './knowledge';
import { checkLine, currentStepActions, enterStep, handOff, type PlaybookContext } from './playbook';
import { transition, without } from './session';
import type { RecoverySession } from './types';
import { OWNER_PROOF_FACT, ownerProofQuestion, verificationOf } from './verification';

type Result = EngineResult<RecoverySession>;

/** Facts given (one answer, several at once): checked, applied, and the walkthrough moved on; a refused one asked again with its reason. */
export function factsGiven(ctx: PlaybookContext, session: RecoverySession, facts: ReadonlyArray<{ name: string; value: string }>): Result {
  // A name the problem does not have is a forged or stale input, not something to ignore quietly.
  for (const f of facts) factSpec(ctx.problem, f.name);
  const applied = applyFacts(ctx, session, facts);
  const refused = applied.refused;
  // The fact asked (or the only one given) was refused: ask it again with the reason; the others are kept.
  if (refused && (refused.spec.name === session.pendingFact || facts.length === 1) && session.status === 'gathering_facts') {
    return { session: { ...applied.session, pendingFact: refused.spec.name }, actions: [askFact(refused.spec, refused.reason)] };
  }
  const changed = afterFactChange(ctx, applied.session);
  return refused && facts.length === 1 ? { ...changed, actions: [{ kind: 'say', text: refused.reason }, ...changed.actions] } : changed;
}

/** Where a changed fact leads: the facts again before the first step, or the current step shown again. */
export function afterFactChange(ctx: PlaybookContext, session: RecoverySession): Result {
  if (session.status === 'asking_wished_outcome') {
    // A fact corrected before the first step: confirm the facts again, then ask on.
    const stage = factStage(ctx.problem, session);
    if (stage.done) return { session, actions: [askWishedOutcome()] };
    return advanceFacts(ctx, transition(session, stage.status, ctx.now));
  }
  if (session.status !== 'running_step' && session.status !== 'awaiting_outcome') return advanceFacts(ctx, session);
  const step = stepById(ctx.problem, session.currentStepId);
  if (!step) return handOff(session, 'playbook_exhausted', ctx.now);
  const shown = transition(session, 'running_step', ctx.now);
  return { session: shown, actions: currentStepActions(ctx, shown, step) };
}

/** The next fact to ask or confirm, or the wished outcome once they are all known. */
export function advanceFacts(ctx: PlaybookContext, given: RecoverySession): Result {
  // What the booking holds is never asked: taken as soon as the booking is known; so is what a known date implies.
  const session = deriveFromDates(ctx, fillFromBooking(ctx, dropStaleProof(given)));
  // A booking waiting for its proof is proven before anything else is asked: nothing of it is used until then.
  const proof = ownerProofQuestion(session);
  if (proof && (session.status === 'gathering_facts' || session.status === 'confirming_facts' || session.status === 'asking_wished_outcome')) {
    return { session: { ...transition(session, 'gathering_facts', ctx.now), pendingFact: OWNER_PROOF_FACT }, actions: [proof] };
  }
  const stage = factStage(ctx.problem, session);
  const rest = without(session, 'pendingFact');
  if (!stage.done) {
    const moved = transition(rest, stage.status, ctx.now);
    const action = stage.action.kind === 'confirm_facts' && stage.action.mode === 'summary' ? { ...stage.action, ...checkLine(ctx, moved) } : stage.action;
    return { session: stage.pendingFact ? { ...moved, pendingFact: stage.pendingFact } : moved, actions: [action] };
  }
  const asking = transition(rest, 'asking_wished_outcome', ctx.now);
  // A playbook with its own ask_outcome step asks at the point it chose: never twice.
  if (ctx.problem.steps.some((s) => s.action === 'ask_outcome')) return enterStep(ctx, asking, ctx.problem.steps[0]);
  return { session: asking, actions: [askWishedOutcome()] };
}

/** A proof no longer wanted: the reference it was for was corrected since. */
function dropStaleProof(session: RecoverySession): RecoverySession {
  const v = verificationOf(session);
  if (!v.pending || ownerProofQuestion(session)) return session;
  const rest = { ...v };
  delete rest.pending;
  return { ...session, verification: rest };
}
