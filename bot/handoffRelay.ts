import type { TurnContext } from 'botbuilder';
import { targetOf } from '../src/conversation/target';
import type { QueueService } from '../src/handoff';
import { travellerTexts } from '../src/handoff';
import type { DialogServices } from '../dialogs/services';
import { turnInput } from '../dialogs/turn';
import type { TurnInterceptor } from './reboundBot';

/** What the traveller did, as one line for the agent. */
function lineOf(context: TurnContext): string {
  const a = context.activity;
  if (a.text?.trim()) return a.text.trim();
  const label = a.value && typeof a.value === 'object' ? (a.value as { label?: unknown }).label : undefined;
  if (typeof label === 'string') return `[pressed] ${label}`;
  if (a.value !== undefined) return '[pressed a button]';
  return a.attachments?.length ? `[sent ${a.attachments.length} attachment(s)]` : '';
}

/**
 * The handoff relay, run before the dialogs. While the conversation's case waits for a person or is with
 * one, what the traveller writes goes to the case (and, through the case notices, live to every agent on
 * every instance) and the bot stays quiet, except for "status" (the dialogs answer it) and, while still
 * queued, leaving the queue ("cancel"). Everything it reads is in the stores, so a restart changes nothing.
 */
export class HandoffRelay implements TurnInterceptor {
  constructor(
    private readonly queue: QueueService,
    private readonly services: DialogServices,
  ) {}

  /** True when the turn belonged to a person and the dialogs must not run. */
  async intercept(context: TurnContext): Promise<boolean> {
    if (context.activity.type !== 'message') return false;
    const c = await this.queue.active(context.activity.conversation.id);
    if (!c || (c.status !== 'pending' && c.status !== 'assigned')) return false;
    const command = this.command(context);
    if (command === 'status') return false;
    // "talk to a person" while queued: the handoff dialog repeats the reference and the place in the queue.
    if (command === 'human' && c.status === 'pending') return false;
    const travellerId = context.activity.from?.id ?? 'unknown';
    if (c.status === 'pending' && (command === 'cancel' || command === 'start_over')) {
      const returned = await this.queue.leaveQueue(c, travellerId);
      await context.sendActivity(travellerTexts.leftQueue(returned));
      return true;
    }
    const line = lineOf(context);
    if (!line) return true;
    await this.queue.travellerMessage(c, travellerId, line);
    // With an agent the bot stays silent: the agent answers. While queued, say that the message was kept.
    if (c.status === 'pending') await context.sendActivity(travellerTexts.addedWhileWaiting(c));
    return true;
  }

  private command(context: TurnContext): string | null {
    const input = turnInput(context, this.services);
    if (input.kind !== 'text' || input.understanding.verdict !== 'match' || !input.understanding.best) return null;
    const target = targetOf(input.understanding.best, this.services.knowledge());
    return target?.kind === 'system' ? target.name : null;
  }
}
