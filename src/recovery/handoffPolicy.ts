import type { Escalation } from '../knowledge/schema';
import type { HandoffReason } from './types';

/** What decideHandoff looks at. */
export interface HandoffContext {
  /** The traveller asked for a person (or accepted an offer). */
  askedForPerson: boolean;
  playbookExhausted: boolean;
  /** Sentiment scores of the traveller's messages, oldest first. */
  sentimentScores: readonly number[];
  /** The problem's tags (high-stakes ones come from escalation.highStakesTags). */
  problemTags: readonly string[];
  /** Consecutive turns the bot did not understand. */
  misunderstandingsInARow: number;
  /** Reasons already offered in this session: each offer is made once. */
  alreadyOffered?: readonly HandoffReason[];
}

/**
 * none; or a handoff with its reason. mode "now": hand over at once (the traveller asked, or the
 * playbook is exhausted). mode "offer": offer a person and keep helping (high stakes, lasting
 * frustration, repeated misunderstanding) - never a dead end, never the first reflex.
 */
export type HandoffDecision = { kind: 'none' } | { kind: 'handoff'; reason: HandoffReason; mode: 'now' | 'offer' };

/** True when the last `turns` scores are all below the threshold. */
export function frustratedForTurns(scores: readonly number[], threshold: number, turns: number): boolean {
  return scores.length >= turns && scores.slice(-turns).every((s) => s < threshold);
}

/** Decides whether the traveller should be handed, or offered, to a person now. */
export function decideHandoff(context: HandoffContext, rules: Escalation): HandoffDecision {
  if (context.askedForPerson) return { kind: 'handoff', reason: 'asked_for_person', mode: 'now' };
  if (context.playbookExhausted) return { kind: 'handoff', reason: 'playbook_exhausted', mode: 'now' };
  const offered = new Set(context.alreadyOffered ?? []);
  const offer = (reason: HandoffReason): HandoffDecision =>
    offered.has(reason) ? { kind: 'none' } : { kind: 'handoff', reason, mode: 'offer' };
  const candidates: Array<[boolean, HandoffReason]> = [
    [context.problemTags.some((t) => rules.highStakesTags.includes(t)), 'high_stakes'],
    [frustratedForTurns(context.sentimentScores, rules.frustrationThreshold, rules.frustrationTurns), 'frustration'],
    [context.misunderstandingsInARow >= rules.misunderstandingLimit, 'misunderstanding'],
  ];
  for (const [applies, reason] of candidates) {
    if (!applies) continue;
    const decision = offer(reason);
    if (decision.kind === 'handoff') return decision;
  }
  return { kind: 'none' };
}
