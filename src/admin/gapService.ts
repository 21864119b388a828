import { faqTopic, type Faq, type KnowledgeBase } from '../knowledge';
import type { AnalyticsStore, ClosedGapRecord, GapStatusStore } from '../storage/ports';
import { AppError } from '../shared/errors';
import { GAP_EVENT_TYPES, gapMessages } from './gapMessages';
import { clusterGaps, type Gap } from './gaps';

/** A closed gap as listed: which FAQ answered it, who and when. */
export interface ClosedGap {
  id: string;
  status: 'closed';
  count: number;
  faqId: string;
  closedBy: string;
  closedAt: string;
}

/** How a gap is answered: a new FAQ, or question variants of an existing one. */
export type GapAnswer =
  | { mode: 'new'; faq: { id: string; answer: string; tags?: string[]; locale?: string; questions?: string[] } }
  | { mode: 'variants'; faqId: string; questions?: string[] };

/** Reads the knowledge gaps from the analytics events, without the messages owners already answered. */
export class GapService {
  constructor(
    private readonly analytics: AnalyticsStore,
    private readonly status: GapStatusStore,
  ) {}

  /** Open gaps of the window, largest first. */
  async open(window: { from: Date; to: Date }, kb: KnowledgeBase): Promise<Gap[]> {
    const [events, closed] = await Promise.all([
      this.analytics.query({ ...window, types: GAP_EVENT_TYPES }),
      this.status.list(),
    ]);
    const done = new Set(closed.map((c) => c.textKey));
    return clusterGaps(gapMessages(events).filter((m) => !done.has(m.textKey)), kb.faqs);
  }

  /** Closed gaps, newest first. */
  async closed(): Promise<ClosedGap[]> {
    const byGap = new Map<string, ClosedGap>();
    for (const r of await this.status.list()) {
      const g = byGap.get(r.gapId);
      if (g) g.count += 1;
      else byGap.set(r.gapId, { id: r.gapId, status: 'closed', count: 1, faqId: r.faqId, closedBy: r.actor, closedAt: r.closedAt });
    }
    return [...byGap.values()].sort((a, b) => b.closedAt.localeCompare(a.closedAt));
  }

  /** Marks every message of the gap answered by the FAQ. */
  async close(gap: Gap, faqId: string, actor: string, at: Date): Promise<void> {
    const records: ClosedGapRecord[] = gap.textKeys.map((textKey) => ({ textKey, gapId: gap.id, faqId, actor, closedAt: at.toISOString() }));
    await this.status.close(records);
  }
}

/** The KB with a gap's answer applied (unvalidated), and the id of the FAQ that answers it. */
export function applyGapAnswer(kb: KnowledgeBase, gap: Gap, answer: GapAnswer): { candidate: unknown; faqId: string } {
  const questionsOf = (given: string[] | undefined) => (given && given.length > 0 ? given : gap.examples);
  if (answer.mode === 'new') {
    if (kb.faqs.some((f) => f.id === answer.faq.id)) throw new AppError('CONFLICT', `faqs/${answer.faq.id} already exists`);
    const faq = { tags: [], locale: 'en', topic: faqTopic(answer.faq), ...answer.faq, questions: questionsOf(answer.faq.questions) };
    return { candidate: { ...kb, faqs: [...kb.faqs, faq] }, faqId: answer.faq.id };
  }
  const index = kb.faqs.findIndex((f) => f.id === answer.faqId);
  if (index < 0) throw new AppError('NOT_FOUND', `faqs/${answer.faqId} not found`);
  const existing = kb.faqs[index]!;
  const known = new Set(existing.questions.map((q) => q.trim().toLowerCase()));
  const added = questionsOf(answer.questions).filter((q) => !known.has(q.trim().toLowerCase()));
  const faq: Faq = { ...existing, questions: [...existing.questions, ...added] };
  return { candidate: { ...kb, faqs: kb.faqs.map((f, i) => (i === index ? faq : f)) }, faqId: existing.id };
}
