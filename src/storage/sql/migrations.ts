import type { Dialect, Sql, SqlRunner } from './sql';

/** One schema change; never edit a shipped migration, add the next one. */
interface Migration {
  version: number;
  name: string;
  /** Statements with {JSON}, {TS} and {SERIAL} standing for the dialect's types. */
  statements: string[];
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, doc {JSON} NOT NULL, updated_at {TS} NOT NULL)`,
      `CREATE TABLE cases (id TEXT PRIMARY KEY, reference TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL,
        user_id TEXT NOT NULL, channel_id TEXT NOT NULL, status TEXT NOT NULL, priority_rank INTEGER NOT NULL,
        created_at {TS} NOT NULL, updated_at {TS} NOT NULL, due_at {TS}, version INTEGER NOT NULL, doc {JSON} NOT NULL)`,
      `CREATE INDEX cases_queue ON cases (status, priority_rank, created_at)`,
      `CREATE INDEX cases_conversation ON cases (conversation_id, created_at)`,
      `CREATE INDEX cases_user ON cases (user_id)`,
      `CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL`,
      `CREATE TABLE case_events (seq {SERIAL}, id TEXT NOT NULL UNIQUE, case_id TEXT NOT NULL, type TEXT NOT NULL,
        at {TS} NOT NULL, doc {JSON} NOT NULL)`,
      `CREATE INDEX case_events_case ON case_events (case_id, seq)`,
      `CREATE TABLE kb_versions (version INTEGER PRIMARY KEY, content_hash TEXT NOT NULL, author TEXT NOT NULL,
        message TEXT NOT NULL, created_at {TS} NOT NULL, kb {JSON} NOT NULL)`,
      `CREATE TABLE kb_draft (id INTEGER PRIMARY KEY CHECK (id = 1), etag TEXT NOT NULL, updated_by TEXT NOT NULL,
        updated_at {TS} NOT NULL, kb {JSON} NOT NULL)`,
      `CREATE TABLE kb_audit (seq {SERIAL}, id TEXT NOT NULL UNIQUE, at {TS} NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT NOT NULL, details {JSON})`,
      `CREATE INDEX kb_audit_target ON kb_audit (target, seq)`,
      `CREATE TABLE transcripts (seq {SERIAL}, conversation_id TEXT NOT NULL, user_id TEXT, case_id TEXT,
        at {TS} NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL, data {JSON})`,
      `CREATE INDEX transcripts_conversation ON transcripts (conversation_id, seq)`,
      `CREATE INDEX transcripts_at ON transcripts (at)`,
      `CREATE INDEX transcripts_user ON transcripts (user_id)`,
      `CREATE TABLE analytics (seq {SERIAL}, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at {TS} NOT NULL,
        conversation_id TEXT, user_id TEXT, case_id TEXT, data {JSON})`,
      `CREATE INDEX analytics_at ON analytics (at)`,
      `CREATE INDEX analytics_user ON analytics (user_id)`,
      `CREATE TABLE follow_ups (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, user_id TEXT, case_id TEXT,
        kind TEXT NOT NULL, due_at {TS} NOT NULL, status TEXT NOT NULL, owner TEXT, lease_until {TS},
        attempts INTEGER NOT NULL, last_error TEXT, created_at {TS} NOT NULL, updated_at {TS} NOT NULL, payload {JSON} NOT NULL)`,
      `CREATE INDEX follow_ups_due ON follow_ups (status, due_at)`,
      `CREATE INDEX follow_ups_conversation ON follow_ups (conversation_id)`,
      `CREATE TABLE conversation_refs (conversation_id TEXT PRIMARY KEY, user_id TEXT, ref {JSON} NOT NULL, updated_at {TS} NOT NULL)`,
      `CREATE INDEX conversation_refs_user ON conversation_refs (user_id)`,
    ],
  },
  {
    // Local Direct Line conversations and their activity sets (src/http/directline), so web chats survive a restart.
    version: 2,
    name: 'direct line conversations',
    statements: [
      `CREATE TABLE directline_conversations (conversation_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at {TS} NOT NULL,
        last_active_at {TS} NOT NULL, next_seq INTEGER NOT NULL)`,
      `CREATE INDEX directline_conversations_idle ON directline_conversations (last_active_at)`,
      `CREATE INDEX directline_conversations_user ON directline_conversations (user_id)`,
      `CREATE TABLE directline_activities (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, activity {JSON} NOT NULL,
        PRIMARY KEY (conversation_id, seq))`,
    ],
  },
  {
    // Knowledge gaps owners closed with an answer (src/admin): one row per message text (hashed).
    version: 3,
    name: 'knowledge gap status',
    statements: [
      `CREATE TABLE gap_status (text_key TEXT PRIMARY KEY, gap_id TEXT NOT NULL, faq_id TEXT NOT NULL, actor TEXT NOT NULL, closed_at {TS} NOT NULL)`,
      `CREATE INDEX gap_status_gap ON gap_status (gap_id)`,
    ],
  },
  {
    // The demo travel platform's sample bookings, with the messages and requests made on them (docs/platform.md).
    version: 5,
    name: 'demo platform bookings',
    statements: [
      `CREATE TABLE bookings (reference TEXT PRIMARY KEY, email TEXT NOT NULL, product TEXT NOT NULL, updated_at {TS} NOT NULL, doc {JSON} NOT NULL)`,
      `CREATE INDEX bookings_email ON bookings (email)`,
    ],
  },
  {
    // Rate limits shared by every instance (src/storage/rateLimit): one fixed-window counter per key, times in epoch ms.
    version: 12,
    name: 'shared rate limits',
    statements: [
      `CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_start BIGINT NOT NULL, used INTEGER NOT NULL, expires_at BIGINT NOT NULL)`,
      `CREATE INDEX rate_limits_expiry ON rate_limits (expires_at)`,
    ],
  },
];

const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { JSON: 'TEXT', TS: 'TEXT', SERIAL: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { JSON: 'JSONB', TS: 'TIMESTAMPTZ', SERIAL: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY' },
};

/** The newest schema version this code knows. */
// Versions are assigned to parallel work and appended in merge order, so the latest is the highest, not the last.
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Applies pending migrations in one transaction; idempotent. On PostgreSQL a transaction-scoped advisory
 * lock (per schema) makes instances that start together wait for each other instead of racing.
 */
export async function migrate(db: Sql, schema = 'public'): Promise<number[]> {
  return db.tx(async (q) => {
    if (db.dialect === 'postgres') {
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rebound:migrate:${schema}`]);
      await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
    await q.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${TYPES[db.dialect].TS} NOT NULL)`,
    );
    const done = new Set((await q.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await apply(q, migration);
      applied.push(migration.version);
    }
    return applied;
  });
}

async function apply(q: SqlRunner, migration: Migration): Promise<void> {
  for (const statement of migration.statements) {
    await q.query(statement.replace(/\{(JSON|TS|SERIAL)\}/g, (_m, t: string) => TYPES[q.dialect][t]));
  }
  await q.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    new Date().toISOString(),
  ]);
}
