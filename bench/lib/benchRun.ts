import { chooseThreshold, computeMetrics, type LabeledText } from '../../src/nlu';
import { ProgressBar } from '../../src/cli/eval/progress';
import { percentile, scoreRows } from '../../src/cli/eval/runner';
import { stratifiedHalves } from '../../src/cli/eval/splits';
import type { BenchSystem } from './systems';

/** One row of the benchmark table. */
export interface BenchRow {
  dataset: string;
  system: string;
  /** On the full val split, no rejection. */
  inScopeAccuracyNoRejection: number;
  /** On the evaluation half of val, at the threshold chosen on the tuning half. */
  inScopeAccuracy: number;
  oosRecall: number;
  oosPrecision: number;
  macroF1: number;
  threshold: number;
  trainMs: number;
  latencyP50Us: number;
  latencyP99Us: number;
}

/**
 * Protocol: train on train.json only; predict all of val.json; split val deterministically and stratified
 * into a tuning half (threshold chosen there) and an evaluation half (metrics measured there).
 */
export async function runBench(dataset: string, train: LabeledText[], val: LabeledText[], system: BenchSystem, bar: ProgressBar): Promise<BenchRow> {
  const started = performance.now();
  const predictor = await system.train(train, (f) => bar.update(`${dataset}: train ${system.name}`, f));
  const trainMs = performance.now() - started;
  bar.done();
  // Warm up (JIT) on a few training rows, as a running server is, before latency is measured.
  for (const row of train.slice(0, 50)) await predictor.predict(row.text);
  const { tune, evaluate } = stratifiedHalves(val);
  const tuneRun = await scoreRows(predictor, tune, (f) => bar.update(`${dataset}: predict ${system.name}`, f / 2));
  const evalRun = await scoreRows(predictor, evaluate, (f) => bar.update(`${dataset}: predict ${system.name}`, 0.5 + f / 2));
  bar.done();
  const threshold = chooseThreshold(tuneRun.points);
  const atThreshold = computeMetrics(evalRun.points, threshold);
  const noRejection = computeMetrics([...tuneRun.points, ...evalRun.points], 0);
  const latencies = [...tuneRun.latenciesUs, ...evalRun.latenciesUs];
  return {
    dataset,
    system: system.name,
    inScopeAccuracyNoRejection: noRejection.inScopeAccuracyNoRejection,
    inScopeAccuracy: atThreshold.inScopeAccuracy,
    oosRecall: atThreshold.oosRecall,
    oosPrecision: atThreshold.oosPrecision,
    macroF1: atThreshold.macroF1,
    threshold,
    trainMs,
    latencyP50Us: percentile(latencies, 50),
    latencyP99Us: percentile(latencies, 99),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The benchmark table as Markdown. */
export function formatTable(rows: BenchRow[]): string {
  const head = ['dataset', 'system', 'in-scope acc (no rejection, val)', 'in-scope acc @thr', 'OOS recall', 'OOS precision', 'macro F1', 'threshold', 'train', 'p50', 'p99'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[
      r.dataset, r.system, pct(r.inScopeAccuracyNoRejection), pct(r.inScopeAccuracy), pct(r.oosRecall), pct(r.oosPrecision),
      pct(r.macroF1), r.threshold.toFixed(3), `${(r.trainMs / 1000).toFixed(1)} s`, `${r.latencyP50Us.toFixed(0)} µs`, `${r.latencyP99Us.toFixed(0)} µs`,
    ].join(' | ')} |`);
  }
  return lines.join('\n');
}
