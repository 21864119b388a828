import type { ConversationRun } from './run';

/** The figures of one set of conversations (docs/conversation-tests.md, "Metrics"). */
export interface SetMetrics {
  conversations: number;
  turns: number;
  /** Turns that expect an act or a topic, and those whose act and topic both held. */
  judged: number;
  understood: number;
  factsAskedAgain: number;
  unexpectedFallbacks: number;
  unfilledPlaceholders: number;
  handoffsDue: number;
  handoffsDone: number;
  /** Conversations without a due handoff, and those that handed over all the same. */
  handoffsNotDue: number;
  unwantedHandoffs: number;
  checks: number;
  checksFailed: number;
  /** Conversations whose every check held. */
  conversationsPassed: number;
}

/** The figures of a set from its runs. */
export function setMetrics(runs: readonly ConversationRun[]): SetMetrics {
  const turns = runs.flatMap((r) => r.turns);
  const checks = turns.reduce((n, t) => n + countChecks(t.turn.expect), 0);
  return {
    conversations: runs.length,
    turns: turns.length,
    judged: turns.filter((t) => t.check.understood !== undefined).length,
    understood: turns.filter((t) => t.check.understood === true).length,
    factsAskedAgain: turns.reduce((n, t) => n + t.askedAgain.length, 0),
    unexpectedFallbacks: turns.filter((t) => t.unexpectedFallback).length,
    unfilledPlaceholders: turns.reduce((n, t) => n + t.placeholders.length, 0),
    handoffsDue: runs.reduce((n, r) => n + r.handoffDue, 0),
    handoffsDone: runs.reduce((n, r) => n + r.handoffDone, 0),
    handoffsNotDue: runs.filter((r) => r.handoffDue === 0).length,
    unwantedHandoffs: runs.filter((r) => r.unwantedHandoff).length,
    checks,
    checksFailed: turns.reduce((n, t) => n + t.check.failures.length, 0),
    conversationsPassed: runs.filter((r) => r.turns.every((t) => t.check.failures.length === 0 && t.askedAgain.length === 0 && t.placeholders.length === 0)).length,
  };
}

function countChecks(expect: ConversationRun['turns'][number]['turn']['expect']): number {
  if (!expect) return 0;
  return (expect.act || expect.topic ? 1 : 0) + Object.keys(expect.facts ?? {}).length + (expect.asks ? 1 : 0) + (expect.says?.length ?? 0) + (expect.never?.length ?? 0)
    + (expect.handoff !== undefined ? 1 : 0) + (expect.priority ? 1 : 0) + (expect.fallback ? 1 : 0);
}

/** A share as a percentage with one decimal ("–" for 0 of 0). */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The minimum figures a set must reach (eval:conversations --floor). */
export interface Floor {
  understood: number;
  factsAskedAgain: number;
  unfilledPlaceholders: number;
  handoffsDone: number;
  unwantedHandoffs: number;
}

/** What falls short of the floor, in words (empty: the set passes). */
export function belowFloor(m: SetMetrics, floor: Floor): string[] {
  const out: string[] = [];
  const share = (a: number, b: number) => (b === 0 ? 1 : a / b);
  if (share(m.understood, m.judged) < floor.understood) out.push(`turns understood ${pct(m.understood, m.judged)} < ${(floor.understood * 100).toFixed(1)}%`);
  if (m.factsAskedAgain > floor.factsAskedAgain) out.push(`facts asked again ${m.factsAskedAgain} > ${floor.factsAskedAgain}`);
  if (m.unfilledPlaceholders > floor.unfilledPlaceholders) out.push(`unfilled placeholders ${m.unfilledPlaceholders} > ${floor.unfilledPlaceholders}`);
  if (share(m.handoffsDone, m.handoffsDue) < floor.handoffsDone) out.push(`handoffs done ${pct(m.handoffsDone, m.handoffsDue)} < ${(floor.handoffsDone * 100).toFixed(1)}%`);
  if (share(m.unwantedHandoffs, m.handoffsNotDue) > floor.unwantedHandoffs) out.push(`handoffs not due ${pct(m.unwantedHandoffs, m.handoffsNotDue)} > ${(floor.unwantedHandoffs * 100).toFixed(1)}%`);
  return out;
}

/** The per-set table in Markdown. */
export function metricsTable(rows: Array<[string, SetMetrics]>): string {
  const head = '| set | conversations | turns | turns understood | facts asked again | fallbacks | unfilled placeholders | handoffs due: done | handoffs not due | checks failed | conversations passed |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(([set, m]) =>
    `| ${set} | ${m.conversations} | ${m.turns} | ${m.understood}/${m.judged} (${pct(m.understood, m.judged)}) | ${m.factsAskedAgain} | ${m.unexpectedFallbacks} | ${m.unfilledPlaceholders} | ${m.handoffsDone}/${m.handoffsDue} (${pct(m.handoffsDone, m.handoffsDue)}) | ${m.unwantedHandoffs}/${m.handoffsNotDue} (${pct(m.unwantedHandoffs, m.handoffsNotDue)}) | ${m.checksFailed}/${m.checks} | ${m.conversationsPassed}/${m.conversations} |`,
  );
  return [head, sep, ...lines].join('\n');
}
