import type { KnowledgeBase, Problem, Step } from '../knowledge/schema';
import { AppError } from '../shared';

/**
 * The port through which the engine reads the knowledge base (consumer-owned). `current()` returns
 * the KB version in force; the engine reads it on every call so owner edits apply at the next turn.
 */
export interface RecoveryKnowledge {
  current(): KnowledgeBase;
}

/** A problem by id, or AppError('NOT_FOUND'). */
export function problemById(kb: KnowledgeBase, problemId: string): Problem {
  const problem = kb.problems.find((p) => p.id === problemId);
  if (!problem) throw new AppError('NOT_FOUND', `There is no problem "${problemId}" in the knowledge base.`, { problemId });
  return problem;
}

/** A step of a problem by id (undefined when an owner edit removed it). */
export function stepById(problem: Problem, stepId: string | undefined): Step | undefined {
  return stepId === undefined ? undefined : problem.steps.find((s) => s.id === stepId);
}
