/**
 * Adversarial inputs for every text function on the turn path (bench/lib/turnPath.ts): each repeating unit
 * is grown to the longest text the function is given (a whole 100,000-character message for redaction and
 * Markdown sanitising, the 2,000 characters readMessage() reads for the NLU), and timed as the least of
 * --runs calls. Reports each function's worst case and flags any over the budget (50 ms); exits 1 if any is.
 * Usage: npm run bench:adversarial [-- --runs 3 --budget 50]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { parseArgs } from 'node:util';
import { ProgressBar } from '../src/cli/eval/progress';
import { ADVERSARIAL_UNITS, leastMs, repeatTo, TURN_FUNCTIONS } from './lib/turnPath';

interface Row {
  name: string;
  where: string;
  chars: number;
  growth: string;
  worstUnit: string;
  worstMs: number;
  medianMs: number;
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, budget: { type: 'string', default: '50' } } });
  const runs = Number(values.runs);
  const budget = Number(values.budget);
  const bar = new ProgressBar();
  const rows: Row[] = [];
  const total = TURN_FUNCTIONS.length * ADVERSARIAL_UNITS.length;
  let done = 0;
  for (const f of TURN_FUNCTIONS) {
    f.run('warm up: call 020 7946 0958 or anna@example.com about WL-H482913 <b>now</b>');
    const times: Array<[string, number]> = [];
    for (const [label, unit] of ADVERSARIAL_UNITS) {
      bar.update(`${f.name}: ${label}`, done++ / total);
      const text = repeatTo(unit, f.maxChars);
      times.push([label, leastMs(() => f.run(text), runs)]);
    }
    const sorted = [...times].sort((a, b) => b[1] - a[1]);
    rows.push({ name: f.name, where: f.where, chars: f.maxChars, growth: f.growth, worstUnit: sorted[0][0], worstMs: sorted[0][1], medianMs: sorted[Math.floor(sorted.length / 2)][1] });
  }
  bar.update('done', 1);
  bar.done();
  console.log(`| function | where | input length | growth | median of ${ADVERSARIAL_UNITS.length} inputs | worst input | worst ms | within ${budget} ms |`);
  console.log('|---|---|---:|---|---:|---|---:|---|');
  for (const r of rows) {
    const flag = r.worstMs > budget ? `**OVER ${budget} ms**` : 'yes';
    console.log(`| ${r.name} | ${r.where} | ${r.chars.toLocaleString('en')} | ${r.growth} | ${r.medianMs.toFixed(1)} | ${r.worstUnit} | ${r.worstMs.toFixed(1)} | ${flag} |`);
  }
  console.log('');
  console.log(`Each input: a unit repeated to the input length (one long word, digit runs, near-misses of each pattern, unclosed tags); least of ${runs} runs, warm, one core.`);
  console.log('Growth: linear is checked by tests/shared/linearTime.test.ts; bounded means only the input length is (readMessage reads 2,000 characters).');
  console.log(`Rerun: npm run bench:adversarial -- --runs ${runs} --budget ${budget}`);
  if (rows.some((r) => r.worstMs > budget)) process.exitCode = 1;
}

main();
