import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { limitApologies } from '../src/conversation/apologies';

const SAID = Symbol('rebound.apologised');

/** The TextBlocks of an Adaptive Card, in reading order (nested containers included). */
function textBlocks(node: unknown, out: Array<{ text: string }> = []): Array<{ text: string }> {
  if (Array.isArray(node)) for (const n of node) textBlocks(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o as { text: string });
    for (const key of ['body', 'items', 'columns']) if (o[key]) textBlocks(o[key], out);
  }
  return out;
}

/**
 * One apology per reply, across every message of a turn the traveller started (the dialogs' words, the
 * knowledge base's acknowledgement, cards). Proactive turns (an agent's words, follow-ups) pass untouched.
 */
export class ApologyGuard implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') {
      context.onSendActivities(async (ctx, activities, nextSend) => {
        for (const activity of activities) if (activity.type === 'message') this.limit(ctx, activity);
        return nextSend();
      });
    }
    await next();
  }

  private limit(context: TurnContext, activity: Partial<Activity>): void {
    const before = context.turnState.get(SAID) === true;
    let said = before;
    if (typeof activity.text === 'string') ({ text: activity.text, apologised: said } = limitApologies(activity.text, said));
    for (const attachment of activity.attachments ?? []) {
      for (const block of textBlocks((attachment.content as { body?: unknown } | undefined)?.body)) {
        ({ text: block.text, apologised: said } = limitApologies(block.text, said));
      }
    }
    // The summary repeats the card for clients that show no cards: the same rule, from the same start.
    if (typeof activity.summary === 'string') activity.summary = limitApologies(activity.summary, before).text;
    context.turnState.set(SAID, said);
  }
}
