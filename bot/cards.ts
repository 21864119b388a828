import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Choice } from '../src/conversation/clarify';
import { sanitizeMarkdown } from '../src/shared/sanitizeMarkdown';

/** Adaptive Card version that Teams and Web Chat both render. */
export const CARD_VERSION = '1.5';

/** The data every Action.Submit of ours carries; Teams and Web Chat post it back as `activity.value`. */
export interface SubmitData {
  rebound: 'choose' | 'feedback' | 'answer';
  target?: string;
  label?: string;
  value?: string;
  [key: string]: unknown;
}

type CardElement = Record<string, unknown>;

/** A wrapping TextBlock (Markdown subset: bold, italics, lists, links); raw HTML and unsafe links are removed. */
export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: sanitizeMarkdown(text), wrap: true, ...extra };
}

/** An Action.Submit button that posts `data` back (works in Teams and Web Chat alike). */
export function submitAction(title: string, data: SubmitData): CardElement {
  return { type: 'Action.Submit', title, data };
}

/** An Adaptive Card attachment. */
export function card(body: CardElement[], actions: CardElement[] = []): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
  });
}

/** A message made of one card, with a plain-text summary for channels and clients that show no cards. */
export function cardMessage(summary: string, attachment: Attachment): Partial<Activity> {
  const message = MessageFactory.attachment(attachment);
  message.summary = sanitizeMarkdown(summary);
  return message;
}

/** Choice buttons: "did you mean ...?" and similar. */
export function choicesCard(prompt: string, choices: Choice[]): Partial<Activity> {
  return cardMessage(
    prompt,
    card(
      [textBlock(prompt)],
      choices.map((c) => submitAction(c.label, { rebound: 'choose', target: c.target, label: c.label })),
    ),
  );
}

/** An FAQ answer with "did this help?" buttons (the feedback feeds the owner's gap list). */
export function answerCard(title: string, markdown: string, faqId: string): Partial<Activity> {
  return cardMessage(
    `${title}\n\n${markdown}`,
    card(
      [textBlock(title, { weight: 'Bolder' }), textBlock(markdown), textBlock('Did this answer your question?', { isSubtle: true, spacing: 'Medium' })],
      [
        submitAction('Yes, thanks', { rebound: 'feedback', target: `faq:${faqId}`, value: 'helpful' }),
        submitAction('Not really', { rebound: 'feedback', target: `faq:${faqId}`, value: 'unhelpful' }),
      ],
    ),
  );
}
