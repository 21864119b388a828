import type { KnowledgeBase, Problem, Step } from '../knowledge/schema';
import type { EngineResult, RecoveryAction } from './actions';
import { encouragementAfterFailure } from './empathy';
import { allowedRemedies } from './remedies';
import { transition, without } from './session';
import { placeholderValues, showStep, successQuestion } from './stepView';
import { fillPlaceholders } from './template';
import type { HandoffReason, RecoverySession, StepOutcome } from './types';

/** How many times one step may run in a session (a playbook loop ends in a handoff, not forever). */
export const MAX_RUNS_PER_STEP = 2;

/** What the playbook functions need for one call. */
export interface PlaybookContext {
  kb: KnowledgeBase;
  problem: Problem;
  now: Date;
}

/** Hands the session to a person. */
export function handOff(session: RecoverySession, reason: HandoffReason, now: Date): EngineResult<RecoverySession> {
  const rest = without(transition(session, 'handed_off', now), 'pendingHandoffOffer');
  return { session: { ...rest, handoff: { reason, at: now.toISOString() } }, actions: [{ kind: 'handoff', reason }] };
}

/** Records the outcome of the current step. */
export function recordStep(session: RecoverySession, step: Step, outcome: StepOutcome, now: Date): RecoverySession {
  const at = now.toISOString();
  return { ...session, steps: [...session.steps, { stepId: step.id, strategy: step.strategy, outcome, at }], updatedAt: at };
}

function following(problem: Problem, step: Step): Step | undefined {
  return problem.steps[problem.steps.indexOf(step) + 1];
}

/** Starts a step (or skips an offer_remedy step with nothing the policy allows); undefined means exhausted. */
export function enterStep(ctx: PlaybookContext, session: RecoverySession, step: Step | undefined, encouragement?: string): EngineResult<RecoverySession> {
  const runs = step ? session.steps.filter((r) => r.stepId === step.id).length : 0;
  if (!step || runs >= MAX_RUNS_PER_STEP) return handOff(session, 'playbook_exhausted', ctx.now);
  if (step.action === 'offer_remedy') {
    const remedies = allowedRemedies(ctx.kb, ctx.problem, step, session.booking, session.facts).map((r) => ({ ...r, stepId: step.id }));
    if (remedies.length === 0) {
      // Nothing the owner's policy allows here: never improvise; go on with the playbook.
      return enterStep(ctx, recordStep(session, step, 'skipped', ctx.now), following(ctx.problem, step), encouragement);
    }
    const next = transition(session, 'offering_remedy', ctx.now);
    const say = fillPlaceholders(step.say, placeholderValues(session, ctx.kb)).text;
    return {
      session: { ...next, currentStepId: step.id, remedies: { ...next.remedies, offered: [...next.remedies.offered, ...remedies] } },
      actions: [{ kind: 'offer_remedies', stepId: step.id, say, remedies }],
    };
  }
  const next = { ...transition(session, 'running_step', ctx.now), currentStepId: step.id };
  return { session: next, actions: [showStep(ctx.kb, ctx.problem, step, next, ctx.now, encouragement)] };
}

/** Follows the step's onSuccess/onFailure after an outcome (skipped goes to the following step). */
export function afterOutcome(ctx: PlaybookContext, session: RecoverySession, step: Step, outcome: StepOutcome): EngineResult<RecoverySession> {
  const recorded = recordStep(session, step, outcome, ctx.now);
  const target = outcome === 'success' ? step.onSuccess : outcome === 'failure' ? step.onFailure : 'next';
  if (target === 'resolved') {
    return { session: transition(recorded, 'resolved', ctx.now), actions: [{ kind: 'resolved', stepId: step.id }] };
  }
  if (target === 'handoff') return handOff(recorded, 'playbook_handoff', ctx.now);
  const nextStep = target === 'next' ? following(ctx.problem, step) : ctx.problem.steps.find((s) => s.id === target);
  const failures = recorded.steps.filter((r) => r.outcome !== 'success').length;
  const frustrated = recorded.sentiment.at(-1)?.frustrated ?? false;
  const encouragement = outcome === 'success' ? undefined : encouragementAfterFailure(frustrated, failures);
  return enterStep(ctx, recorded, nextStep, encouragement);
}

/** The actions that show the current step again (after a restart, an interruption or a declined offer). */
export function currentStepActions(ctx: PlaybookContext, session: RecoverySession, step: Step): RecoveryAction[] {
  if (session.status === 'offering_remedy') {
    const remedies = session.remedies.offered.filter((r) => r.stepId === step.id);
    return [{ kind: 'offer_remedies', stepId: step.id, say: fillPlaceholders(step.say, placeholderValues(session, ctx.kb)).text, remedies }];
  }
  const shown = showStep(ctx.kb, ctx.problem, step, session, ctx.now);
  return session.status === 'awaiting_outcome' ? [shown, askOutcome(ctx, session, step)] : [shown];
}

/** The "did that work?" question about a step's success criterion. */
export function askOutcome(ctx: PlaybookContext, session: RecoverySession, step: Step): RecoveryAction {
  const success = fillPlaceholders(step.success, placeholderValues(session, ctx.kb)).text;
  return { kind: 'ask_outcome', stepId: step.id, question: successQuestion(success) };
}
