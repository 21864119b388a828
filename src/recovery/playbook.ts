import type { KnowledgeBase, Problem, ReplyKey, Step } from '../knowledge/schema';
import type { EngineResult, RecoveryAction } from './actions';
import { encouragementAfterFailure } from './empathy';
import { allowedRemedies } from './remedies';
import { transition, without } from './session';
import { checkFact } from './checks';
import { settledWithout } from './factFlow';
import { checkContext, placeholderValues, showStep, successQuestion } from './stepView';
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

/**
 * Whether a check_input step has nothing left to ask: every fact it checks is confirmed by the traveller
 * (in the one-line confirmation) or settled without a value, and none fails its check.
 */
export function checkedAlready(ctx: PlaybookContext, session: RecoverySession, step: Step): boolean {
  if (step.action !== 'check_input' || step.onSuccess === 'resolved') return false;
  const settled = settledWithout(session);
  return (step.facts ?? []).every((name) => {
    const fact = session.facts[name];
    if (!fact) return settled.has(name);
    return fact.confirmed && checkFact(fact.kind, fact.value, checkContext(session, ctx.kb, ctx.now, name)).kind !== 'invalid';
  });
}

/** The playbook's own check line (its first step's text, when that step checks the facts), to lead the one-line confirmation. */
export function checkLine(ctx: PlaybookContext, session: RecoverySession): { lead?: string } {
  const first = ctx.problem.steps[0];
  if (first?.action !== 'check_input') return {};
  const filled = fillPlaceholders(first.say, placeholderValues(session, ctx.kb, ctx.problem));
  return filled.missing.length === 0 ? { lead: filled.text } : {};
}

/** Starts a step (or skips an offer_remedy step with nothing the policy allows); undefined means exhausted. */
export function enterStep(ctx: PlaybookContext, session: RecoverySession, step: Step | undefined, encouragement?: ReplyKey): EngineResult<RecoverySession> {
  const runs = step ? session.steps.filter((r) => r.stepId === step.id).length : 0;
  if (!step || runs >= MAX_RUNS_PER_STEP) return handOff(session, 'playbook_exhausted', ctx.now);
  // The facts were confirmed in one line already: the check step is done, not asked again.
  if (checkedAlready(ctx, session, step)) return afterOutcome(ctx, session, step, 'success');
  if (step.action === 'offer_remedy') {
    const remedies = allowedRemedies(ctx.kb, ctx.problem, step, session.booking, session.facts).map((r) => ({ ...r, stepId: step.id }));
    if (remedies.length === 0) {
      // Nothing the owner's policy allows here: never improvise; go on with the playbook.
      return enterStep(ctx, recordStep(session, step, 'skipped', ctx.now), following(ctx.problem, step), encouragement);
    }
    const next = transition(session, 'offering_remedy', ctx.now);
    const say = fillPlaceholders(step.say, placeholderValues(session, ctx.kb, ctx.problem)).text;
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
  const frustrated = recorded.sentiment.at(-1)?.frustrated ?? false;
  const encouragement = outcome === 'failure' ? encouragementAfterFailure(frustrated) : undefined;
  return enterStep(ctx, recorded, nextStep, encouragement);
}

/** The actions that show the current step again (after a restart, an interruption or a declined offer). */
export function currentStepActions(ctx: PlaybookContext, session: RecoverySession, step: Step): RecoveryAction[] {
  if (session.status === 'offering_remedy') {
    const remedies = session.remedies.offered.filter((r) => r.stepId === step.id);
    return [{ kind: 'offer_remedies', stepId: step.id, say: fillPlaceholders(step.say, placeholderValues(session, ctx.kb, ctx.problem)).text, remedies }];
  }
  const shown = showStep(ctx.kb, ctx.problem, step, session, ctx.now);
  return session.status === 'awaiting_outcome' ? [shown, askOutcome(ctx, session, step)] : [shown];
}

/** The "did that work?" question about a step's success criterion. */
export function askOutcome(ctx: PlaybookContext, session: RecoverySession, step: Step): RecoveryAction {
  const success = fillPlaceholders(step.success, placeholderValues(session, ctx.kb, ctx.problem)).text;
  return { kind: 'ask_outcome', stepId: step.id, question: successQuestion(success) };
}
