/**
 * Knowledge-base scale benchmark (issue 8 item 5): NLU + FAQ search latency p50/p99, start-up (train = cold,
 * restore from the model cache = warm) and RSS at 100 to 100,000 FAQ entries (the shipped ones, then generated
 * travel questions). Each size runs in a child process so its RSS is its own. Then the event loop's longest stall
 * while the model cache retrains the shipped KB in process (the old path) and in a worker thread (the app's).
 * Usage: npm run bench:kb [-- --sizes 100,1000,10000,100000] [--retrain-only] [--json]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProgressBar } from '../src/cli/eval/progress';
import { measureKbScale, type KbScaleResult } from './lib/kbScale';
import { measureRetrainStall, type RetrainMode, type RetrainStallResult } from './lib/retrainStall';

const KB_DIR = join(__dirname, '..', 'knowledge');

function runChild(entries: number, bar: ProgressBar): Promise<KbScaleResult> {
  return new Promise((resolve, reject) => {
    // The parent's execArgv carries tsx's loader, so the child runs this TypeScript file too.
    const child = fork(__filename, ['--child', String(entries)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let result: KbScaleResult | null = null;
    child.on('message', (m: { progress?: number; label?: string; result?: KbScaleResult }) => {
      if (m.result) result = m.result;
      else bar.update(`${entries.toLocaleString('en')} entries: ${m.label}`, m.progress ?? 0);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      bar.done();
      if (result) resolve(result);
      else reject(new Error(`the ${entries}-entry run failed (exit ${code})`));
    });
  });
}

/** Retrains the shipped KB one way in a child process of its own (no JIT warmed by the other way). */
function runRetrainChild(mode: RetrainMode): Promise<RetrainStallResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--retrain-child', mode], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let result: RetrainStallResult | null = null;
    child.on('message', (m: { retrain?: RetrainStallResult }) => {
      if (m.retrain) result = m.retrain;
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the ${mode} retraining failed (exit ${code})`))));
  });
}

function scaleTable(rows: KbScaleResult[]): string {
  const head = ['entries', 'FAQ scoring', 'p50 ms', 'p99 ms', 'max ms', 'train s (cold)', 'restore s (warm)', 'hash s', 'model MB', 'RSS MB', 'top-1 acc', 'off-topic rejected'];
  return table(head, rows.map((r) => [
    r.entries.toLocaleString('en'), r.mode, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), r.maxMs.toFixed(1), (r.trainMs / 1000).toFixed(2), (r.restoreMs / 1000).toFixed(2),
    (r.hashMs / 1000).toFixed(2), r.modelMb.toFixed(1), r.rssMb.toFixed(0), `${(r.accuracy * 100).toFixed(1)}%`, `${(r.oosRejected * 100).toFixed(0)}%`,
  ]));
}

function retrainTable(rows: RetrainStallResult[]): string {
  const head = ['retraining the shipped KB', 'longest event-loop stall ms', 'p99 stall ms', 'retrain s (wall)', 'main-thread restore ms'];
  return table(head, rows.map((r) => [r.mode, r.maxStallMs.toFixed(0), r.p99StallMs.toFixed(0), (r.wallMs / 1000).toFixed(2), r.restoreMs.toFixed(0)]));
}

function table(head: string[], lines: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,10000,100000' },
      'retrain-only': { type: 'boolean', default: false },
      child: { type: 'string' },
      'retrain-child': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const result = await measureKbScale(KB_DIR, Number(values.child), (progress, label) => process.send?.({ progress, label }));
    process.send?.({ result }, () => process.exit(0));
    return;
  }
  if (values['retrain-child']) {
    const retrain = await measureRetrainStall(KB_DIR, values['retrain-child'] as RetrainMode);
    process.send?.({ retrain }, () => process.exit(0));
    return;
  }
  if (!values['retrain-only']) {
    const rows: KbScaleResult[] = [];
    const bar = new ProgressBar(process.stderr, true);
    for (const size of values.sizes.split(',').map((s) => Number(s.trim()))) rows.push(await runChild(size, bar));
    printScale(rows, values.sizes);
    if (values.json) console.log(JSON.stringify(rows));
  }
  console.error('retraining the shipped KB in process, then in a worker thread...');
  const retrain = [await runRetrainChild('in process'), await runRetrainChild('worker thread')];
  console.log('');
  console.log(retrainTable(retrain));
  console.log('');
  console.log('Stall: the event loop\'s longest delay (monitorEventLoopDelay, 10 ms resolution) while NluModelCache.engineFor() retrains');
  console.log('the shipped KB with a cold cache, as after an owner\'s publish: the longest a traveller\'s message would wait. In a worker');
  console.log('thread, what is left on the main thread is restoring the trained model (restoreNluEngine); each way in a child process of its own.');
  console.log('Rerun: npm run bench:kb -- --retrain-only');
  if (values.json) console.log(JSON.stringify(retrain));
}

function printScale(rows: KbScaleResult[], sizes: string): void {
  console.log('');
  console.log(scaleTable(rows));
  console.log('');
  console.log('Latency: one engine.understand() (classifier + FAQ retrieval + verdict) per query, one core, after 100 warm-up queries;');
  console.log('queries = held-out paraphrases and typo\'d forms of up to 500 entries + the first question of each shipped entry + off-topic messages.');
  console.log('train = cold start (createNluEngine); restore = warm start from the serialised model (JSON.parse + restoreNluEngine, index rebuilt).');
  console.log('Targets: 10,000 entries p99 < 5 ms, warm start < 3 s, RSS < 300 MB; 100,000 entries p99 < 20 ms.');
  console.log(`Rerun: npm run bench:kb -- --sizes ${sizes}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
