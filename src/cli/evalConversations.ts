/**
 * Conversation evaluation (issue 11 item 8):
 *   npm run eval:conversations [-- --set dev|heldout] [--json] [--report DIR] [--floor] [--tests DIR] [--kb DIR] [--only ID]
 * Runs the conversation tests of knowledge/tests/ in process against the whole bot and reports, per set,
 * turns understood, facts asked again, fallbacks, unfilled placeholders and handoffs (docs/conversation-tests.md).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseConfig } from '../config';
import { ProgressBar } from './eval/progress';
import { loadConversationTests, TEST_SETS, type TestSet } from './conversations/load';
import { belowFloor, metricsTable, setMetrics, type Floor, type SetMetrics } from './conversations/metrics';
import { reportHtml } from './conversations/report';
import { ConversationRunner, type ConversationRun } from './conversations/run';
import { runMain } from './runMain';
import { defaultIo, type EvalIo } from './eval/io';

const USAGE = 'usage: npm run --silent eval:conversations -- [--set dev|heldout] [--json] [--report DIR] [--floor] [--tests DIR] [--kb DIR] [--only ID]';
const RERUN = 'npm run eval:conversations';

export type { EvalIo };

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
const floorsSchema = z.partialRecord(
  z.enum(TEST_SETS),
  z.object({ understood: share, factsAskedAgain: count, unfilledPlaceholders: count, handoffsDone: share, unwantedHandoffs: share }).strict(),
);

/** The floors of each set, from knowledge/tests/floors.yaml; the problems when it is missing or malformed. */
async function readFloors(testsDir: string): Promise<{ floors: Partial<Record<TestSet, Floor>>; problems: string[] }> {
  const file = path.join(testsDir, 'floors.yaml');
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { floors: {}, problems: [`${file}: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = floorsSchema.safeParse(data);
  if (!parsed.success) return { floors: {}, problems: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`) };
  return { floors: parsed.data, problems: [] };
}

/** Runs the CLI; returns the exit code (0 ok, 1 below a floor, 2 bad usage or input). */
export async function main(argv: string[], io: EvalIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        set: { type: 'string' }, json: { type: 'boolean', default: false }, report: { type: 'string' }, floor: { type: 'boolean', default: false },
        tests: { type: 'string' }, kb: { type: 'string' }, only: { type: 'string' },
      },
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.set !== undefined && !TEST_SETS.includes(args.set as TestSet)) {
    io.stderr.write(`--set is one of ${TEST_SETS.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const kbDir = path.resolve(args.kb ?? 'knowledge');
  const testsDir = path.resolve(args.tests ?? path.join(kbDir, 'tests'));
  const sets = args.set ? [args.set as TestSet] : [...TEST_SETS];
  const { conversations, problems } = await loadConversationTests(testsDir, sets);
  if (problems.length) {
    io.stderr.write(`The conversation tests have problems:\n  ${problems.join('\n  ')}\n`);
    return 2;
  }
  const chosen = args.only ? conversations.filter((c) => c.conversation.id === args.only) : conversations;
  if (chosen.length === 0) {
    io.stderr.write(`No conversation tests in ${testsDir}${args.only ? ` with id ${args.only}` : ''}\n`);
    return 2;
  }
  // The NLU model cache lives in .cache so a rerun on an unchanged knowledge base does not retrain.
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KB_DIR: kbDir, DATA_DIR: path.resolve('.cache/eval-conversations') });
  if (!config.ok) throw new Error(config.errors.join('; '));
  const bar = new ProgressBar(io.stderr, io.progress);
  bar.update('starting the bot', 0);
  const runner = await ConversationRunner.start(config.value);
  const runsBySet = new Map<string, ConversationRun[]>();
  try {
    for (const [i, loaded] of chosen.entries()) {
      bar.update(`conversations (${loaded.set})`, i / chosen.length);
      const run = await runner.run(loaded);
      runsBySet.set(loaded.set, [...(runsBySet.get(loaded.set) ?? []), run]);
    }
    bar.update('conversations', 1);
    bar.done();
  } finally {
    await runner.stop();
  }
  const metrics: Array<[string, SetMetrics]> = [...runsBySet].map(([set, runs]) => [set, setMetrics(runs)]);
  const { floors, problems: floorProblems } = args.floor ? await readFloors(testsDir) : { floors: {}, problems: [] };
  const missing = args.floor ? metrics.filter(([set]) => !floors[set as TestSet]).map(([set]) => `${set}: no floor in floors.yaml`) : [];
  if (floorProblems.length || missing.length) {
    io.stderr.write(`The floors cannot be checked:\n  ${[...floorProblems, ...missing].join('\n  ')}\n`);
    return 2;
  }
  const shortfalls = metrics.flatMap(([set, m]) => (floors[set as TestSet] ? belowFloor(m, floors[set as TestSet]!).map((s) => `${set}: ${s}`) : []));
  if (args.report) {
    await mkdir(args.report, { recursive: true });
    await writeFile(path.join(args.report, 'conversations.html'), reportHtml(metrics, runsBySet), 'utf8');
  }
  // One conversation asked for: its whole transcript, as read.
  if (args.only && !args.json) {
    for (const t of [...runsBySet.values()].flat()[0]?.turns ?? []) {
      io.stdout(`\n> ${t.turn.say ?? `[pressed] ${t.turn.press}`}    [${t.trace?.pending ?? '?'} → ${t.trace?.act ?? '?'} · ${t.trace?.topic ?? '–'} · ${t.trace?.decision ?? ''}]`);
      for (const r of t.replies) io.stdout(`  ${r.replace(/\n/g, '\n  ')}`);
      for (const f of [...t.check.failures, ...t.askedAgain.map((n) => `asked again: ${n}`)]) io.stdout(`  !! ${f}`);
    }
    io.stdout('');
  }
  if (args.json) {
    io.stdout(JSON.stringify({ sets: Object.fromEntries(metrics), shortfalls, failing: failingTurns(runsBySet) }, null, 2));
  } else {
    io.stdout(metricsTable(metrics));
    if (args.report) io.stdout(`\nReport: ${path.join(args.report, 'conversations.html')}`);
    for (const s of shortfalls) io.stdout(`below the floor: ${s}`);
    io.stdout(`\nRerun: ${RERUN}${args.set ? ` -- --set ${args.set}` : ''}`);
  }
  return shortfalls.length ? 1 : 0;
}

/** Every failing turn, short, for --json. */
function failingTurns(runsBySet: ReadonlyMap<string, readonly ConversationRun[]>): Array<Record<string, unknown>> {
  return [...runsBySet.entries()].flatMap(([set, runs]) =>
    runs.flatMap((r) => r.turns.filter((t) => t.check.failures.length || t.askedAgain.length || t.placeholders.length).map((t) => ({
      set, conversation: r.loaded.conversation.id, turn: t.index + 1, said: t.turn.say ?? `[pressed] ${t.turn.press}`,
      read: t.trace ? { act: t.trace.act, topic: t.trace.topic, decision: t.trace.decision, pending: t.trace.pending } : null,
      failures: [...t.check.failures, ...t.askedAgain.map((n) => `asked again: ${n}`), ...t.placeholders.map((p) => `placeholder ${p}`)],
    }))),
  );
}

runMain(module, () => main(process.argv.slice(2)));
