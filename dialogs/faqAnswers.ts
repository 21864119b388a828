import type { TurnContext } from 'botbuilder';
import { answerCard } from '../bot/cards';
import { fillPlaceholders } from '../src/recovery/template';
import type { DialogServices } from './services';
import type { ConversationTurn } from './turn';

/** Answers FAQ entries: the answer card, remembered as the last answer (for "and if ...?" and "that didn't work"). */
export class FaqAnswers {
  constructor(private readonly services: DialogServices) {}

  /** Sends the FAQ's answer; returns false when the knowledge base no longer has it. */
  async answer(context: TurnContext, turn: ConversationTurn, faqId: string, lead?: string): Promise<boolean> {
    const faq = this.services.knowledge().faqs.find((f) => f.id === faqId);
    if (!faq) return false;
    const title = faq.questions[0] ?? '';
    // FAQ answers name the platform's own facts ({refundTimeCard}) defined once in the knowledge base.
    const platform = this.services.knowledge().platform;
    const answer = fillPlaceholders(faq.answer, { ...platform.values, platform: platform.name, assistant: platform.assistantName }).text;
    await context.sendActivity(answerCard(lead ? `${lead}\n\n${title}` : title, answer, faq.id));
    const reading = turn.reading;
    // A follow-up answered by the same entry keeps the question it follows ("how long do refunds take?" stays
    // the question through "and with paypal?" and "apple pay, same thing?").
    if (reading) turn.update((m) => ({ ...m, lastAnswer: { faqId, text: m.lastAnswer?.faqId === faqId ? m.lastAnswer.text : reading.text, turn: m.turn } }));
    // The text (redacted by record) and confidence feed the owners' knowledge gaps (low-confidence answers).
    const said = reading ? { text: reading.text, confidence: (reading.asQuestion ?? reading.understanding).best?.confidence } : {};
    await this.services.record({ type: 'faq_answered', conversationId: context.activity.conversation.id, userId: context.activity.from?.id, data: { faqId, ...said } });
    return true;
  }
}
