/** One scored prediction: the best in-scope intent and its confidence (0 when the model itself says out of scope). */
export interface ScoredPrediction {
  gold: string;
  predicted: string;
  confidence: number;
}

/** The metrics of issue 2 (rates are fractions in [0,1]). */
export interface EvalMetrics {
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
  oosPrecision: number;
  inScopeAccuracyNoRejection: number;
  macroF1: number;
  /** Most frequent (gold -> predicted) errors, at the threshold. */
  confusedPairs: { gold: string; predicted: string; count: number }[];
}

/** The label a prediction gets at a threshold. */
export function labelAt(p: ScoredPrediction, threshold: number, oosLabel = 'oos'): string {
  return p.confidence < threshold || p.confidence === 0 ? oosLabel : p.predicted;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** In-scope accuracy, OOS recall and precision, macro F1 and confusions at one threshold. */
export function computeMetrics(points: ScoredPrediction[], threshold: number, oosLabel = 'oos'): EvalMetrics {
  const tp = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const confusions = new Map<string, number>();
  let inScope = 0, inScopeCorrect = 0, inScopeCorrectNoRejection = 0, oosGold = 0, oosHit = 0, oosPredicted = 0;
  for (const p of points) {
    const label = labelAt(p, threshold, oosLabel);
    goldCount.set(p.gold, (goldCount.get(p.gold) ?? 0) + 1);
    predictedCount.set(label, (predictedCount.get(label) ?? 0) + 1);
    if (label === p.gold) tp.set(label, (tp.get(label) ?? 0) + 1);
    else {
      const key = `${p.gold}\u0000${label}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (label === oosLabel) oosPredicted += 1;
    if (p.gold === oosLabel) {
      oosGold += 1;
      if (label === oosLabel) oosHit += 1;
    } else {
      inScope += 1;
      if (label === p.gold) inScopeCorrect += 1;
      if (p.predicted === p.gold) inScopeCorrectNoRejection += 1;
    }
  }
  let f1Sum = 0;
  for (const [label, gold] of goldCount) {
    const hits = tp.get(label) ?? 0;
    const precision = ratio(hits, predictedCount.get(label) ?? 0);
    const recall = ratio(hits, gold);
    f1Sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const confusedPairs = [...confusions]
    .map(([key, count]) => {
      const [gold, predicted] = key.split('\u0000');
      return { gold, predicted, count };
    })
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, 10);
  return {
    threshold,
    inScopeAccuracy: ratio(inScopeCorrect, inScope),
    oosRecall: ratio(oosHit, oosGold),
    oosPrecision: ratio(oosHit, oosPredicted),
    inScopeAccuracyNoRejection: ratio(inScopeCorrectNoRejection, inScope),
    macroF1: ratio(f1Sum, goldCount.size),
    confusedPairs,
  };
}
