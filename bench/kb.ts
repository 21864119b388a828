/**
 * Knowledge-base scale benchmark (issue 8 item 5): NLU + FAQ search latency p50/p99, start-up (train = cold,
 * restore from the model cache = warm) and RSS at 100 to 100,000 FAQ entries (the shipped ones, then generated
 * travel questions). Each size runs in a child process so its RSS is its own.
 * Usage: npm run bench:kb [-- --sizes 100,1000,10000,100000] [--json]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProgressBar } from '../src/cli/eval/progress';
import { measureKbScale, type KbScaleResult } from './lib/kbScale';

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

function table(rows: KbScaleResult[]): string {
  const head = ['entries', 'FAQ scoring', 'p50 ms', 'p99 ms', 'max ms', 'train s (cold)', 'restore s (warm)', 'hash s', 'model MB', 'RSS MB', 'top-1 acc', 'off-topic rejected'];
  const lines = rows.map((r) => [
    r.entries.toLocaleString('en'), r.mode, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), r.maxMs.toFixed(1), (r.trainMs / 1000).toFixed(2), (r.restoreMs / 1000).toFixed(2),
    (r.hashMs / 1000).toFixed(2), r.modelMb.toFixed(1), r.rssMb.toFixed(0), `${(r.accuracy * 100).toFixed(1)}%`, `${(r.oosRejected * 100).toFixed(0)}%`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,10000,100000' }, child: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.child) {
    const result = await measureKbScale(KB_DIR, Number(values.child), (progress, label) => process.send?.({ progress, label }));
    process.send?.({ result }, () => process.exit(0));
    return;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const bar = new ProgressBar(process.stderr, true);
  const rows: KbScaleResult[] = [];
  for (const size of sizes) rows.push(await runChild(size, bar));
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log('Latency: one engine.understand() (classifier + FAQ retrieval + verdict) per query, one core, after 100 warm-up queries;');
  console.log('queries = held-out paraphrases and typo\'d forms of up to 500 entries + the first question of each shipped entry + off-topic messages.');
  console.log('train = cold start (createNluEngine); restore = warm start from the serialised model (JSON.parse + restoreNluEngine, index rebuilt).');
  console.log('Targets: 10,000 entries p99 < 5 ms, warm start < 3 s, RSS < 300 MB; 100,000 entries p99 < 20 ms.');
  console.log(`Rerun: npm run bench:kb -- --sizes ${values.sizes}`);
  if (values.json) console.log(JSON.stringify(rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
