import type { Case } from '../handoff';
import { rate } from './analyticsStats';

/** Outcomes of the cases of one problem. */
export interface ProblemFigures {
  problemId: string;
  cases: number;
  resolvedByBot: number;
  resolvedByAgent: number;
  handedOff: number;
  /** Share of its cases the bot resolved. */
  botResolutionRate: number | null;
  /** Share of its cases resolved by anyone. */
  resolutionRate: number | null;
}

/** How often the steps of one strategy (S1-S6) worked when the traveller said. */
export interface StrategyFigures {
  strategy: string;
  succeeded: number;
  failed: number;
  successRate: number | null;
}

/** How often one playbook step worked. */
export interface StepFigures extends StrategyFigures {
  problemId: string;
  stepId: string;
}

/** Outcomes per problem, per strategy and per playbook step of a set of cases. */
export function caseBreakdowns(cases: readonly Case[], resolvedBy: (c: Case) => 'bot' | 'agent' | null): { problems: ProblemFigures[]; strategies: StrategyFigures[]; steps: StepFigures[] } {
  const problems = new Map<string, ProblemFigures>();
  const strategies = new Map<string, StrategyFigures>();
  const steps = new Map<string, StepFigures>();
  for (const c of cases) {
    const problemId = c.summary.problemId ?? '(none)';
    const p = problems.get(problemId) ?? { problemId, cases: 0, resolvedByBot: 0, resolvedByAgent: 0, handedOff: 0, botResolutionRate: null, resolutionRate: null };
    p.cases++;
    const by = resolvedBy(c);
    if (by === 'bot') p.resolvedByBot++;
    if (by === 'agent') p.resolvedByAgent++;
    if (c.queuedAt || c.handoffReason) p.handedOff++;
    problems.set(problemId, p);
    for (const s of c.summary.steps) {
      if (s.outcome !== 'succeeded' && s.outcome !== 'failed') continue;
      const st = strategies.get(s.strategy) ?? { strategy: s.strategy, succeeded: 0, failed: 0, successRate: null };
      const key = `${problemId}\u0000${s.stepId}`;
      const sp = steps.get(key) ?? { problemId, stepId: s.stepId, strategy: s.strategy, succeeded: 0, failed: 0, successRate: null };
      for (const f of [st, sp]) f[s.outcome]++;
      strategies.set(s.strategy, st);
      steps.set(key, sp);
    }
  }
  for (const p of problems.values()) {
    p.botResolutionRate = rate(p.resolvedByBot, p.cases);
    p.resolutionRate = rate(p.resolvedByBot + p.resolvedByAgent, p.cases);
  }
  for (const f of [...strategies.values(), ...steps.values()]) f.successRate = rate(f.succeeded, f.succeeded + f.failed);
  return {
    problems: [...problems.values()].sort((a, b) => b.cases - a.cases || a.problemId.localeCompare(b.problemId)),
    strategies: [...strategies.values()].sort((a, b) => a.strategy.localeCompare(b.strategy)),
    steps: [...steps.values()].sort((a, b) => a.problemId.localeCompare(b.problemId) || b.succeeded + b.failed - (a.succeeded + a.failed)),
  };
}
