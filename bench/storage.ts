// npm run bench:storage: per-turn state cost (read conversation + user state, write both back, as botbuilder's
// ConversationState/UserState do) for botbuilder's MemoryStorage, SQLite and PostgreSQL, side by side.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import pg from 'pg';
import { systemClock } from '../src/shared/clock';
import { silentLogger } from '../src/shared/logger';
import { createStores, type Stores } from '../src/storage';
import { ProgressBar } from '../src/cli/eval/progress';

const TURNS = Number(process.env.BENCH_TURNS ?? 2000);
const WARMUP = 200;
const CONVERSATIONS = 200;
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test';

/** A dialog stack and recovery session of realistic size (about 2 kB of JSON). */
function conversationState(turn: number): Record<string, unknown> {
  return {
    dialogState: { dialogStack: [{ id: 'main', state: { step: 2 } }, { id: 'recovery', state: { options: {}, values: { turn } } }] },
    recovery: { problemId: 'double_charge', stepIndex: turn % 7, facts: { bookingReference: 'WL-H482913', amount: '129.00 EUR' }, history: Array.from({ length: 12 }, (_v, i) => ({ stepId: `s${i}`, strategy: 'S3', outcome: 'failed', at: new Date(0).toISOString() })) },
    caseReference: 'RB-7K3Q9F',
  };
}

async function turn(storage: Storage, i: number): Promise<void> {
  const c = `webchat/conversations/conv-${i % CONVERSATIONS}`;
  const u = `webchat/users/user-${i % CONVERSATIONS}`;
  const [conv, user] = await Promise.all([storage.read([c]), storage.read([u])]);
  await storage.write({ [c]: { ...(conv[c] ?? {}), ...conversationState(i), eTag: '*' } });
  await storage.write({ [u]: { ...(user[u] ?? {}), locale: 'en-GB', turns: i, eTag: '*' } });
}

const bar = new ProgressBar(process.stderr, true);

async function measure(name: string, storage: Storage): Promise<string[]> {
  for (let i = 0; i < WARMUP; i++) await turn(storage, i);
  const samples = new Float64Array(TURNS);
  const started = process.hrtime.bigint();
  for (let i = 0; i < TURNS; i++) {
    const t0 = process.hrtime.bigint();
    await turn(storage, i);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
    if (i % 100 === 99) bar.update(name, (i + 1) / TURNS);
  }
  const totalS = Number(process.hrtime.bigint() - started) / 1e9;
  bar.done();
  samples.sort();
  const pct = (p: number) => samples[Math.min(TURNS - 1, Math.floor(p * TURNS))].toFixed(0);
  return [name, pct(0.5), pct(0.99), (TURNS / totalS).toFixed(0)];
}

async function main(): Promise<void> {
  const deps = { clock: systemClock, logger: silentLogger };
  const rows: string[][] = [];
  console.log(`Per-turn state cost: 2 reads + 2 writes (conversation ~2 kB, user), ${TURNS} sequential turns after ${WARMUP} warm-up, ${CONVERSATIONS} conversations.`);
  rows.push(await measure('MemoryStorage (botbuilder, not durable)', new MemoryStorage()));
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-bench-'));
  const stores: Stores[] = [];
  try {
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const s = await createStores({ dataDir: path.join(dir, synchronous), synchronous }, deps);
      stores.push(s);
      rows.push(await measure(`SQLite WAL synchronous=${synchronous}${synchronous === 'FULL' ? ' (default)' : ''}`, s.state));
    }
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    let pgStores: Stores | null = null;
    try {
      pgStores = await createStores({ databaseUrl: PG_URL, schema, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }, deps);
      rows.push(await measure('PostgreSQL (pg pool, localhost)', pgStores.state));
    } catch (err) {
      rows.push(['PostgreSQL', 'unreachable', '-', '-']);
      console.log(`PostgreSQL at ${PG_URL.replace(/\/\/[^@/]*@/, '//***@')} is unreachable (${(err as Error).message}); set REBOUND_TEST_DATABASE_URL.`);
    } finally {
      if (pgStores) {
        await pgStores.close();
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.end();
      }
    }
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['backend', 'p50 µs/turn', 'p99 µs/turn', 'turns/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log([line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n'));
  console.log(`Node ${process.version}, ${new Date().toISOString()}. Rerun: npm run bench:storage (BENCH_TURNS=${TURNS}, REBOUND_TEST_DATABASE_URL=postgres://...)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
