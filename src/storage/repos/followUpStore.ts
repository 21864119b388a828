import type { Clock } from '../../shared/clock';
import type { FollowUp, FollowUpStore, NewFollowUp } from '../ports';
import { fromJson, fromTs, fromTsOpt, opt, toJson, toTs, type Sql } from '../sql/sql';

/** How long a claim holds before another instance may take the follow-up over (its owner presumably died). */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Follow-ups on SQL: claimDue is one UPDATE ... RETURNING, with SKIP LOCKED on PostgreSQL, so each goes to one caller. */
export class SqlFollowUpStore implements FollowUpStore {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** Schedules it unless the id exists. */
  async schedule(f: NewFollowUp): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const result = await this.db.query(
      `INSERT INTO follow_ups (id, conversation_id, user_id, case_id, kind, due_at, status, attempts, created_at, updated_at, payload)
       VALUES ($1, $2, $3, $4, $5, $6, 'scheduled', 0, $7, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [f.id, f.conversationId, f.userId, f.caseId, f.kind, toTs(f.dueAt), now, toJson(f.payload)],
    );
    return result.rowCount === 1;
  }

  /** One follow-up, or null. */
  async get(id: string): Promise<FollowUp | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM follow_ups WHERE id = $1', [id]);
    return rows[0] ? toFollowUp(rows[0]) : null;
  }

  /** Cancels a scheduled follow-up. */
  async cancel(id: string): Promise<boolean> {
    const result = await this.db.query(`UPDATE follow_ups SET status = 'cancelled', updated_at = $2 WHERE id = $1 AND status = 'scheduled'`, [
      id,
      this.clock.now().toISOString(),
    ]);
    return result.rowCount === 1;
  }

  /** Claims up to limit due follow-ups (or expired claims) for owner. */
  async claimDue(now: Date, owner: string, limit: number, leaseMs = DEFAULT_LEASE_MS): Promise<FollowUp[]> {
    const at = now.toISOString();
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const { rows } = await this.db.query<Record<string, unknown>>(
      `UPDATE follow_ups SET status = 'claimed', owner = $1, lease_until = $2, attempts = attempts + 1, updated_at = $3
       WHERE id IN (
         SELECT id FROM follow_ups
         WHERE (status = 'scheduled' AND due_at <= $3) OR (status = 'claimed' AND lease_until <= $3)
         ORDER BY due_at, id LIMIT $4 ${lock})
       RETURNING *`,
      [owner, new Date(now.getTime() + leaseMs).toISOString(), at, limit],
    );
    return rows.map(toFollowUp).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  }

  /** Marks it done if owner still holds it. */
  async complete(id: string, owner: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE follow_ups SET status = 'done', lease_until = NULL, updated_at = $3 WHERE id = $1 AND owner = $2 AND status = 'claimed'`,
      [id, owner, this.clock.now().toISOString()],
    );
    return result.rowCount === 1;
  }

  /** Reschedules it at retryAt, or fails it for good. */
  async fail(id: string, owner: string, error: string, retryAt?: Date): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const result = retryAt
      ? await this.db.query(
          `UPDATE follow_ups SET status = 'scheduled', owner = NULL, lease_until = NULL, due_at = $4, last_error = $3, updated_at = $5
           WHERE id = $1 AND owner = $2 AND status = 'claimed'`,
          [id, owner, error, retryAt.toISOString(), now],
        )
      : await this.db.query(
          `UPDATE follow_ups SET status = 'failed', lease_until = NULL, last_error = $3, updated_at = $4
           WHERE id = $1 AND owner = $2 AND status = 'claimed'`,
          [id, owner, error, now],
        );
    return result.rowCount === 1;
  }
}

/** Maps a follow_ups row. */
export function toFollowUp(row: Record<string, unknown>): FollowUp {
  const f: FollowUp = {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    kind: String(row.kind),
    dueAt: fromTs(row.due_at),
    payload: fromJson(row.payload),
    status: row.status as FollowUp['status'],
    attempts: Number(row.attempts),
  };
  const optional = { userId: opt(row.user_id), caseId: opt(row.case_id), owner: opt(row.owner), leaseUntil: fromTsOpt(row.lease_until), lastError: opt(row.last_error) };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(f, { [k]: v });
  return f;
}
