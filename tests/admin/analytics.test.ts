import { expect } from 'chai';
import type { Case } from '../../src/handoff';
import type { AnalyticsEvent } from '../../src/storage/ports';
import { computeAnalytics } from '../../src/admin/analytics';

const day = (d: number, h = 10, m = 0) => new Date(Date.UTC(2026, 2, d, h, m)).toISOString();
let seq = 0;
const ev = (type: string, at: string, conversationId: string, data: Record<string, unknown> = {}, caseId?: string): AnalyticsEvent => ({
  id: `e${++seq}`, type, at, conversationId, ...(caseId ? { caseId } : {}), data,
});
const aCase = (id: string, userId: string, over: Partial<Case>, steps: Case['summary']['steps'] = [], problemId = 'double_charge'): Case => ({
  id, reference: `RB-${id}`, conversationId: `c-${id}`, userId, channelId: 'test', status: 'open', priority: 'normal', version: 1,
  createdAt: day(2), updatedAt: day(2), summary: { problemId, title: problemId, facts: {}, steps, sentimentTrend: [-0.5, 0.5], remedies: [] }, ...over,
});
const step = (stepId: string, strategy: string, outcome: 'succeeded' | 'failed') => ({ stepId, strategy, outcome, at: day(2) });

/** Four conversations: one FAQ answered (helpful), one recovered by the bot, one handed off and resolved by an agent, one misunderstood. */
function script() {
  const events = [
    ev('faq_answered', day(2, 9), 'c1', { faqId: 'refund-time' }),
    ev('answer_helpful', day(2, 9, 1), 'c1', { target: 'refund-time' }),
    ev('recovery_started', day(2, 10), 'c-bot', { problemId: 'double_charge' }, 'bot'),
    ev('resolved_by_bot', day(2, 10, 5), 'c-bot', {}, 'bot'),
    ev('follow_up_confirmed', day(3, 10, 5), 'c-bot', {}, 'bot'),
    ev('recovery_started', day(2, 11), 'c-agent', {}, 'agent'),
    ev('handoff', day(2, 11, 10), 'c-agent', { reason: 'playbook_exhausted' }, 'agent'),
    ev('not_understood', day(3, 12), 'c4', { text: 'karaoke?' }),
    ev('answer_unhelpful', day(3, 12, 1), 'c4', { target: 'x' }),
  ];
  const cases = [
    aCase('bot', 'u-bot', { conversationId: 'c-bot', status: 'resolved', resolvedAt: day(2, 10, 5) }, [step('check', 'S6', 'failed'), step('bank', 'S2', 'succeeded')]),
    aCase('agent', 'u-agent', { conversationId: 'c-agent', createdAt: day(2, 11), status: 'resolved', queuedAt: day(2, 11, 10), claimedAt: day(2, 11, 40), resolvedAt: day(2, 12, 10), assignee: 'ana', handoffReason: 'playbook_exhausted' }, [step('check', 'S6', 'failed')]),
    // The agent-resolved traveller came back 2 days later: that resolution did not last.
    aCase('again', 'u-agent', { createdAt: day(4), status: 'open' }, [], 'booking_not_found'),
  ];
  return { events, cases };
}

describe('computeAnalytics()', () => {
  const { events, cases } = script();
  const report = computeAnalytics({ from: new Date(day(1, 0)), to: new Date(day(8, 0)), now: new Date(day(20)), events, cases });

  it('should count conversations, containment and handoffs with their reasons', () => {
    expect(report.conversations).to.equal(4);
    expect(report.contained).to.deep.equal({ count: 3, rate: 0.75 });
    expect(report.handoffs).to.deep.equal({ count: 1, rate: 0.25, reasons: { playbook_exhausted: 1 } });
  });

  it('should tell bot and agent resolutions apart and measure time to claim and resolve', () => {
    expect(report.cases).to.deep.equal({ opened: 3, resolvedByBot: 1, resolvedByAgent: 1, botResolutionRate: 0.333 });
    expect(report.timeToClaim).to.deep.equal({ count: 1, medianMinutes: 30, p90Minutes: 30 });
    expect(report.timeToResolve.agent.medianMinutes).to.equal(60);
    expect(report.timeToResolve.bot.medianMinutes).to.equal(5);
  });

  it('should count a resolution durable only when the follow-up confirmed it and nobody came back within 7 days', () => {
    expect(report.durableResolution).to.deep.equal({ durable: 1, eligible: 2, pending: 0, rate: 0.5 });
    const early = computeAnalytics({ from: new Date(day(1, 0)), to: new Date(day(8, 0)), now: new Date(day(5)), events, cases });
    expect(early.durableResolution).to.deep.equal({ durable: 0, eligible: 0, pending: 2, rate: null });
  });

  it('should give resolution rates per problem, per strategy and per step', () => {
    expect(report.problems[0]).to.deep.include({ problemId: 'double_charge', cases: 2, resolvedByBot: 1, resolvedByAgent: 1, handedOff: 1, botResolutionRate: 0.5 });
    expect(report.strategies).to.deep.equal([
      { strategy: 'S2', succeeded: 1, failed: 0, successRate: 1 },
      { strategy: 'S6', succeeded: 0, failed: 2, successRate: 0 },
    ]);
    expect(report.steps.find((s) => s.stepId === 'check')).to.deep.include({ problemId: 'double_charge', failed: 2, successRate: 0 });
  });

  it('should report satisfaction, sentiment and a per-day series over the whole window', () => {
    expect(report.satisfaction).to.deep.equal({ helpful: 1, unhelpful: 1, helpfulRate: 0.5 });
    expect(report.sentiment).to.deep.equal({ messages: 6, mean: 0 });
    expect(report.series.map((d) => d.date)).to.deep.equal(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(report.series[1]).to.deep.include({ conversations: 3, contained: 2, handoffs: 1, resolvedByBot: 1, helpful: 1 });
    expect(report.series[2]).to.deep.include({ conversations: 2, unhelpful: 1 });
  });

  it('should answer null rates, not zero, for an empty window', () => {
    const empty = computeAnalytics({ from: new Date(day(10, 0)), to: new Date(day(11, 0)), now: new Date(day(20)), events, cases });
    expect(empty.contained.rate).to.equal(null);
    expect(empty.satisfaction.helpfulRate).to.equal(null);
  });
});
