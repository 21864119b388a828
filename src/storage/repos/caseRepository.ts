import { ACTIVE_CASE_STATUSES, normaliseCaseReference, type Case, type CaseEvent, type CaseStatus } from '../../handoff/caseModel';
import type { CaseListOptions, CaseRepository } from '../../handoff/ports';
import { AppError, isAppError } from '../../shared/errors';
import { fromJson, toJson, toTs, type Sql, type SqlRunner } from '../sql/sql';

const RANK = { high: 0, normal: 1 } as const;
const ACTIVE = ACTIVE_CASE_STATUSES.map((s) => `'${s}'`).join(', ');

/** CaseRepository on SQL: indexed columns for queries, the whole case as JSON, a version for optimistic concurrency. */
export class SqlCaseRepository implements CaseRepository {
  constructor(private readonly db: Sql) {}

  /** Stores a new case as version 1 with its events. */
  async create(newCase: Case, events: readonly CaseEvent[] = []): Promise<Case> {
    const stored = { ...newCase, version: 1 };
    try {
      await this.db.tx(async (q) => {
        await q.query(
          `INSERT INTO cases (id, reference, conversation_id, user_id, channel_id, status, priority_rank, created_at, updated_at, due_at, version, doc)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [stored.id, stored.reference, stored.conversationId, stored.userId, stored.channelId, stored.status, RANK[stored.priority],
            toTs(stored.createdAt), toTs(stored.updatedAt), stored.dueAt ? toTs(stored.dueAt) : null, 1, toJson(stored)],
        );
        for (const event of events) await insertEvent(q, event);
      });
    } catch (err) {
      if (isAppError(err) && err.code === 'CONFLICT') throw new AppError('CONFLICT', `case ${stored.id} or reference ${stored.reference} already exists`, { field: 'reference' });
      throw err;
    }
    return stored;
  }

  /** The case with this id, or null. */
  async get(id: string): Promise<Case | null> {
    return this.one('SELECT doc, version FROM cases WHERE id = $1', [id]);
  }

  /** The case with this reference, or null. */
  async getByReference(reference: string): Promise<Case | null> {
    const normalised = normaliseCaseReference(reference);
    return normalised ? this.one('SELECT doc, version FROM cases WHERE reference = $1', [normalised]) : null;
  }

  /** The newest active case of the conversation, or null. */
  async findActiveByConversation(conversationId: string): Promise<Case | null> {
    return this.one(
      `SELECT doc, version FROM cases WHERE conversation_id = $1 AND status IN (${ACTIVE}) ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
  }

  /** Cases in the statuses, in queue order. */
  async list(status: CaseStatus | readonly CaseStatus[], options: CaseListOptions = {}): Promise<Case[]> {
    const statuses = typeof status === 'string' ? [status] : [...status];
    if (statuses.length === 0) return [];
    const placeholders = statuses.map((_s, i) => `$${i + 2}`).join(', ');
    const { rows } = await this.db.query<Row>(
      `SELECT doc, version FROM cases WHERE status IN (${placeholders}) ORDER BY priority_rank, created_at, id LIMIT $1`,
      [options.limit ?? 1000, ...statuses],
    );
    return rows.map(toCase);
  }

  /** Saves the case if its version is still expectedVersion; events land in the same transaction. */
  async update(next: Case, expectedVersion: number, events: readonly CaseEvent[] = []): Promise<Case> {
    const stored = { ...next, version: expectedVersion + 1 };
    await this.db.tx(async (q) => {
      const result = await q.query(
        `UPDATE cases SET status = $1, priority_rank = $2, updated_at = $3, due_at = $4, version = $5, doc = $6
         WHERE id = $7 AND version = $8`,
        [stored.status, RANK[stored.priority], toTs(stored.updatedAt), stored.dueAt ? toTs(stored.dueAt) : null, stored.version,
          toJson(stored), stored.id, expectedVersion],
      );
      if (result.rowCount === 0) {
        const exists = await q.query('SELECT version FROM cases WHERE id = $1', [stored.id]);
        if (exists.rows.length === 0) throw new AppError('NOT_FOUND', `case ${stored.id} does not exist`);
        throw new AppError('CONFLICT', `case ${stored.id} was changed by someone else`, { caseId: stored.id, expectedVersion });
      }
      for (const event of events) await insertEvent(q, event);
    });
    return stored;
  }

  /** Records an event of an existing case. */
  async appendEvent(event: CaseEvent): Promise<void> {
    await this.db.tx(async (q) => {
      const exists = await q.query('SELECT 1 FROM cases WHERE id = $1', [event.caseId]);
      if (exists.rows.length === 0) throw new AppError('NOT_FOUND', `case ${event.caseId} does not exist`);
      await insertEvent(q, event);
    });
  }

  /** Events of the case, in recording order. */
  async listEvents(caseId: string): Promise<CaseEvent[]> {
    const { rows } = await this.db.query<{ doc: unknown }>('SELECT doc FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId]);
    return rows.map((r) => fromJson<CaseEvent>(r.doc));
  }

  /** Active cases due at or before now. */
  async findDue(now: Date, limit = 100): Promise<Case[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT doc, version FROM cases WHERE due_at IS NOT NULL AND due_at <= $1 AND status IN (${ACTIVE}) ORDER BY due_at, id LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map(toCase);
  }

  private async one(text: string, params: unknown[]): Promise<Case | null> {
    const { rows } = await this.db.query<Row>(text, params);
    return rows.length ? toCase(rows[0]) : null;
  }
}

type Row = { doc: unknown; version: number | string };

function toCase(row: Row): Case {
  return { ...fromJson<Case>(row.doc), version: Number(row.version) };
}

async function insertEvent(q: SqlRunner, event: CaseEvent): Promise<void> {
  await q.query('INSERT INTO case_events (id, case_id, type, at, doc) VALUES ($1, $2, $3, $4, $5)', [
    event.id, event.caseId, event.type, toTs(event.at), toJson(event),
  ]);
}
