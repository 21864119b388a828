import { ScoredPrediction, labelAt } from './evaluation';

/** How the out-of-scope threshold is chosen on tuning data. */
export interface ThresholdPolicy {
  /**
   * With out-of-scope examples: the highest in-scope accuracy among thresholds whose OOS recall reaches
   * this target (an operating point the owner can state: "catch this share of off-topic messages").
   * When no threshold reaches it, the one maximising in-scope accuracy + OOS recall.
   */
  minOosRecall: number;
  /** Without out-of-scope examples: reject at most this share of the correctly classified in-scope examples. */
  maxInScopeRejection: number;
  oosLabel: string;
}

/** Defaults of `chooseThreshold`. */
export const DEFAULT_THRESHOLD_POLICY: ThresholdPolicy = { minOosRecall: 0.8, maxInScopeRejection: 0.03, oosLabel: 'oos' };

/** Picks the out-of-scope confidence threshold on tuning predictions (see `ThresholdPolicy`). */
export function chooseThreshold(points: ScoredPrediction[], policy: Partial<ThresholdPolicy> = {}): number {
  const { minOosRecall, maxInScopeRejection, oosLabel } = { ...DEFAULT_THRESHOLD_POLICY, ...policy };
  const inScope = points.filter((p) => p.gold !== oosLabel);
  const oos = points.filter((p) => p.gold === oosLabel);
  if (inScope.length === 0) return 0.5;
  if (oos.length === 0) {
    const correct = inScope.filter((p) => p.predicted === p.gold).map((p) => p.confidence).sort((a, b) => a - b);
    if (correct.length === 0) return 0;
    return correct[Math.floor(correct.length * maxInScopeRejection)];
  }
  // Every distinct confidence is a candidate threshold; 0 means "never reject".
  const candidates = [0, ...new Set(points.map((p) => p.confidence))].sort((a, b) => a - b);
  let bestConstrained: { t: number; acc: number } | null = null;
  let bestSum = { t: 0, sum: -1 };
  for (const t of candidates) {
    const acc = inScope.filter((p) => labelAt(p, t, oosLabel) === p.gold).length / inScope.length;
    const recall = oos.filter((p) => labelAt(p, t, oosLabel) === oosLabel).length / oos.length;
    if (recall >= minOosRecall && (bestConstrained === null || acc > bestConstrained.acc)) bestConstrained = { t, acc };
    if (acc + recall > bestSum.sum) bestSum = { t, sum: acc + recall };
  }
  return bestConstrained?.t ?? bestSum.t;
}
