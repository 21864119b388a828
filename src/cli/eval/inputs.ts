import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '../../knowledge';
import { trainingRows } from '../../nlu';
import { loadKnowledgeBaseFromDir } from '../../storage/knowledgeFiles';
import type { EvalInput } from './evaluate';
import { parseLabeledRows } from './runner';
import { stratifiedFolds } from './splits';

/** Reads a {text, intent}[] JSON file. */
export async function readRows(file: string) {
  return parseLabeledRows(await readFile(file, 'utf8'), file);
}

const HOLDOUT_FOLDS = 5;

/**
 * The shipped KB as an evaluation: its intent utterances and FAQ questions, one stratified fifth held
 * out as the test set (labels with fewer than five examples are trained only).
 */
export async function knowledgeBaseInput(dir: string = join(__dirname, '..', '..', '..', 'knowledge')): Promise<EvalInput> {
  const loaded = await loadKnowledgeBaseFromDir(dir);
  if (!loaded.ok) throw new Error(`the knowledge base in ${dir} does not load:\n${loaded.errors.map(formatProblem).join('\n')}`);
  const folds = stratifiedFolds(trainingRows(loaded.value), HOLDOUT_FOLDS);
  return { test: folds[HOLDOUT_FOLDS - 1], train: folds.slice(0, HOLDOUT_FOLDS - 1).flat() };
}
