import type { EvalOutcome } from './evaluate';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The human-readable summary of an evaluation. */
export function formatOutcome(o: EvalOutcome): string {
  const m = o.metrics;
  const hasOos = o.points.some((p) => p.gold === 'oos');
  const oosPct = (x: number): string => (hasOos ? pct(x) : 'n/a (no out-of-scope test rows)');
  const lines = [
    `Trained on ${o.counts.train} examples (${o.counts.intents} intents), tested on ${o.counts.test}.`,
    `Out-of-scope threshold ${m.threshold.toFixed(3)} (chosen by ${o.thresholdSource}).`,
    '',
    `  in-scope accuracy            ${pct(m.inScopeAccuracy)}`,
    `  in-scope accuracy (no reject) ${pct(m.inScopeAccuracyNoRejection)}`,
    `  out-of-scope recall          ${oosPct(m.oosRecall)}`,
    `  out-of-scope precision       ${oosPct(m.oosPrecision)}`,
    `  macro F1                     ${pct(m.macroF1)}`,
    `  training time                ${(o.trainMs / 1000).toFixed(2)} s`,
    `  latency p50 / p99            ${o.latencyP50Us.toFixed(0)} µs / ${o.latencyP99Us.toFixed(0)} µs`,
    '',
    'Most confused (expected -> predicted):',
    ...(m.confusedPairs.length === 0 ? ['  none'] : m.confusedPairs.map((p) => `  ${String(p.count).padStart(4)}  ${p.gold} -> ${p.predicted}`)),
  ];
  return lines.join('\n');
}
