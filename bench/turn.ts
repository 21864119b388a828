// npm run bench:turn: (1) the bot's own processing time per turn (NLU + dialogs + state, SQLite), in process;
// (2) HTTP throughput of the full bot against an echo bot on the same CloudAdapter + restify server (makeServer),
// side by side in one run. Each server runs in its own child process; the load generator (autocannon) runs here.
// Target: the full bot keeps at least 80% of the echo bot's throughput.
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

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 40);
const KB_DIR = path.resolve(__dirname, '../knowledge');
/** What each HTTP conversation says, in order (answers, small talk, a question with typos). */
const HTTP_SCRIPT = ['How long do refunds usually take?', 'thanks', 'wil my refnud go bakc to the card i paid with'];

type Autocannon = (opts: Record<string, unknown>) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number }>;
// autocannon ships no types; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

function benchConfig(dataDir: string): Config {
  const parsed = parseConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, KB_DIR, RATE_LIMIT_ENABLED: 'false', FOLLOW_UP_SWEEP_SECONDS: '3600' });
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
  const config = benchConfig(dataDir);
  let port: number;
  if (kind === 'full') {
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
function startChild(kind: 'full' | 'echo', dataDir: string): Promise<{ url: string; child: ChildProcess }> {
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

async function httpRow(kind: 'full' | 'echo'): Promise<{ rps: number; p50: number; p99: number; bad: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `rebound-bench-${kind}-`));
  const { url, child } = await startChild(kind, dataDir);
  try {
    // One real turn first: the server answers with replies, so the load measures turns, not errors.
    const probe = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity('probe', { type: 'message', text: HTTP_SCRIPT[0] })) });
    const replies = ((await probe.json()) as { activities?: unknown[] }).activities ?? [];
    if (probe.status !== 200 || replies.length === 0) throw new Error(`the ${kind} bot answered ${probe.status} with ${replies.length} replies`);
    process.stderr.write(`  ${kind} bot: warm-up 2 s, then ${SECONDS} s with ${CONNECTIONS} connections...\n`);
    await load(kind, url, 2);
    const r = await load(kind, url, SECONDS);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One turn's wall time and the CPU time the process spent during it (user + system, all threads). */
interface TurnSample {
  ms: number;
  cpuMs: number;
}

/** In process: the bot's own time per turn through the gateway (no HTTP), on SQLite, over FAQ and recovery turns. */
async function inProcess(): Promise<{ faq: TurnSample[]; recovery: TurnSample[] }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rebound-bench-turn-'));
  const app = await createApp(benchConfig(dataDir), { logger: silentLogger });
  const faq: TurnSample[] = [];
  const recovery: TurnSample[] = [];
  const answer = (input: Record<string, unknown>) => ({ type: 'message', value: { rebound: 'answer', input } });
  const walk: Array<[Record<string, unknown>, TurnSample[]]> = [
    [{ type: 'message', text: 'How long do refunds usually take?' }, faq],
    [{ type: 'message', text: 'can i pay in installments' }, faq],
    [{ type: 'message', text: "I can't log in to my account" }, recovery],
    [{ type: 'message', text: 'anna.schmidt@gmail.com' }, recovery],
    [answer({ kind: 'fact_provided', name: 'signInMethod', value: 'Continue with Google' }), recovery],
    [answer({ kind: 'facts_confirmed' }), recovery],
    [answer({ kind: 'wished_outcome', text: 'Have the booking working' }), recovery],
    [answer({ kind: 'step_outcome', outcome: 'success' }), recovery],
    [answer({ kind: 'step_outcome', outcome: 'success' }), recovery],
  ];
  try {
    for (let c = 0; c < CONVERSATIONS; c++) {
      const conversationId = `turn-${c}`;
      await app.bot.processActivity('', activity(conversationId, { type: 'conversationUpdate', membersAdded: [{ id: `u-${conversationId}` }] }) as never);
      for (const [partial, samples] of walk) {
        const t0 = process.hrtime.bigint();
        const cpu0 = process.cpuUsage();
        const answerOf = await app.bot.processActivity('', activity(conversationId, partial) as never);
        const cpu = process.cpuUsage(cpu0);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (answerOf.status !== 200) throw new Error(`turn answered ${answerOf.status}`);
        // The first conversation warms up the NLU and the caches.
        if (c > 0) samples.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000 });
      }
      if (c % 10 === 9) process.stderr.write(`  in process: ${c + 1}/${CONVERSATIONS} conversations\n`);
    }
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { faq, recovery };
}

const pct = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? NaN;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  console.log(`Turn benchmark: ${CONVERSATIONS} conversations in process; HTTP ${SECONDS} s x ${CONNECTIONS} connections per bot (expectReplies, loopback).`);
  const turns = await inProcess();
  const all = [...turns.faq, ...turns.recovery];
  const row = (name: string, s: TurnSample[]) => {
    const wall = s.map((t) => t.ms);
    const cpu = s.map((t) => t.cpuMs);
    return [name, String(s.length), pct(wall, 0.5).toFixed(2), pct(wall, 0.99).toFixed(2), pct(cpu, 0.5).toFixed(2), pct(cpu, 0.99).toFixed(2)];
  };
  console.log('\nThe bot\'s own time per turn (NLU + dialogs + state on SQLite; gateway in process, no HTTP):');
  console.log(table(['turns', 'count', 'p50 ms', 'p99 ms', 'CPU p50 ms', 'CPU p99 ms'], [row('FAQ answer', turns.faq), row('recovery step', turns.recovery), row('all', all)]));
  console.log('CPU = user + system time of the whole process (all threads: GC, I/O) during the turn; wall time also includes waiting.');

  const echo = await httpRow('echo');
  const full = await httpRow('full');
  const ratio = full.rps / echo.rps;
  console.log('\nHTTP throughput, same CloudAdapter + restify server (makeServer), SQLite for the full bot:');
  console.log(
    table(
      ['bot', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs echo'],
      [
        ['echo bot', echo.rps.toFixed(0), String(echo.p50), String(echo.p99), String(echo.bad), '100%'],
        ['full Rebound bot', full.rps.toFixed(0), String(full.p50), String(full.p99), String(full.bad), `${(ratio * 100).toFixed(0)}%`],
      ],
    ),
  );
  console.log(`Target: the full bot keeps >= 80% of the echo bot's throughput: ${ratio >= 0.8 ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(0)}%).`);
  console.log(`Node ${process.version}, ${new Date().toISOString()}. Rerun: npm run bench:turn (BENCH_SECONDS=${SECONDS} BENCH_CONNECTIONS=${CONNECTIONS} BENCH_CONVERSATIONS=${CONVERSATIONS})`);
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
