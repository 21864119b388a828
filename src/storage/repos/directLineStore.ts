import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { activityId, type ActivitySet, type DirectLineActivity, type DirectLineConversation, type DirectLineStore, type NewActivity } from '../../http/directline/store';
import { fromJson, fromTs, toJson, toTs, type Sql } from '../sql/sql';

/** Bounds of the stored Direct Line conversations (retention by age is purgeIdleBefore, run by the retention sweep). */
export interface DirectLineStoreLimits {
  /** The oldest activities of a conversation beyond this many are deleted (a reload replays the rest). */
  maxActivitiesPerConversation: number;
}

/**
 * Direct Line conversations and their activity sets on SQL (migration 2), so a conversation survives a restart
 * and any instance can serve its activities. Sequence numbers come from the conversation row, bumped in the
 * transaction that inserts the activity: on PostgreSQL the row lock orders appends from several instances.
 */
export class SqlDirectLineStore implements DirectLineStore {
  private readonly limits: DirectLineStoreLimits;

  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
    limits: Partial<DirectLineStoreLimits> = {},
  ) {
    this.limits = { maxActivitiesPerConversation: 500, ...limits };
  }

  /** Creates the conversation; false when the id exists. */
  async create(conversation: DirectLineConversation): Promise<boolean> {
    const at = toTs(conversation.createdAt);
    const result = await this.db.query(
      `INSERT INTO directline_conversations (conversation_id, user_id, created_at, last_active_at, next_seq) VALUES ($1, $2, $3, $3, 0)
       ON CONFLICT (conversation_id) DO NOTHING`,
      [conversation.id, conversation.userId, at],
    );
    return result.rowCount === 1;
  }

  /** The conversation, or null. */
  async get(conversationId: string): Promise<DirectLineConversation | null> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT conversation_id, user_id, created_at FROM directline_conversations WHERE conversation_id = $1', [conversationId]);
    const row = rows[0];
    return row ? { id: String(row.conversation_id), userId: String(row.user_id), createdAt: fromTs(row.created_at) } : null;
  }

  /** Appends with the next sequence number; NOT_FOUND for an unknown conversation. */
  async append(conversationId: string, activity: NewActivity): Promise<{ activity: DirectLineActivity; watermark: number }> {
    return this.db.tx(async (q) => {
      const bumped = await q.query<{ next_seq: number }>(
        'UPDATE directline_conversations SET next_seq = next_seq + 1, last_active_at = $2 WHERE conversation_id = $1 RETURNING next_seq',
        [conversationId, this.clock.now().toISOString()],
      );
      if (!bumped.rows[0]) throw new AppError('NOT_FOUND', 'Conversation not found.');
      const seq = Number(bumped.rows[0].next_seq) - 1;
      const stored: DirectLineActivity = { ...activity, id: activityId(conversationId, seq) };
      await q.query('INSERT INTO directline_activities (conversation_id, seq, activity) VALUES ($1, $2, $3)', [conversationId, seq, toJson(stored)]);
      const oldestKept = seq - this.limits.maxActivitiesPerConversation + 1;
      if (oldestKept > 0) await q.query('DELETE FROM directline_activities WHERE conversation_id = $1 AND seq < $2', [conversationId, oldestKept]);
      return { activity: stored, watermark: seq };
    });
  }

  /** Activities after the watermark; the watermark returned covers exactly what was read. */
  async list(conversationId: string, afterWatermark: number): Promise<ActivitySet> {
    const head = await this.db.query<{ next_seq: number }>('SELECT next_seq FROM directline_conversations WHERE conversation_id = $1', [conversationId]);
    if (!head.rows[0]) return { activities: [], watermark: String(afterWatermark) };
    // Bounded by the sequence read first: an append landing meanwhile is left for the next read, never skipped.
    const nextSeq = Number(head.rows[0].next_seq);
    const { rows } = await this.db.query<{ activity: unknown }>(
      'SELECT activity FROM directline_activities WHERE conversation_id = $1 AND seq > $2 AND seq < $3 ORDER BY seq',
      [conversationId, afterWatermark, nextSeq],
    );
    return { activities: rows.map((r) => fromJson<DirectLineActivity>(r.activity)), watermark: String(Math.max(nextSeq - 1, afterWatermark)) };
  }

  /** Deletes conversations (and their activities) idle since before the date; returns how many conversations. */
  async purgeIdleBefore(date: Date): Promise<number> {
    return this.db.tx(async (q) => {
      const at = date.toISOString();
      await q.query('DELETE FROM directline_activities WHERE conversation_id IN (SELECT conversation_id FROM directline_conversations WHERE last_active_at < $1)', [at]);
      return (await q.query('DELETE FROM directline_conversations WHERE last_active_at < $1', [at])).rowCount;
    });
  }
}
