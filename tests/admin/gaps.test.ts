import { expect } from 'chai';
import type { AnalyticsEvent } from '../../src/storage/ports';
import { gapMessages } from '../../src/admin/gapMessages';
import { clusterGaps } from '../../src/admin/gaps';
import type { Faq } from '../../src/knowledge';

let n = 0;
const ev = (type: string, conversationId: string, data: Record<string, unknown>): AnalyticsEvent => ({
  id: `e${++n}`, type, conversationId, at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), data,
});
const faqs: Faq[] = [
  { id: 'pets', questions: ['Can I bring my dog?', 'Are pets allowed in rentals?'], answer: 'a', tags: [], locale: 'en' },
  { id: 'refund-time', questions: ['How long does a refund take?'], answer: 'b', tags: [], locale: 'en' },
];

describe('gapMessages()', () => {
  it('should take misunderstood and low-confidence messages, and find the text behind unhelpful votes and rejected clarifications', () => {
    const messages = gapMessages([
      ev('not_understood', 'c1', { text: 'karaoke on the cruise?' }),
      ev('faq_answered', 'c2', { faqId: 'pets', text: 'can my parrot come', confidence: 0.5 }),
      ev('faq_answered', 'c3', { faqId: 'refund-time', text: 'when is my money back', confidence: 0.9 }),
      ev('answer_unhelpful', 'c3', { target: 'refund-time' }),
      ev('clarification_asked', 'c4', { text: 'the thing with the stuff' }),
      ev('clarification_rejected', 'c4', {}),
      ev('faq_answered', 'c5', { faqId: 'pets', text: 'confident answer', confidence: 0.95 }),
    ]);
    const byText = Object.fromEntries(messages.map((m) => [m.text, [...m.kinds].sort()]));
    expect(byText).to.deep.equal({
      'karaoke on the cruise?': ['not_understood'],
      'can my parrot come': ['low_confidence'],
      'when is my money back': ['unhelpful'],
      'the thing with the stuff': ['clarification_rejected', 'not_understood'],
    });
  });
});

describe('clusterGaps()', () => {
  it('should group similar messages, count them, keep distinct examples and suggest the closest FAQ', () => {
    const messages = gapMessages([
      ev('not_understood', 'c1', { text: 'can I take my parrot to the rental' }),
      ev('not_understood', 'c2', { text: 'is my parrot allowed in the rental?' }),
      ev('not_understood', 'c3', { text: 'can I take my parrot to the rental' }),
      ev('not_understood', 'c4', { text: 'karaoke night on the cruise' }),
    ]);
    const gaps = clusterGaps(messages, faqs);
    expect(gaps.map((g) => g.count)).to.deep.equal([3, 1]);
    expect(gaps[0]!.examples).to.deep.equal(['can I take my parrot to the rental', 'is my parrot allowed in the rental?']);
    expect(gaps[0]!.suggestion?.faqId).to.equal('pets');
    expect(gaps[1]!.suggestion).to.equal(null);
    // The id depends on the first message only: the same gap keeps its id as messages join it.
    expect(clusterGaps(messages.slice(0, 1), faqs)[0]!.id).to.equal(gaps[0]!.id);
  });
});
