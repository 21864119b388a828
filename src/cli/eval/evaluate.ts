import { chooseThreshold, computeMetrics, IntentClassifier, type EvalMetrics, type LabeledText, type ScoredPrediction } from '../../nlu';
import { percentile, scoreRows } from './runner';
import { stratifiedFolds } from './splits';

/** Inputs of one evaluation. */
export interface EvalInput {
  train: LabeledText[];
  test: LabeledText[];
  val?: LabeledText[];
}

/** Everything `npm run eval` reports. */
export interface EvalOutcome {
  metrics: EvalMetrics;
  thresholdSource: 'val' | 'cross-validation';
  trainMs: number;
  latencyP50Us: number;
  latencyP99Us: number;
  points: ScoredPrediction[];
  counts: { train: number; test: number; val: number; intents: number };
}

type Progress = (label: string, fraction: number) => void;

const CV_FOLDS = 3;
const WARM_UP = 50;

/** Threshold from k-fold cross-validation on the training data alone (no val given). */
async function crossValidatedThreshold(train: LabeledText[], progress: Progress): Promise<number> {
  const folds = stratifiedFolds(train, CV_FOLDS);
  const points: ScoredPrediction[] = [];
  for (let k = 0; k < CV_FOLDS; k += 1) {
    const rest = folds.filter((_, i) => i !== k).flat();
    const label = `threshold: fold ${k + 1}/${CV_FOLDS}`;
    const model = IntentClassifier.train(rest, {}, (f) => progress(label, f * 0.8));
    points.push(...(await scoreRows(model, folds[k], (f) => progress(label, 0.8 + f * 0.2))).points);
  }
  return chooseThreshold(points);
}

/**
 * Trains the engine's classifier on `train`, picks the out-of-scope threshold on `val` (else by
 * cross-validation on `train`), then measures `test`.
 */
export async function evaluate(input: EvalInput, progress: Progress): Promise<EvalOutcome> {
  const started = performance.now();
  const model = IntentClassifier.train(input.train, {}, (f) => progress('train', f));
  const trainMs = performance.now() - started;
  let threshold: number;
  if (input.val && input.val.length > 0) {
    threshold = chooseThreshold((await scoreRows(model, input.val, (f) => progress('threshold on val', f))).points);
  } else {
    threshold = await crossValidatedThreshold(input.train, progress);
  }
  // A server is warm when it answers; so is the model before the latency is measured.
  for (const row of input.train.slice(0, WARM_UP)) model.predict(row.text);
  const run = await scoreRows(model, input.test, (f) => progress('predict test', f));
  return {
    metrics: computeMetrics(run.points, threshold),
    thresholdSource: input.val && input.val.length > 0 ? 'val' : 'cross-validation',
    trainMs,
    latencyP50Us: percentile(run.latenciesUs, 50),
    latencyP99Us: percentile(run.latenciesUs, 99),
    points: run.points,
    counts: { train: input.train.length, test: input.test.length, val: input.val?.length ?? 0, intents: model.intents.length },
  };
}

/** The --json object (rates are fractions in [0,1]). */
export function toJson(outcome: EvalOutcome): Record<string, unknown> {
  const { metrics: m } = outcome;
  return {
    inScopeAccuracy: m.inScopeAccuracy,
    oosRecall: m.oosRecall,
    oosPrecision: m.oosPrecision,
    inScopeAccuracyNoRejection: m.inScopeAccuracyNoRejection,
    macroF1: m.macroF1,
    threshold: m.threshold,
    thresholdSource: outcome.thresholdSource,
    trainMs: Math.round(outcome.trainMs),
    latencyP50Us: Math.round(outcome.latencyP50Us * 10) / 10,
    latencyP99Us: Math.round(outcome.latencyP99Us * 10) / 10,
    confusedPairs: m.confusedPairs,
    counts: outcome.counts,
  };
}
