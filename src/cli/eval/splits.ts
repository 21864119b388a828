import type { LabeledText } from '../../nlu';

/** Groups rows by label, keeping file order inside each label. */
function byLabel(rows: LabeledText[]): LabeledText[][] {
  const groups = new Map<string, LabeledText[]>();
  for (const row of rows) {
    const group = groups.get(row.intent);
    if (group) group.push(row);
    else groups.set(row.intent, [row]);
  }
  return [...groups.values()];
}

/**
 * Deterministic stratified split into k folds: inside each label, row i goes to fold i mod k.
 * No randomness, so anyone rerunning gets the same folds.
 */
export function stratifiedFolds(rows: LabeledText[], k: number): LabeledText[][] {
  const folds: LabeledText[][] = Array.from({ length: k }, () => []);
  for (const group of byLabel(rows)) group.forEach((row, i) => folds[i % k].push(row));
  return folds;
}

/** Two stratified halves (tuning, evaluation): even rows of each label, then odd rows. */
export function stratifiedHalves(rows: LabeledText[]): { tune: LabeledText[]; evaluate: LabeledText[] } {
  const [tune, evaluate] = stratifiedFolds(rows, 2);
  return { tune, evaluate };
}
