import type { Clock } from '../../src/shared/clock';
import { AppError } from '../../src/shared/errors';
import { activityId, type ActivitySet, type DirectLineActivity, type DirectLineConversation, type NewActivity } from '../../src/http/directline/store';
import type { RetainedDirectLineStore } from '../../src/storage/ports';

interface Entry {
  conversation: DirectLineConversation;
  nextSeq: number;
  lastActiveAt: string;
  activities: Array<{ seq: number; activity: DirectLineActivity }>;
}

/** In-memory RetainedDirectLineStore with the SQL adapters' semantics (activity cap, idle purge). */
export class FakeDirectLineStore implements RetainedDirectLineStore {
  readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly maxActivitiesPerConversation = 500,
  ) {}

  /** False for a known id. */
  async create(conversation: DirectLineConversation): Promise<boolean> {
    if (this.entries.has(conversation.id)) return false;
    const createdAt = new Date(conversation.createdAt).toISOString();
    this.entries.set(conversation.id, { conversation: { ...conversation, createdAt }, nextSeq: 0, lastActiveAt: createdAt, activities: [] });
    return true;
  }

  /** A copy, or null. */
  async get(conversationId: string): Promise<DirectLineConversation | null> {
    const entry = this.entries.get(conversationId);
    return entry ? { ...entry.conversation } : null;
  }

  /** Next sequence number; NOT_FOUND for an unknown conversation. */
  async append(conversationId: string, activity: NewActivity): Promise<{ activity: DirectLineActivity; watermark: number }> {
    const entry = this.entries.get(conversationId);
    if (!entry) throw new AppError('NOT_FOUND', 'Conversation not found.');
    const seq = entry.nextSeq++;
    entry.lastActiveAt = this.clock.now().toISOString();
    const stored: DirectLineActivity = structuredClone({ ...activity, id: activityId(conversationId, seq) });
    entry.activities.push({ seq, activity: stored });
    entry.activities = entry.activities.filter((a) => a.seq > seq - this.maxActivitiesPerConversation);
    return { activity: structuredClone(stored), watermark: seq };
  }

  /** After the watermark, oldest first. */
  async list(conversationId: string, afterWatermark: number): Promise<ActivitySet> {
    const entry = this.entries.get(conversationId);
    if (!entry) return { activities: [], watermark: String(afterWatermark) };
    return { activities: entry.activities.filter((a) => a.seq > afterWatermark).map((a) => structuredClone(a.activity)), watermark: String(Math.max(entry.nextSeq - 1, afterWatermark)) };
  }

  /** Drops conversations idle since before the date. */
  async purgeIdleBefore(date: Date): Promise<number> {
    const idle = [...this.entries].filter(([, e]) => e.lastActiveAt < date.toISOString());
    for (const [id] of idle) this.entries.delete(id);
    return idle.length;
  }
}
