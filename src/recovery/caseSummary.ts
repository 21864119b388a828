import type { KnowledgeBase, Strategy } from '../knowledge/schema';
import type { HandoffReason, OfferedRemedy, RecoverySession, RecoveryStatus, SentimentPoint, StepOutcome } from './types';

/** Plain names of the six strategies, for agents. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  S1: "traveller's own problem solving",
  S2: 'outside sources',
  S3: 'contact other actors',
  S4: 'unusual actions',
  S5: 'platform literacy',
  S6: 'check input',
};

/** How the traveller's mood moved over the conversation. */
export type SentimentTrend = 'improving' | 'worsening' | 'steady' | 'unknown';

/** The structured summary an agent needs so the traveller never repeats themselves. */
export interface CaseSummary {
  caseReference?: string;
  problem: { id: string; title: string; tags: string[]; platformAtFault: boolean };
  status: RecoveryStatus;
  facts: Array<{ name: string; label: string; kind: string; value: string; confirmed: boolean }>;
  stepsTried: Array<{ stepId: string; strategy: Strategy; strategyName: string; action?: string; outcome: StepOutcome; at: string }>;
  currentStepId?: string;
  sentiment: { trend: SentimentTrend; first?: number; last?: number; lowest?: number; frustratedTurns: number; readings: number };
  wishedOutcome?: string;
  remedies: { offered: OfferedRemedy[]; accepted?: OfferedRemedy; declined: string[] };
  handoffReason?: HandoffReason;
  /** The same, as short lines for a card or a note. */
  lines: string[];
}

/** Trend of sentiment scores: mean of the later half against the earlier half (0.15 apart counts). */
export function sentimentTrend(points: readonly SentimentPoint[]): SentimentTrend {
  if (points.length < 2) return 'unknown';
  const mean = (xs: readonly SentimentPoint[]): number => xs.reduce((a, p) => a + p.score, 0) / xs.length;
  const half = Math.floor(points.length / 2);
  const delta = mean(points.slice(points.length - half)) - mean(points.slice(0, half));
  return delta > 0.15 ? 'improving' : delta < -0.15 ? 'worsening' : 'steady';
}

/**
 * Builds the case summary for an agent: problem, facts (with their confirmed flag, not redacted: the
 * agent needs them; redaction is the storage and transcript layer's job), strategies tried in order
 * with outcomes, sentiment trend, wished outcome, remedies offered and accepted.
 */
export function buildCaseSummary(session: RecoverySession, kb: KnowledgeBase, sentimentHistory: readonly SentimentPoint[] = session.sentiment): CaseSummary {
  const problem = kb.problems.find((p) => p.id === session.problemId);
  const facts = Object.entries(session.facts).map(([name, f]) => ({
    name,
    label: problem?.facts.find((s) => s.name === name)?.prompt ?? name,
    kind: f.kind,
    value: f.value,
    confirmed: f.confirmed,
  }));
  const stepsTried = session.steps.map((r) => ({
    ...r,
    strategyName: STRATEGY_NAMES[r.strategy],
    ...(problem?.steps.find((s) => s.id === r.stepId) ? { action: problem.steps.find((s) => s.id === r.stepId)!.action } : {}),
  }));
  const scores = sentimentHistory.map((p) => p.score);
  const accepted = session.remedies.offered.find((r) => r.remedyId === session.remedies.accepted);
  const summary: Omit<CaseSummary, 'lines'> = {
    ...(session.caseReference ? { caseReference: session.caseReference } : {}),
    problem: { id: session.problemId, title: problem?.title ?? session.problemId, tags: problem?.tags ?? [], platformAtFault: problem?.platformAtFault ?? false },
    status: session.status,
    facts,
    stepsTried,
    ...(session.currentStepId ? { currentStepId: session.currentStepId } : {}),
    sentiment: {
      trend: sentimentTrend(sentimentHistory),
      ...(scores.length ? { first: scores[0], last: scores[scores.length - 1], lowest: Math.min(...scores) } : {}),
      frustratedTurns: sentimentHistory.filter((p) => p.frustrated).length,
      readings: scores.length,
    },
    ...(session.wishedOutcome ? { wishedOutcome: session.wishedOutcome } : {}),
    remedies: { offered: session.remedies.offered, ...(accepted ? { accepted } : {}), declined: session.remedies.declined },
    ...(session.handoff ? { handoffReason: session.handoff.reason } : {}),
  };
  return { ...summary, lines: summaryLines(summary) };
}

function summaryLines(s: Omit<CaseSummary, 'lines'>): string[] {
  const lines = [`Problem: ${s.problem.title}${s.caseReference ? ` (case ${s.caseReference})` : ''}`, `Status: ${s.status.replace(/_/g, ' ')}`];
  for (const f of s.facts) lines.push(`Fact ${f.label}: ${f.value}${f.confirmed ? ' (confirmed)' : ' (not confirmed)'}`);
  s.stepsTried.forEach((t, i) => lines.push(`Tried ${i + 1}: ${t.stepId} [${t.strategy} ${t.strategyName}]: ${t.outcome}`));
  if (s.stepsTried.length === 0) lines.push('Tried: nothing yet');
  lines.push(`Mood: ${s.sentiment.trend}${s.sentiment.last !== undefined ? `, last ${s.sentiment.last.toFixed(2)}` : ''}, frustrated turns ${s.sentiment.frustratedTurns}`);
  lines.push(`Wished outcome: ${s.wishedOutcome ?? 'not asked yet'}`);
  if (s.remedies.offered.length) lines.push(`Remedies offered: ${s.remedies.offered.map((r) => r.label).join(', ')}; accepted: ${s.remedies.accepted?.label ?? 'none'}`);
  if (s.handoffReason) lines.push(`Handed over because: ${s.handoffReason.replace(/_/g, ' ')}`);
  return lines;
}
