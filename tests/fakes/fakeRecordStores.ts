import { randomUUID } from 'node:crypto';
import { redact } from '../../src/shared/redact';
import type {
  AnalyticsEvent, AnalyticsQuery, AnalyticsStore, ConversationReferenceStore, NewAnalyticsEvent, NewTranscriptEntry, TranscriptEntry, TranscriptStore,
} from '../../src/storage/ports';

const clone = <T>(v: T): T => structuredClone(v);

/** In-memory TranscriptStore (redacts like the adapters). */
export class FakeTranscriptStore implements TranscriptStore {
  readonly entries: TranscriptEntry[] = [];
  private seq = 0;

  /** Appends a redacted line. */
  async append(entry: NewTranscriptEntry): Promise<TranscriptEntry> {
    const stored = { ...clone(entry), at: new Date(entry.at).toISOString(), text: redact(entry.text), seq: ++this.seq };
    this.entries.push(stored);
    return clone(stored);
  }

  /** Lines of a conversation. */
  async list(conversationId: string, options: { after?: number; limit?: number } = {}): Promise<TranscriptEntry[]> {
    return this.entries.filter((e) => e.conversationId === conversationId && e.seq > (options.after ?? 0)).slice(0, options.limit ?? 10_000).map(clone);
  }

  /** Purges old lines. */
  async purgeOlderThan(date: Date): Promise<number> {
    const before = this.entries.length;
    this.entries.splice(0, before, ...this.entries.filter((e) => e.at >= date.toISOString()));
    return before - this.entries.length;
  }
}

/** In-memory AnalyticsStore. */
export class FakeAnalyticsStore implements AnalyticsStore {
  readonly events: AnalyticsEvent[] = [];

  /** Records. */
  async record(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const stored = { ...clone(event), id: randomUUID(), at: new Date(event.at).toISOString() };
    this.events.push(stored);
    return clone(stored);
  }

  /** [from, to), oldest first. */
  async query(q: AnalyticsQuery): Promise<AnalyticsEvent[]> {
    const [from, to] = [q.from.toISOString(), q.to.toISOString()];
    return this.events
      .filter((e) => e.at >= from && e.at < to && (!q.types?.length || q.types.includes(e.type)))
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(0, q.limit ?? 100_000)
      .map(clone);
  }

  /** Purges old events. */
  async purgeOlderThan(date: Date): Promise<number> {
    const before = this.events.length;
    this.events.splice(0, before, ...this.events.filter((e) => e.at >= date.toISOString()));
    return before - this.events.length;
  }
}

/** In-memory ConversationReferenceStore. */
export class FakeConversationReferenceStore implements ConversationReferenceStore {
  readonly references = new Map<string, { reference: Record<string, unknown>; userId?: string }>();

  /** Saves. */
  async save(conversationId: string, reference: Record<string, unknown>, userId?: string): Promise<void> {
    this.references.set(conversationId, { reference: clone(reference), userId: userId ?? this.references.get(conversationId)?.userId });
  }

  /** Reads. */
  async get(conversationId: string): Promise<Record<string, unknown> | null> {
    return clone(this.references.get(conversationId)?.reference ?? null);
  }

  /** Forgets. */
  async delete(conversationId: string): Promise<void> {
    this.references.delete(conversationId);
  }
}
