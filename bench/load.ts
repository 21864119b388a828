/**
 * Load benchmark (issue 8 item 4): many concurrent conversations, each walking a multi-turn recovery through
 * POST /api/messages (expectReplies), against a started app on loopback (SQLite, the shipped KB), next to the
 * echo-bot baseline (the same restify server with a trivial bot). The server runs in its own process.
 * Usage: npm run bench:load [-- --duration 60 --conversations 200 --turns 8 --think 2000,0 --no-baseline --json]
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/nlu/sparse';
import { walk, type LoadStats } from './lib/loadWalker';

interface Row {
  target: string;
  stats: LoadStats;
  seconds: number;
  rssMb: number;
  peakRssMb: number;
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer(mode: 'app' | 'echo'): Promise<{ child: ChildProcess; url: string }> {
  // LOAD_PROFILE=DIR: the server writes a V8 CPU profile there (open it in Chrome DevTools) to find hot spots.
  const profile = process.env.LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : [];
  const child = fork(join(__dirname, 'lib', 'loadServer.ts'), [mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, ...profile] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function run(mode: 'app' | 'echo', seconds: number, conversations: number, turns: number, thinkMs: number): Promise<Row> {
  const { child, url } = await startServer(mode);
  const stats: LoadStats = { latencies: [], turns: 0, conversations: 0, httpErrors: 0, turnFailures: 0, statuses: {} };
  // Warm-up (JIT, NLU caches, SQLite pages): a few seconds at low concurrency, not measured.
  const warm: LoadStats = { latencies: [], turns: 0, conversations: 0, httpErrors: 0, turnFailures: 0, statuses: {} };
  await Promise.all(Array.from({ length: 10 }, (_, i) => walk(url, performance.now() + 3000, turns, warm, seededRandom(1000 + i))));
  const started = performance.now();
  const until = started + seconds * 1000;
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(child.pid!).rss);
    const elapsed = (performance.now() - started) / 1000;
    const line = `${mode.padEnd(5)} ${elapsed.toFixed(0).padStart(3)}/${seconds} s  ${String(stats.turns).padStart(7)} turns  ${(stats.turns / elapsed).toFixed(0).padStart(5)} turns/s  errors ${stats.httpErrors + stats.turnFailures}`;
    // Redrawn in place on a terminal; in a log (CI), a plain line every 10 seconds.
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
    else if (Math.round(elapsed) % 10 === 0) process.stderr.write(`${line}\n`);
  }, 1000);
  await Promise.all(Array.from({ length: conversations }, (_, i) => walk(url, until, turns, stats, seededRandom(i + 1), thinkMs)));
  clearInterval(timer);
  const elapsed = (performance.now() - started) / 1000;
  const memory = rssOf(child.pid!);
  if (process.stderr.isTTY) process.stderr.write('\n');
  child.send({ stop: true });
  await new Promise((resolve) => child.once('exit', resolve));
  const target = `${mode === 'app' ? 'Rebound (recovery walks)' : 'echo bot (baseline)'}, think ${thinkMs} ms`;
  return { target, stats, seconds: elapsed, rssMb: memory.rss, peakRssMb: Math.max(peak, memory.peak) };
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

function table(rows: Row[]): string {
  const head = ['target', 'turns', 'turns/s', 'p50 ms', 'p99 ms', 'max ms', 'HTTP errors', 'failed turns', 'conversations', 'RSS MB (end / peak)'];
  const lines = rows.map((r) => {
    const l = [...r.stats.latencies].sort((a, b) => a - b);
    return [r.target, String(r.stats.turns), (r.stats.turns / r.seconds).toFixed(0), pct(l, 50).toFixed(1), pct(l, 99).toFixed(1), (l[l.length - 1] ?? NaN).toFixed(0), String(r.stats.httpErrors), String(r.stats.turnFailures), String(r.stats.conversations), `${r.rssMb.toFixed(0)} / ${r.peakRssMb.toFixed(0)}`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      conversations: { type: 'string', default: '200' },
      turns: { type: 'string', default: '8' },
      think: { type: 'string', default: '2000,0' },
      'no-baseline': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.duration);
  const conversations = Number(values.conversations);
  const turns = Number(values.turns);
  const thinks = values.think.split(',').map(Number);
  const rows: Row[] = [];
  for (const think of thinks) {
    if (!values['no-baseline']) rows.push(await run('echo', seconds, conversations, turns, think));
    rows.push(await run('app', seconds, conversations, turns, think));
  }
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log(`${conversations} concurrent conversations from one client for ${seconds} s each, each walking up to ${turns} turns (a failure report, then`);
  console.log('facts and card presses, mostly "No, still stuck"), then a new conversation; latency = one POST /api/messages with expectReplies.');
  console.log('think = mean pause between a reply and the next turn (a traveller reading and typing); think 0 = every conversation sends');
  console.log('its next turn the moment the reply arrives: the saturation test, where turns/s is the capacity and latency is queueing.');
  console.log('Rate limits at their defaults (per conversation, so one client with many conversations is not throttled). Server: its own process, SQLite.');
  for (const r of rows) if (r.stats.firstError) console.log(`first error (${r.target}): ${r.stats.firstError}`);
  console.log('Target: zero errors, p99 < 100 ms at 200 concurrent conversations.');
  console.log(`Rerun: npm run bench:load -- --duration ${seconds} --conversations ${conversations} --turns ${turns} --think ${values.think}`);
  if (values.json) console.log(JSON.stringify(rows.map((r) => ({ ...r, stats: { ...r.stats, latencies: undefined } }))));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
