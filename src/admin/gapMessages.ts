import { createHash } from 'node:crypto';
import { normalizeText } from '../nlu/normalize';
import type { AnalyticsEvent } from '../storage/ports';

/** Why a message is a knowledge gap. */
export type GapKind = 'not_understood' | 'low_confidence' | 'unhelpful' | 'clarification_rejected';
/** Every gap kind, in display order. */
export const GAP_KINDS: readonly GapKind[] = ['not_understood', 'low_confidence', 'unhelpful', 'clarification_rejected'];
/** An FAQ answer below this confidence counts as a low-confidence answer. */
export const LOW_CONFIDENCE = 0.6;
/** The analytics event types the gaps are read from. */
export const GAP_EVENT_TYPES = ['not_understood', 'clarification_asked', 'faq_answered', 'answer_unhelpful', 'clarification_rejected'] as const;

/** One traveller message the bot could not answer well (text as recorded: redacted). */
export interface GapMessage {
  text: string;
  normalized: string;
  /** sha256 of the normalised text: how a closed gap remembers its messages without keeping them. */
  textKey: string;
  at: string;
  conversationId?: string;
  kinds: Set<GapKind>;
}

/** The key under which a message text is closed. */
export function textKeyOf(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex').slice(0, 32);
}

/**
 * The gap messages of a list of analytics events (oldest first): misunderstood and clarified messages,
 * FAQ answers below `lowConfidence`, and the messages behind an "unhelpful" vote or a rejected
 * clarification (the latest answered or clarified message of the same conversation). One message per
 * conversation and text, with every reason it is a gap.
 */
export function gapMessages(events: readonly AnalyticsEvent[], lowConfidence = LOW_CONFIDENCE): GapMessage[] {
  const out = new Map<string, GapMessage>();
  const lastAsked = new Map<string, string>();
  const lastAnswer = new Map<string, { faqId: unknown; text: string }>();
  const add = (e: AnalyticsEvent, text: string, kind: GapKind) => {
    const normalized = normalizeText(text);
    if (!normalized) return;
    const key = `${e.conversationId ?? e.id}\u0000${normalized}`;
    const found = out.get(key);
    if (found) found.kinds.add(kind);
    else out.set(key, { text, normalized, textKey: textKeyOf(normalized), at: e.at, conversationId: e.conversationId, kinds: new Set([kind]) });
  };
  for (const e of events) {
    const data = e.data ?? {};
    const conv = e.conversationId ?? '';
    const text = typeof data.text === 'string' ? data.text : '';
    switch (e.type) {
      case 'not_understood':
      case 'clarification_asked':
        if (text) {
          add(e, text, 'not_understood');
          lastAsked.set(conv, text);
        }
        break;
      case 'faq_answered':
        if (!text) break;
        lastAnswer.set(conv, { faqId: data.faqId, text });
        if (typeof data.confidence === 'number' && data.confidence < lowConfidence) add(e, text, 'low_confidence');
        break;
      case 'answer_unhelpful': {
        const answered = lastAnswer.get(conv);
        if (answered && (!data.target || data.target === answered.faqId)) add(e, answered.text, 'unhelpful');
        break;
      }
      case 'clarification_rejected': {
        const asked = lastAsked.get(conv);
        if (asked) add(e, asked, 'clarification_rejected');
        break;
      }
    }
  }
  return [...out.values()];
}
