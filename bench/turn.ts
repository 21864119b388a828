// npm run bench:turn: (1) the bot's own processing time per turn (NLU + dialogs + state, SQLite), in process;
// (2) HTTP throughput of the full bot against an echo bot on the same CloudAdapter + restify server (makeServer),
// side by side in one run. Each server runs in its own child process; the load generator (autocannon) runs here.
// Target: the full bot keeps at least 80% of the echo bot's throughput.
// Both are measured with metrics on (METRICS_ENABLED=true, the default) and off, side by side (issue 16): the
// in-process turns on apps interleaved turn by turn (a second app without metrics gives the noise floor), and
// the HTTP throughput of the full bot either way, in alternating rounds. Target: within 5%.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ActivityHandler } from 'botbuilder';
import { createAdapter } from '../bot/adapter';
import { BotFrameworkGateway } from '../bot/gateway';
import { createApp } from '../src/app';
import { parseConfig, type Config } from '../src/config';
import type { BotGateway } from '../src/http/ports';
import { rateLimitSettings } from '../src/http/rateLimitRules';
import { makeServer } from '../src/server';
import { silentLogger } from '../src/shared/logger';
import { InProcessLock } from '../src/storage/sync/keyedMutex';
import { METRICS_COST_HEADER, metricsCostRows, metricsCostVerdict, ratio, type SideBySide, type TurnSample } from './lib/metricsCost';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 40);
const KB_DIR = path.resolve(__dirname, '../knowledge');
/** What each HTTP conversation says, in order (answers, small talk, a question with typos). */
const HTTP_SCRIPT = ['How long do refunds usually take?', 'thanks', 'wil my refnud go bakc to the card i paid with'];

type Autocannon = (opts: Record<string, unknown>) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number }>;
// autocannon ships no types; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

function benchConfig(dataDir: string, metrics = true): Config {
  const parsed = parseConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, KB_DIR, RATE_LIMIT_ENABLED: 'false', FOLLOW_UP_SWEEP_SECONDS: '3600', METRICS_ENABLED: String(metrics) });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

/** An activity of a conversation, as a channel posts it with deliveryMode expectReplies. */
function activity(conversationId: string, partial: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: `u-${conversationId}`, role: 'user' },
    recipient: { id: 'rebound', role: 'bot' },
    deliveryMode: 'expectReplies',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    ...partial,
  };
}

/** Child process: serves the full bot or the echo bot on an ephemeral port and prints it. */
async function serve(kind: string, dataDir: string): Promise<void> {
  const config = benchConfig(dataDir, kind !== 'full-no-metrics');
  let port: number;
  if (kind === 'full' || kind === 'full-no-metrics') {
    const app = await createApp(config, { logger: silentLogger });
    port = (await app.start(0, '127.0.0.1')).port;
  } else {
    const echo = new ActivityHandler();
    echo.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
    const bot: BotGateway = new BotFrameworkGateway(createAdapter(config, silentLogger), echo, new InProcessLock(), {});
    const health = { health: async () => ({ status: 'ok' as const, version: 'bench', uptimeSeconds: 0, knowledgeBase: null, storage: { ok: true, backend: 'none' }, authentication: 'none (local use)' as const }) };
    const server = makeServer({ logger: silentLogger, bot, health, maxBodyBytes: config.MAX_BODY_BYTES, security: { publicUrl: config.PUBLIC_URL }, rateLimits: rateLimitSettings(config) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as { port: number }).port;
  }
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

/** Starts `serve(kind)` in a child process; resolves with its URL once it listens. */
type ServerKind = 'full' | 'full-no-metrics' | 'echo';

function startChild(kind: ServerKind, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--serve', kind, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} bot exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child }));
  });
}

/** HTTP load on one server: CONNECTIONS connections, each a new conversation per HTTP_SCRIPT cycle. */
async function load(name: string, url: string, seconds: number) {
  let conversations = 0;
  const requests = HTTP_SCRIPT.map((text, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
      if (i === 0) context.conversationId = `bench-${name}-${conversations++}`;
      return { ...req, body: JSON.stringify(activity(String(context.conversationId), { type: 'message', text })) };
    },
  }));
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, requests });
}

/** Rounds of HTTP load: each server gets SECONDS in all, in ROUNDS slices taken in turn (a neighbour's burst hits all). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface HttpRow {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

/** HTTP load on every kind of server, all started at once and loaded in turn, round after round. */
async function httpRows(kinds: ServerKind[]): Promise<Record<string, HttpRow>> {
  const servers = await Promise.all(
    kinds.map(async (kind) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), `rebound-bench-${kind}-`));
      return { kind, dataDir, ...(await startChild(kind, dataDir)), rounds: [] as Array<Awaited<ReturnType<typeof load>>> };
    }),
  );
  try {
    for (const { kind, url } of servers) {
      // One real turn first: the server answers with replies, so the load measures turns, not errors.
      const probe = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity('probe', { type: 'message', text: HTTP_SCRIPT[0] })) });
      const replies = ((await probe.json()) as { activities?: unknown[] }).activities ?? [];
      if (probe.status !== 200 || replies.length === 0) throw new Error(`the ${kind} bot answered ${probe.status} with ${replies.length} replies`);
      await load(kind, url, 2);
    }
    process.stderr.write(`  HTTP: ${kinds.join(', ')}: ${ROUNDS} rounds of ${SECONDS / ROUNDS} s each with ${CONNECTIONS} connections...\n`);
    for (let round = 0; round < ROUNDS; round++) {
      const order = servers.map((_s, i) => servers[(i + round) % servers.length]!);
      for (const server of order) server.rounds.push(await load(server.kind, server.url, SECONDS / ROUNDS));
    }
  } finally {
    for (const { child, dataDir } of servers) {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return Object.fromEntries(
    servers.map(({ kind, rounds }) => [
      kind,
      { rps: avg(rounds.map((r) => r.requests.average)), p50: avg(rounds.map((r) => r.latency.p50)), p99: Math.max(...rounds.map((r) => r.latency.p99)), bad: rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0) },
    ]),
  );
}

/**
 * In process: the bot's own time per turn through the gateway (no HTTP), on SQLite, over FAQ and recovery turns,
 * on three apps (metrics on, metrics off, off again for the noise floor), turn by turn in rotating order.
 */
async function inProcess(): Promise<SideBySide> {
  // Metrics on, metrics off, and off again: the third shows how far two identical apps differ on this machine.
  const sides = await Promise.all(
    [true, false, false].map(async (metrics) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-bench-turn-'));
      return { dataDir, app: await createApp(benchConfig(dataDir, metrics), { logger: silentLogger }), faq: [] as TurnSample[], recovery: [] as TurnSample[] };
    }),
  );
  const answer = (input: Record<string, unknown>) => ({ type: 'message', value: { rebound: 'answer', input } });
  const walk: Array<[Record<string, unknown>, 'faq' | 'recovery']> = [
    [{ type: 'message', text: 'How long do refunds usually take?' }, 'faq'],
    [{ type: 'message', text: 'can i pay in installments' }, 'faq'],
    [{ type: 'message', text: "I can't log in to my account" }, 'recovery'],
    [{ type: 'message', text: 'anna.schmidt@gmail.com' }, 'recovery'],
    [answer({ kind: 'fact_provided', name: 'signInMethod', value: 'Continue with Google' }), 'recovery'],
    [answer({ kind: 'facts_confirmed' }), 'recovery'],
    [answer({ kind: 'wished_outcome', text: 'Have the booking working' }), 'recovery'],
    [answer({ kind: 'step_outcome', outcome: 'success' }), 'recovery'],
    [answer({ kind: 'step_outcome', outcome: 'success' }), 'recovery'],
  ];
  try {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const conversationId = `turn-${c}`;
      for (const side of sides) await side.app.bot.processActivity('', activity(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: `u-${conversationId}` }] }) as never);
      for (const [step, [partial, kind]] of walk.entries()) {
        // Each turn on every app, one right after the other, the first one rotating: turns that met the same
        // machine (other processes, GC, the disk), and no app always the warmer one.
        for (const side of sides.map((_s, i) => sides[(i + c + step) % sides.length]!)) {
          const t0 = process.hrtime.bigint();
          const cpu0 = process.cpuUsage();
          const answerOf = await side.app.bot.processActivity('', activity(conversationId, partial) as never);
          const cpu = process.cpuUsage(cpu0);
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (answerOf.status !== 200) throw new Error(`turn answered ${answerOf.status}`);
          // The first conversation warms up the NLU and the caches.
          if (c > 0) side[kind].push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
        }
      }
      if (c % 10 === 9) process.stderr.write(`  in process: ${c + 1}/${CONVERSATIONS} conversations\n`);
    }
  } finally {
    for (const side of sides) {
      await side.app.stop();
      rmSync(side.dataDir, { recursive: true, force: true });
    }
  }
  const [on, off, control] = sides.map((side) => ({ faq: side.faq, recovery: side.recovery }));
  return { on: on!, off: off!, control: control! };
}

const pct = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  console.log(`Turn benchmark: ${CONVERSATIONS} conversations in process; HTTP ${SECONDS} s x ${CONNECTIONS} connections per bot (expectReplies, loopback).`);
  const both = await inProcess();
  const turns = both.on;
  const all = [...turns.faq, ...turns.recovery];
  const row = (name: string, s: TurnSample[]) => {
    const wall = s.map((t) => t.ms);
    const cpu = s.map((t) => t.cpuMs);
    return [name, String(s.length), pct(wall, 0.5).toFixed(2), pct(wall, 0.99).toFixed(2), pct(cpu, 0.5).toFixed(2), pct(cpu, 0.99).toFixed(2)];
  };
  console.log('\nThe bot\'s own time per turn (NLU + dialogs + state on SQLite; gateway in process, no HTTP):');
  console.log(table(['turns', 'count', 'p50 ms', 'p99 ms', 'CPU p50 ms', 'CPU p99 ms'], [row('FAQ answer', turns.faq), row('recovery step', turns.recovery), row('all', all)]));
  console.log('CPU = user + system time of the whole process (all threads: GC, I/O) during the turn; wall time also includes waiting.');
  console.log('\nThe same turns with metrics on (METRICS_ENABLED=true, the default) and off, apps in this process, interleaved:');
  console.log(table(METRICS_COST_HEADER, metricsCostRows(both)));
  console.log('ms: mean of the middle 80% of the turns (wall time); each turn ran on every app one right after the other.');
  console.log(metricsCostVerdict(both));

  const rows = await httpRows(['echo', 'full', 'full-no-metrics']);
  const [echo, full, bare] = [rows.echo!, rows.full!, rows['full-no-metrics']!];
  const share = full.rps / echo.rps;
  console.log('\nHTTP throughput, same CloudAdapter + restify server (makeServer), SQLite for the full bot:');
  console.log(
    table(
      ['bot', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs echo'],
      [
        ['echo bot', echo.rps.toFixed(0), echo.p50.toFixed(1), String(echo.p99), String(echo.bad), '100%'],
        ['full Rebound bot (metrics on)', full.rps.toFixed(0), full.p50.toFixed(1), String(full.p99), String(full.bad), `${(share * 100).toFixed(0)}%`],
        ['full bot, metrics off', bare.rps.toFixed(0), bare.p50.toFixed(1), String(bare.p99), String(bare.bad), `${((bare.rps / echo.rps) * 100).toFixed(0)}%`],
      ],
    ),
  );
  console.log(`Target: the full bot keeps >= 80% of the echo bot's throughput: ${share >= 0.8 ? 'met' : 'NOT met'} (${(share * 100).toFixed(0)}%).`);
  console.log(`Metrics on vs off, HTTP: ${ratio(full.rps, bare.rps)} of the throughput, p50 ${full.p50.toFixed(1)} ms vs ${bare.p50.toFixed(1)} ms.`);
  console.log(`Node ${process.version}, ${new Date().toISOString()}. Rerun: BENCH_SECONDS=${SECONDS} BENCH_ROUNDS=${ROUNDS} BENCH_CONNECTIONS=${CONNECTIONS} BENCH_CONVERSATIONS=${CONVERSATIONS} npm run bench:turn`);
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3] ?? 'echo', process.argv[4] ?? tmpdir()).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
