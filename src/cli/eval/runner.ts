import type { LabeledText, ScoredPrediction } from '../../nlu';

/** Anything that predicts the best in-scope intent and a confidence for a text (ours, or a baseline). */
export interface Predictor {
  predict(text: string): { intent: string; confidence: number } | Promise<{ intent: string; confidence: number }>;
}

/** Predictions of a predictor on labelled rows, with per-utterance latency in microseconds. */
export interface ScoredRun {
  points: ScoredPrediction[];
  latenciesUs: number[];
}

/** Predicts every row, timing each call; `onProgress` gets fractions in [0,1]. */
export async function scoreRows(predictor: Predictor, rows: LabeledText[], onProgress?: (fraction: number) => void): Promise<ScoredRun> {
  const points: ScoredPrediction[] = [];
  const latenciesUs: number[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const start = process.hrtime.bigint();
    const result = predictor.predict(rows[i].text);
    const { intent, confidence } = result instanceof Promise ? await result : result;
    latenciesUs.push(Number(process.hrtime.bigint() - start) / 1000);
    points.push({ gold: rows[i].intent, predicted: intent, confidence });
    if (i % 50 === 0) onProgress?.(i / rows.length);
  }
  onProgress?.(1);
  return { points, latenciesUs };
}

/** The p-th percentile (0..100) of values (nearest rank); 0 for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Reads a JSON array of {text, intent} rows, with a clear error for anything else. */
export function parseLabeledRows(json: string, source: string): LabeledText[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${source}: expected a JSON array of {"text", "intent"} objects`);
  return data.map((row: unknown, i) => {
    const r = row as { text?: unknown; intent?: unknown };
    if (typeof r?.text !== 'string' || typeof r?.intent !== 'string' || r.intent.length === 0) {
      throw new Error(`${source}: row ${i} is not a {"text": string, "intent": string} object`);
    }
    return { text: r.text, intent: r.intent };
  });
}
