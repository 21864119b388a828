import { redactDeep, type PiiKind } from '../../shared/redact';
import type { ActivitySet, DirectLineActivity, DirectLineConversation, DirectLineStore, NewActivity } from './store';

/** The parts of an activity that carry what people wrote; ids, accounts, timestamps and channel fields stay as they are. */
const CONTENT_FIELDS = ['text', 'speak', 'summary', 'value', 'attachments', 'suggestedActions', 'entities'] as const;
/** channelData keys Web Chat matches its own echo by (a 13-digit time would read as a card number). */
const CLIENT_KEYS = new Set(['clientActivityID', 'clientTimestamp']);
/**
 * Booking references stay: the bot's buttons carry them ("Cancel WL-H482913"), a client reading the history
 * (polling, a reload) clicks them, and alone they identify no one (acting on one needs the traveller verified).
 */
const KEEP: readonly PiiKind[] = ['booking-ref'];

/** An activity with personal data redacted in its content fields (and in channelData, but for Web Chat's own keys). */
export function redactActivity<T extends NewActivity>(activity: T): T {
  const out: Record<string, unknown> = { ...activity };
  for (const field of CONTENT_FIELDS) if (out[field] !== undefined) out[field] = redactDeep(out[field], { keep: KEEP });
  const channelData = out.channelData;
  if (channelData && typeof channelData === 'object' && !Array.isArray(channelData)) {
    out.channelData = Object.fromEntries(Object.entries(channelData).map(([k, v]) => [k, CLIENT_KEYS.has(k) ? v : redactDeep(v, { keep: KEEP })]));
  }
  return out as T;
}

/**
 * A DirectLineStore that keeps activities redacted at rest: what is written to the store (and so what polling,
 * a reconnecting stream's backlog, an export or a backup read) has e-mails, cards, IBANs, phones, passports and
 * card codes replaced. The raw activity lives only in memory for delivery: append() returns it, so the turn
 * reads what the traveller typed and the live stream shows it as typed.
 */
export class RedactingDirectLineStore implements DirectLineStore {
  constructor(private readonly inner: DirectLineStore) {}

  create(conversation: DirectLineConversation): Promise<boolean> {
    return this.inner.create(conversation);
  }

  get(conversationId: string): Promise<DirectLineConversation | null> {
    return this.inner.get(conversationId);
  }

  /** Stores the redacted activity; returns the raw one with the id the store gave it. */
  async append(conversationId: string, activity: NewActivity): Promise<{ activity: DirectLineActivity; watermark: number }> {
    const stored = await this.inner.append(conversationId, redactActivity(activity));
    return { activity: { ...structuredClone(activity), id: stored.activity.id }, watermark: stored.watermark };
  }

  list(conversationId: string, afterWatermark: number): Promise<ActivitySet> {
    return this.inner.list(conversationId, afterWatermark);
  }
}
