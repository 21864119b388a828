import { randomUUID } from 'node:crypto';
import { redact } from '../../shared/redact';
import type {
  AnalyticsEvent, AnalyticsQuery, AnalyticsStore, ConversationReferenceStore, NewAnalyticsEvent, NewTranscriptEntry,
  TranscriptEntry, TranscriptStore,
} from '../ports';
import { fromJson, fromTs, opt, toJson, toTs, type Sql } from '../sql/sql';
import type { Clock } from '../../shared/clock';

/** Transcripts on SQL; text is redacted again on the way in, so a forgetful caller cannot store personal data. */
export class SqlTranscriptStore implements TranscriptStore {
  constructor(private readonly db: Sql) {}

  /** Records one redacted line. */
  async append(entry: NewTranscriptEntry): Promise<TranscriptEntry> {
    const stored = { ...entry, at: toTs(entry.at), text: redact(entry.text) };
    const { rows } = await this.db.query<{ seq: number | string }>(
      'INSERT INTO transcripts (conversation_id, user_id, case_id, at, sender, text, data) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq',
      [stored.conversationId, stored.userId, stored.caseId, stored.at, stored.from, stored.text, toJson(stored.data)],
    );
    return { ...stored, seq: Number(rows[0].seq) };
  }

  /** Lines of a conversation, oldest first. */
  async list(conversationId: string, options: { after?: number; limit?: number } = {}): Promise<TranscriptEntry[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      'SELECT * FROM transcripts WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [conversationId, options.after ?? 0, options.limit ?? 10_000],
    );
    return rows.map(toTranscriptEntry);
  }

  /** Deletes lines older than date. */
  async purgeOlderThan(date: Date): Promise<number> {
    return (await this.db.query('DELETE FROM transcripts WHERE at < $1', [date.toISOString()])).rowCount;
  }
}

/** Maps a transcripts row. */
export function toTranscriptEntry(row: Record<string, unknown>): TranscriptEntry {
  const entry: TranscriptEntry = {
    seq: Number(row.seq),
    conversationId: String(row.conversation_id),
    at: fromTs(row.at),
    from: row.sender as TranscriptEntry['from'],
    text: String(row.text),
  };
  if (row.user_id !== null) entry.userId = opt(row.user_id);
  if (row.case_id !== null) entry.caseId = opt(row.case_id);
  if (row.data !== null) entry.data = fromJson(row.data);
  return entry;
}

/** Analytics events on SQL. */
export class SqlAnalyticsStore implements AnalyticsStore {
  constructor(private readonly db: Sql) {}

  /** Records one event. */
  async record(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const stored: AnalyticsEvent = { ...event, id: randomUUID(), at: toTs(event.at) };
    await this.db.query(
      'INSERT INTO analytics (id, type, at, conversation_id, user_id, case_id, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [stored.id, stored.type, stored.at, stored.conversationId, stored.userId, stored.caseId, toJson(stored.data)],
    );
    return stored;
  }

  /** Events in [from, to), oldest first. */
  async query(query: AnalyticsQuery): Promise<AnalyticsEvent[]> {
    const types = query.types ?? [];
    const typeFilter = types.length ? `AND type IN (${types.map((_t, i) => `$${i + 4}`).join(', ')})` : '';
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM analytics WHERE at >= $1 AND at < $2 ${typeFilter} ORDER BY at, seq LIMIT $3`,
      [query.from.toISOString(), query.to.toISOString(), query.limit ?? 100_000, ...types],
    );
    return rows.map(toAnalyticsEvent);
  }

  /** Deletes events older than date. */
  async purgeOlderThan(date: Date): Promise<number> {
    return (await this.db.query('DELETE FROM analytics WHERE at < $1', [date.toISOString()])).rowCount;
  }
}

/** Maps an analytics row. */
export function toAnalyticsEvent(row: Record<string, unknown>): AnalyticsEvent {
  const event: AnalyticsEvent = { id: String(row.id), type: String(row.type), at: fromTs(row.at) };
  if (row.conversation_id !== null) event.conversationId = opt(row.conversation_id);
  if (row.user_id !== null) event.userId = opt(row.user_id);
  if (row.case_id !== null) event.caseId = opt(row.case_id);
  if (row.data !== null) event.data = fromJson(row.data);
  return event;
}

/** Conversation references on SQL. */
export class SqlConversationReferenceStore implements ConversationReferenceStore {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** Saves or replaces the reference. */
  async save(conversationId: string, reference: Record<string, unknown>, userId?: string): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_refs (conversation_id, user_id, ref, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id) DO UPDATE SET user_id = COALESCE(excluded.user_id, conversation_refs.user_id), ref = excluded.ref, updated_at = excluded.updated_at`,
      [conversationId, userId, toJson(reference), this.clock.now().toISOString()],
    );
  }

  /** The reference, or null. */
  async get(conversationId: string): Promise<Record<string, unknown> | null> {
    const { rows } = await this.db.query<{ ref: unknown }>('SELECT ref FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
    return rows[0] ? fromJson(rows[0].ref) : null;
  }

  /** Forgets the reference. */
  async delete(conversationId: string): Promise<void> {
    await this.db.query('DELETE FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
  }
}
