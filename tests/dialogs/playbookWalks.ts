import type { KnowledgeBase, Problem, Step } from '../../src/knowledge/schema';
import { allowedRemedies, MAX_RUNS_PER_STEP, type BookingContext } from '../../src/recovery';

/*
 * Walks through a playbook computed from the KB data alone (onSuccess/onFailure, "next", the run limit,
 * offer_remedy steps the policy leaves empty), as the expectation the transcript tests hold the bot to.
 */

/** How the traveller answers a step: it worked (or: accept the first remedy / give a wish), or it didn't. */
export type Answer = 'success' | 'failure';

/** One step shown in a walk, and how it was answered. */
export interface WalkStep {
  step: Step;
  /** 1-based position in the playbook, as the card header shows it. */
  index: number;
  answer: Answer;
}

/** A walk: the steps shown in order, and how it ends. */
export interface Walk {
  shown: WalkStep[];
  end: 'resolved' | 'handoff';
}

/** The step a step's outcome leads to, or how the walk ends. */
export function targetOf(problem: Problem, step: Step, answer: Answer): Step | 'resolved' | 'handoff' {
  // ask_outcome steps have no failure: the traveller answers with a wish.
  const t = answer === 'success' || step.action === 'ask_outcome' ? step.onSuccess : step.onFailure;
  if (t === 'resolved' || t === 'handoff') return t;
  const next = t === 'next' ? problem.steps[problem.steps.indexOf(step) + 1] : problem.steps.find((s) => s.id === t);
  return next ?? 'handoff';
}

/** True when the policy leaves an offer_remedy step empty for this booking (the engine skips it). */
export function skipped(kb: KnowledgeBase, problem: Problem, step: Step, booking?: BookingContext): boolean {
  return step.action === 'offer_remedy' && allowedRemedies(kb, problem, step, booking, {}).length === 0;
}

/** Plays the playbook with `decide` choosing each answer; stops after `limit` shown steps. */
export function walk(kb: KnowledgeBase, problem: Problem, decide: (step: Step, shownSoFar: number) => Answer, booking?: BookingContext, limit = 50): Walk {
  const shown: WalkStep[] = [];
  const runs = new Map<string, number>();
  let current: Step | 'resolved' | 'handoff' = problem.steps[0];
  while (typeof current !== 'string' && shown.length < limit) {
    const step: Step = current;
    const count = runs.get(step.id) ?? 0;
    if (count >= MAX_RUNS_PER_STEP) return { shown, end: 'handoff' };
    runs.set(step.id, count + 1);
    if (skipped(kb, problem, step, booking)) {
      current = problem.steps[problem.steps.indexOf(step) + 1] ?? 'handoff';
      continue;
    }
    // The facts were confirmed in one line before the steps: a check step that would only repeat them passes.
    if (step.action === 'check_input' && step.onSuccess !== 'resolved') {
      current = targetOf(problem, step, 'success');
      continue;
    }
    const answer = decide(step, shown.length);
    shown.push({ step, index: problem.steps.indexOf(step) + 1, answer });
    current = targetOf(problem, step, answer);
  }
  return { shown, end: current === 'resolved' ? 'resolved' : 'handoff' };
}

/**
 * For each step that some walk reaches: the answers that reach it (preferring success), so a test can
 * fail exactly that step and check where the playbook goes. Steps never reached are left out.
 */
export function pathsToEachStep(kb: KnowledgeBase, problem: Problem, booking?: BookingContext): Map<string, Answer[]> {
  const paths = new Map<string, Answer[]>();
  const queue: Answer[][] = [[]];
  while (queue.length) {
    const prefix = queue.shift()!;
    const w = walk(kb, problem, (_s, i) => prefix[i] ?? 'failure', booking, prefix.length + 1);
    const last = w.shown[prefix.length];
    if (!last || paths.has(last.step.id)) continue;
    paths.set(last.step.id, prefix);
    queue.push([...prefix, 'success'], [...prefix, 'failure']);
  }
  return paths;
}
