/**
 * Evaluation CLI (issue 2 item 9), this engine's `rasa test nlu`:
 *   npm run --silent eval -- --train FILE --test FILE [--val FILE] [--json] [--report DIR]
 * Without --train/--test it evaluates the shipped KB on a held-out fifth of its own utterances.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, toJson, type EvalInput } from './eval/evaluate';
import { formatOutcome } from './eval/format';
import { knowledgeBaseInput, readRows } from './eval/inputs';
import { ProgressBar } from './eval/progress';
import { reportHtml } from './eval/report';
import { runMain } from './runMain';
import { defaultIo, type EvalIo } from './eval/io';

const USAGE = 'usage: npm run --silent eval -- --train FILE --test FILE [--val FILE] [--json] [--report DIR] [--kb DIR]';

export type { EvalIo };

/** Runs the CLI; returns the exit code (0 ok, 2 bad usage or input). */
export async function main(argv: string[], io: EvalIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        train: { type: 'string' }, test: { type: 'string' }, val: { type: 'string' },
        json: { type: 'boolean', default: false }, report: { type: 'string' }, kb: { type: 'string' },
      },
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if ((args.train === undefined) !== (args.test === undefined)) {
    io.stderr.write(`--train and --test go together\n${USAGE}\n`);
    return 2;
  }
  let input: EvalInput;
  try {
    input = args.train !== undefined && args.test !== undefined
      ? { train: await readRows(args.train), test: await readRows(args.test), val: args.val ? await readRows(args.val) : undefined }
      : await knowledgeBaseInput(args.kb);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  if (input.train.filter((r) => r.intent !== 'oos').length === 0 || input.test.length === 0) {
    io.stderr.write('the training set needs in-scope examples and the test set at least one row\n');
    return 2;
  }
  const bar = new ProgressBar(io.stderr, io.progress);
  const outcome = await evaluate(input, (label, f) => bar.update(label, f));
  bar.done();
  if (args.report) {
    await mkdir(args.report, { recursive: true });
    const file = join(args.report, 'nlu-report.html');
    await writeFile(file, reportHtml(outcome), 'utf8');
    io.stderr.write(`report written to ${file}\n`);
  }
  io.stdout(formatOutcome(outcome));
  if (args.json) io.stdout(JSON.stringify(toJson(outcome)));
  return 0;
}

runMain(module, async () => {
  process.env.DOTENV_CONFIG_QUIET = 'true';
  return main(process.argv.slice(2));
});
