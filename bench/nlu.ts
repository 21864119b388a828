/**
 * NLU benchmark (issue 2 item 10): this engine, natural's BayesClassifier and nlp.js side by side on
 * CLINC150 and its travel subset. Usage: npm run bench:nlu [-- --datasets clinc150,clinc150-travel]
 * [--systems rebound,bayes,nlpjs] [--json]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProgressBar } from '../src/cli/eval/progress';
import { parseLabeledRows } from '../src/cli/eval/runner';
import { formatTable, runBench, type BenchRow } from './lib/benchRun';
import { naturalBayesSystem, nlpJsSystem, reboundSystem, type BenchSystem } from './lib/systems';

const DATASETS_DIR = join(__dirname, '..', '..', 'shared', 'datasets');
const SYSTEMS: Record<string, BenchSystem> = { rebound: reboundSystem, bayes: naturalBayesSystem, nlpjs: nlpJsSystem };

function load(dataset: string, split: string) {
  const file = join(DATASETS_DIR, dataset, `${split}.json`);
  return parseLabeledRows(readFileSync(file, 'utf8'), file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      datasets: { type: 'string', default: 'clinc150,clinc150-travel' },
      systems: { type: 'string', default: 'rebound,bayes,nlpjs' },
      json: { type: 'boolean', default: false },
    },
  });
  const systems = values.systems.split(',').map((name) => {
    const system = SYSTEMS[name.trim()];
    if (!system) throw new Error(`unknown system "${name}" (known: ${Object.keys(SYSTEMS).join(', ')})`);
    return system;
  });
  const bar = new ProgressBar(process.stderr, true);
  const rows: BenchRow[] = [];
  for (const dataset of values.datasets.split(',').map((d) => d.trim())) {
    const train = load(dataset, 'train');
    const val = load(dataset, 'val');
    for (const system of systems) rows.push(await runBench(dataset, train, val, system, bar));
  }
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log('Protocol: train on train.json only; predict val.json; the OOS threshold is chosen on a deterministic stratified half');
  console.log('of val (even rows of each label) by the same policy for every system (highest in-scope accuracy with OOS recall >= 80%),');
  console.log('and "@thr" metrics are measured on the other half. "no rejection" is on the full val. Latency per utterance, one core.');
  console.log(`Rerun: npm run bench:nlu -- --datasets ${values.datasets} --systems ${values.systems}`);
  if (values.json) console.log(JSON.stringify(rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
