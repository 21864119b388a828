/** A Direct Line conversation: who may use it. */
export interface DirectLineConversation {
  id: string;
  userId: string;
  createdAt: string;
}

/** An activity as the Direct Line clients receive it (id `<conversationId>|<seq>`). */
export interface DirectLineActivity {
  id: string;
  type: string;
  [key: string]: unknown;
}

/** An activity before the store gives it its id. */
export interface NewActivity {
  type: string;
  [key: string]: unknown;
}

/** A slice of a conversation's activity set, with the watermark to ask for the next one. */
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}

/** Where Direct Line conversations and their activity sets live: Stores.directLine (SQLite/PostgreSQL) in the app, memory otherwise. */
export interface DirectLineStore {
  /** Creates the conversation; false when it already exists. */
  create(conversation: DirectLineConversation): Promise<boolean>;
  get(conversationId: string): Promise<DirectLineConversation | null>;
  /** Appends an activity, giving it the next sequence number and its id; returns it with its watermark. */
  append(conversationId: string, activity: NewActivity): Promise<{ activity: DirectLineActivity; watermark: number }>;
  /** Activities after the watermark (all of them for -1), oldest first. */
  list(conversationId: string, afterWatermark: number): Promise<ActivitySet>;
}

/** Formats an activity id the way the hosted service does: `<conversationId>|0000042`. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

interface Entry {
  conversation: DirectLineConversation;
  nextSeq: number;
  activities: Array<{ seq: number; activity: DirectLineActivity }>;
}

/** Limits of the in-memory store: the least recently used conversations and oldest activities go first. */
export interface MemoryStoreLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
}

/** In-memory DirectLineStore, bounded; lost on restart (documented in docs/channels.md). */
export class InMemoryDirectLineStore implements DirectLineStore {
  private readonly entries = new Map<string, Entry>();
  private readonly limits: MemoryStoreLimits;

  constructor(limits: Partial<MemoryStoreLimits> = {}) {
    this.limits = { maxConversations: 10_000, maxActivitiesPerConversation: 500, ...limits };
  }

  async create(conversation: DirectLineConversation): Promise<boolean> {
    if (this.entries.has(conversation.id)) return false;
    this.entries.set(conversation.id, { conversation: { ...conversation }, nextSeq: 0, activities: [] });
    while (this.entries.size > this.limits.maxConversations) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return true;
  }

  async get(conversationId: string): Promise<DirectLineConversation | null> {
    const entry = this.touch(conversationId);
    return entry ? { ...entry.conversation } : null;
  }

  async append(conversationId: string, activity: NewActivity) {
    const entry = this.touch(conversationId);
    if (!entry) throw new Error(`unknown Direct Line conversation ${conversationId}`);
    const seq = entry.nextSeq++;
    const stored: DirectLineActivity = { ...activity, id: activityId(conversationId, seq) };
    entry.activities.push({ seq, activity: stored });
    if (entry.activities.length > this.limits.maxActivitiesPerConversation) entry.activities.shift();
    return { activity: structuredClone(stored), watermark: seq };
  }

  async list(conversationId: string, afterWatermark: number): Promise<ActivitySet> {
    const entry = this.touch(conversationId);
    if (!entry) return { activities: [], watermark: String(afterWatermark) };
    const activities = entry.activities.filter((a) => a.seq > afterWatermark).map((a) => structuredClone(a.activity));
    const last = entry.nextSeq - 1;
    return { activities, watermark: String(Math.max(last, afterWatermark)) };
  }

  /** Moves the conversation to the most recently used end. */
  private touch(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry) {
      this.entries.delete(conversationId);
      this.entries.set(conversationId, entry);
    }
    return entry;
  }
}
