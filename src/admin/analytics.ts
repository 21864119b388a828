import type { Case } from '../handoff';
import type { AnalyticsEvent } from '../storage/ports';
import { between, bump, dayOf, daysOf, durationStats, mean, rate, type DurationStats } from './analyticsStats';
import { caseBreakdowns, type ProblemFigures, type StepFigures, type StrategyFigures } from './caseBreakdowns';

/** A resolution counts as durable when nothing brings the traveller back within this time. */
export const RECONTACT_WINDOW_MS = 7 * 86_400_000;
/** Events that say the traveller confirmed, at the follow-up, that the fix held. */
export const FOLLOW_UP_CONFIRMED_TYPES = ['follow_up_confirmed', 'resolution_confirmed'];

/** One day of the charts. */
export interface DayFigures {
  date: string;
  conversations: number;
  contained: number;
  handoffs: number;
  resolvedByBot: number;
  helpful: number;
  unhelpful: number;
  sentiment: number | null;
}

/** The owners' dashboard figures for a window (definitions: docs/analytics.md). */
export interface AnalyticsReport {
  window: { from: string; to: string };
  conversations: number;
  contained: { count: number; rate: number | null };
  handoffs: { count: number; rate: number | null; reasons: Record<string, number> };
  cases: { opened: number; resolvedByBot: number; resolvedByAgent: number; botResolutionRate: number | null };
  durableResolution: { durable: number; eligible: number; pending: number; rate: number | null };
  timeToClaim: DurationStats;
  timeToResolve: { agent: DurationStats; bot: DurationStats };
  problems: ProblemFigures[];
  strategies: StrategyFigures[];
  steps: StepFigures[];
  satisfaction: { helpful: number; unhelpful: number; helpfulRate: number | null };
  sentiment: { messages: number; mean: number | null };
  series: DayFigures[];
}

/** Who closed a resolved case: an agent when someone claimed it, else the bot (the traveller confirmed). */
export function resolvedBy(c: Case): 'bot' | 'agent' | null {
  if (c.status !== 'resolved') return null;
  return c.assignee || c.claimedAt ? 'agent' : 'bot';
}

/** Computes the report from the window's analytics events and every case (filtered here by their own times). */
export function computeAnalytics(input: { from: Date; to: Date; now: Date; events: readonly AnalyticsEvent[]; cases: readonly Case[] }): AnalyticsReport {
  const { from, to, now } = input;
  const inWindow = (iso: string | undefined) => !!iso && Date.parse(iso) >= from.getTime() && Date.parse(iso) < to.getTime();
  const events = input.events.filter((e) => inWindow(e.at));
  const series = new Map(daysOf(from, to).map((date) => [date, blankDay(date)]));
  const day = (iso: string) => series.get(dayOf(iso));

  const conversations = new Set<string>();
  const handedOff = new Set<string>();
  const dayConversations = new Map<string, Set<string>>();
  const dayHandoffs = new Map<string, Set<string>>();
  const reasons: Record<string, number> = {};
  const confirmed = new Set<string>();
  let helpful = 0;
  let unhelpful = 0;
  for (const e of events) {
    const date = dayOf(e.at);
    if (e.conversationId) {
      conversations.add(e.conversationId);
      (dayConversations.get(date) ?? dayConversations.set(date, new Set()).get(date)!).add(e.conversationId);
    }
    if (e.type === 'handoff') {
      if (e.conversationId) {
        handedOff.add(e.conversationId);
        (dayHandoffs.get(date) ?? dayHandoffs.set(date, new Set()).get(date)!).add(e.conversationId);
      }
      bump(reasons, typeof e.data?.reason === 'string' ? e.data.reason : 'unknown');
    }
    const d = day(e.at);
    if (e.type === 'answer_helpful') {
      helpful++;
      if (d) d.helpful++;
    }
    if (e.type === 'answer_unhelpful') {
      unhelpful++;
      if (d) d.unhelpful++;
    }
    if (e.caseId && (FOLLOW_UP_CONFIRMED_TYPES.includes(e.type) || (e.type === 'follow_up_answered' && e.data?.held === true))) confirmed.add(e.caseId);
  }
  for (const [date, convs] of dayConversations) {
    const d = series.get(date);
    if (!d) continue;
    const handoffs = dayHandoffs.get(date) ?? new Set();
    d.conversations = convs.size;
    d.handoffs = handoffs.size;
    d.contained = [...convs].filter((c) => !handoffs.has(c)).length;
  }

  const opened = input.cases.filter((c) => inWindow(c.createdAt));
  const resolved = input.cases.filter((c) => inWindow(c.resolvedAt) && resolvedBy(c));
  const byBot = resolved.filter((c) => resolvedBy(c) === 'bot');
  for (const c of byBot) day(c.resolvedAt!)!.resolvedByBot++;
  const sentiments: number[] = [];
  const daySentiments = new Map<string, number[]>();
  for (const c of opened) {
    sentiments.push(...c.summary.sentimentTrend);
    const list = daySentiments.get(dayOf(c.createdAt)) ?? [];
    daySentiments.set(dayOf(c.createdAt), [...list, ...c.summary.sentimentTrend]);
  }
  for (const [date, values] of daySentiments) if (series.get(date)) series.get(date)!.sentiment = mean(values);

  const durable = durableResolutions(resolved, input.cases, confirmed, now);
  return {
    window: { from: from.toISOString(), to: to.toISOString() },
    conversations: conversations.size,
    contained: { count: conversations.size - handedOff.size, rate: rate(conversations.size - handedOff.size, conversations.size) },
    handoffs: { count: handedOff.size, rate: rate(handedOff.size, conversations.size), reasons },
    cases: { opened: opened.length, resolvedByBot: byBot.length, resolvedByAgent: resolved.length - byBot.length, botResolutionRate: rate(opened.filter((c) => resolvedBy(c) === 'bot').length, opened.length) },
    durableResolution: durable,
    timeToClaim: durationStats(input.cases.filter((c) => inWindow(c.claimedAt)).map((c) => between(c.queuedAt ?? c.createdAt, c.claimedAt))),
    timeToResolve: {
      agent: durationStats(resolved.filter((c) => resolvedBy(c) === 'agent').map((c) => between(c.queuedAt ?? c.createdAt, c.resolvedAt))),
      bot: durationStats(byBot.map((c) => between(c.createdAt, c.resolvedAt))),
    },
    ...caseBreakdowns(opened, resolvedBy),
    satisfaction: { helpful, unhelpful, helpfulRate: rate(helpful, helpful + unhelpful) },
    sentiment: { messages: sentiments.length, mean: mean(sentiments) },
    series: [...series.values()],
  };
}

function durableResolutions(resolved: readonly Case[], all: readonly Case[], confirmed: Set<string>, now: Date): AnalyticsReport['durableResolution'] {
  let durable = 0;
  let eligible = 0;
  let pending = 0;
  for (const c of resolved) {
    const at = Date.parse(c.resolvedAt!);
    if (at + RECONTACT_WINDOW_MS > now.getTime()) {
      pending++;
      continue;
    }
    eligible++;
    const recontact = all.some((o) => o.id !== c.id && o.userId === c.userId && Date.parse(o.createdAt) > at && Date.parse(o.createdAt) <= at + RECONTACT_WINDOW_MS);
    if (confirmed.has(c.id) && !recontact) durable++;
  }
  return { durable, eligible, pending, rate: rate(durable, eligible) };
}

function blankDay(date: string): DayFigures {
  return { date, conversations: 0, contained: 0, handoffs: 0, resolvedByBot: 0, helpful: 0, unhelpful: 0, sentiment: null };
}
