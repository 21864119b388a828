import type { KnowledgeBase } from '../knowledge/schema';
import type { CaseRepository } from '../handoff/ports';
import type { OutgoingMessage } from '../handoff/messenger';
import type { FollowUp } from '../storage/ports';
import type { FollowUpComposer, FollowUpPlan } from './followUpSweeper';

/** The kind of follow-up scheduled after a resolution (src/handoff/followUp.ts). */
export const RESOLUTION_CHECK = 'resolution_check';

/** A traveller's answer to a follow-up, as its card buttons post it back (`rebound: 'followup'`). */
export type FollowUpSubmit =
  | { rebound: 'followup'; caseId: string; answer: 'held' | 'came_back' }
  | { rebound: 'followup'; caseId: string; answer: 'rating'; score: number };

/** Reads a card submit as a follow-up answer, or null when it is not a well-formed one. */
export function parseFollowUpSubmit(value: unknown): FollowUpSubmit | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.rebound !== 'followup' || typeof v.caseId !== 'string' || !v.caseId || v.caseId.length > 100) return null;
  if (v.answer === 'held' || v.answer === 'came_back') return { rebound: 'followup', caseId: v.caseId, answer: v.answer };
  const score = Number(v.score);
  if (v.answer === 'rating' && Number.isInteger(score) && score >= 1 && score <= 5) return { rebound: 'followup', caseId: v.caseId, answer: 'rating', score };
  return null;
}

/** The "did it hold?" buttons of a resolution check. */
export function heldChoices(caseId: string): NonNullable<OutgoingMessage['choices']> {
  return [
    { label: 'Yes, it is still fixed', value: { rebound: 'followup', caseId, answer: 'held' } },
    { label: 'No, it came back', value: { rebound: 'followup', caseId, answer: 'came_back' } },
  ];
}

/** The 1-5 satisfaction buttons. */
export function ratingChoices(caseId: string): NonNullable<OutgoingMessage['choices']> {
  const labels = ['1 poor', '2', '3', '4', '5 excellent'];
  return labels.map((label, i) => ({ label, value: { rebound: 'followup', caseId, answer: 'rating', score: i + 1 } }));
}

/**
 * Complaint step 6: the message of a due resolution check, from the KB's follow-up text, naming the case and
 * its problem. Skipped when the case is gone or no longer resolved (reopened, or erased on request).
 */
export class ResolutionCheckComposer implements FollowUpComposer {
  constructor(
    private readonly cases: Pick<CaseRepository, 'get'>,
    private readonly knowledge: () => KnowledgeBase,
  ) {}

  /** The message to send for this follow-up, or why not. */
  async plan(followUp: FollowUp): Promise<FollowUpPlan> {
    if (followUp.kind !== RESOLUTION_CHECK) return { kind: 'skip', reason: `unknown follow-up kind ${followUp.kind}` };
    const c = followUp.caseId ? await this.cases.get(followUp.caseId) : null;
    if (!c) return { kind: 'skip', reason: 'the case no longer exists' };
    if (c.status !== 'resolved') return { kind: 'skip', reason: `the case is ${c.status}, not resolved` };
    const kb = this.knowledge();
    const problemId = typeof followUp.payload.problemId === 'string' ? followUp.payload.problemId : c.summary.problemId;
    const title = kb.problems.find((p) => p.id === problemId)?.title ?? c.summary.title;
    return {
      kind: 'send',
      message: { text: `${kb.platform.messages.followUp}\n\nCase ${c.reference}: ${title}`, from: { kind: 'bot' }, choices: heldChoices(c.id) },
    };
  }
}
