import type { KnowledgeBase } from '../../src/knowledge/schema';
import { fillPlaceholders } from '../../src/recovery';

/** An FAQ's answer as the traveller reads it: the platform's own values ({refundTimeCard}...) filled in. */
export function faqAnswerText(kb: KnowledgeBase, faqId: string): string {
  const faq = kb.faqs.find((f) => f.id === faqId);
  if (!faq) throw new Error(`no FAQ ${faqId} in the knowledge base`);
  return fillPlaceholders(faq.answer, { ...kb.platform.values, platform: kb.platform.name, assistant: kb.platform.assistantName }).text.trim();
}
