import type { Middleware, TurnContext } from 'botbuilder';
import { sanitizeMarkdown } from '../src/shared/sanitizeMarkdown';

/**
 * The last line of defence for what the bot says in plain text: every outgoing message's `text` (KB messages
 * such as the welcome and help, a platform actor's reply, facts the traveller typed and the bot repeats, an
 * agent's words) loses raw HTML and links that are not http(s), mailto: or tel:, as card texts already do.
 * Idempotent, so text that was sanitised before passes unchanged. Runs for proactive turns too.
 */
export class OutgoingTextSanitizer implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const activity of activities) {
        if (activity.type === 'message' && typeof activity.text === 'string' && activity.textFormat !== 'plain') activity.text = sanitizeMarkdown(activity.text);
      }
      return nextSend();
    });
    await next();
  }
}
