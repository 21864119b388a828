import type { Clock } from '../shared/clock';
import { newCaseEvent, transition, type Case, type CaseActor, type CaseEvent } from '../handoff/caseModel';
import type { CaseRepository } from '../handoff/ports';
import type { AnalyticsStore } from '../storage/ports';
import type { FollowUpSubmit } from './resolutionCheck';

/** What became of a traveller's follow-up answer. */
export type FollowUpOutcome =
  /** Not a case of this conversation (an old or forged button). */
  | { kind: 'unknown' }
  /** This question was answered before; nothing recorded again. */
  | { kind: 'already_answered'; case: Case }
  | { kind: 'held'; case: Case }
  /** reopened is false when the conversation already has another active case (one at a time). */
  | { kind: 'came_back'; case: Case; reopened: boolean }
  | { kind: 'rated'; case: Case; score: number };

/** Who answered. */
export interface FollowUpAnswerer {
  conversationId: string;
  userId?: string;
}

/**
 * Records the answers to a resolution check: whether the fix held (a "no" reopens the case) and the 1-5
 * satisfaction score, each once, as a case event and as an analytics event for the owners' dashboard.
 */
export class FollowUpAnswers {
  constructor(
    private readonly deps: { cases: CaseRepository; analytics: Pick<AnalyticsStore, 'record'>; clock: Clock },
  ) {}

  /** Records one answer. */
  async answer(submit: FollowUpSubmit, who: FollowUpAnswerer): Promise<FollowUpOutcome> {
    const current = await this.deps.cases.get(submit.caseId);
    if (!current || current.conversationId !== who.conversationId) return { kind: 'unknown' };
    const question = submit.answer === 'rating' ? 'rating' : 'held';
    const events = await this.deps.cases.listEvents(current.id);
    if (events.some((e) => e.type === 'note' && e.data.followUp === question)) return { kind: 'already_answered', case: current };

    const now = this.deps.clock.now();
    const actor: CaseActor = { kind: 'traveller', id: who.userId ?? current.userId };
    const problemId = current.summary.problemId;
    if (submit.answer === 'rating') {
      await this.deps.cases.appendEvent(newCaseEvent(current.id, 'note', actor, now, { followUp: 'rating', score: submit.score }));
      await this.record('follow_up_rated', current, who, { score: submit.score, problemId });
      return { kind: 'rated', case: current, score: submit.score };
    }
    const held = submit.answer === 'held';
    const note = newCaseEvent(current.id, 'note', actor, now, { followUp: 'held', held });
    let result: FollowUpOutcome;
    if (held) {
      await this.deps.cases.appendEvent(note);
      result = { kind: 'held', case: current };
    } else {
      result = await this.reopen(current, actor, now, note);
    }
    await this.record('follow_up_answered', current, who, { held, problemId, ...(result.kind === 'came_back' ? { reopened: result.reopened } : {}) });
    return result;
  }

  /** "It came back": the case is the bot's again, unless the conversation is busy with another case. */
  private async reopen(current: Case, actor: CaseActor, now: Date, note: CaseEvent): Promise<FollowUpOutcome> {
    const active = await this.deps.cases.findActiveByConversation(current.conversationId);
    if (current.status !== 'resolved' || (active && active.id !== current.id)) {
      await this.deps.cases.appendEvent(note);
      return { kind: 'came_back', case: active ?? current, reopened: false };
    }
    const moved = transition(current, { type: 'reopen', reason: 'the traveller said at the follow-up that the problem came back' }, actor, now);
    const saved = await this.deps.cases.update(moved.case, current.version, [moved.event, note]);
    return { kind: 'came_back', case: saved, reopened: true };
  }

  private async record(type: string, c: Case, who: FollowUpAnswerer, data: Record<string, unknown>): Promise<void> {
    const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    await this.deps.analytics.record({ type, at: this.deps.clock.now().toISOString(), conversationId: who.conversationId, userId: who.userId ?? c.userId, caseId: c.id, data: clean });
  }
}
