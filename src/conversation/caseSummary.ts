import type { CaseSummary as StoredSummary } from '../handoff/caseModel';
import type { CaseSummary as RecoverySummary } from '../recovery';

const OUTCOME = { success: 'succeeded', failure: 'failed', skipped: 'skipped' } as const;

/** The recovery engine's summary in the shape a case keeps (what the agent sees first). */
export function toStoredSummary(s: RecoverySummary, sentimentScores: number[]): StoredSummary {
  return {
    problemId: s.problem.id,
    title: s.problem.title,
    facts: Object.fromEntries(s.facts.map((f) => [f.name, f.confirmed ? f.value : `${f.value} (unconfirmed)`])),
    steps: s.stepsTried.map((t) => ({ stepId: t.stepId, strategy: t.strategy, outcome: OUTCOME[t.outcome], at: t.at, note: t.strategyName })),
    sentimentTrend: sentimentScores,
    ...(s.wishedOutcome ? { wishedOutcome: s.wishedOutcome } : {}),
    remedies: s.remedies.offered.map((r) => ({
      remedyId: r.remedyId,
      offeredAt: '',
      accepted: s.remedies.accepted?.remedyId === r.remedyId,
      ...(r.maxAmount ? { amount: r.maxAmount.value, currency: r.maxAmount.currency } : {}),
    })),
  };
}

/** A summary for a traveller who asked for a person before any problem was recognised. */
export function emptySummary(title = 'Asked for a person'): StoredSummary {
  return { title, facts: {}, steps: [], sentimentTrend: [], remedies: [] };
}
