import { CardFactory, MessageFactory, type ConversationReference } from 'botbuilder';
import type { ConversationMessenger, OutgoingMessage } from '../src/handoff';
import type { ConversationReferenceStore } from '../src/storage/ports';
import { AppError, isAppError } from '../src/shared/errors';
import type { ReboundAdapter } from './adapter';
import { card, submitAction, textBlock } from './cards';
import { TRANSCRIPT_SENDER } from './conversationLog';

/** Proactive messages through the adapter's continueConversationAsync and the stored conversation reference. */
export class ProactiveMessenger implements ConversationMessenger {
  constructor(
    private readonly adapter: ReboundAdapter,
    private readonly references: ConversationReferenceStore,
    private readonly appId: string,
  ) {}

  /** Sends one message to the conversation on its own channel. */
  async send(conversationId: string, message: OutgoingMessage): Promise<void> {
    const reference = (await this.references.get(conversationId)) as Partial<ConversationReference> | null;
    if (!reference) throw new AppError('NOT_FOUND', `conversation ${conversationId} has no stored reference`);
    const text = message.from?.kind === 'agent' ? `**${message.from.name}** (Wanderly support): ${message.text}` : message.text;
    // A failed send is kept and thrown after the turn: inside it, the adapter's onTurnError would log it,
    // apologise to nobody and swallow it, and the caller would believe the traveller had the message.
    let failure: unknown = null;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        if (message.from?.kind === 'agent') context.turnState.set(TRANSCRIPT_SENDER, 'agent');
        if (message.choices?.length) {
          await context.sendActivity(MessageFactory.attachment(card([textBlock(text)], message.choices.map((c) => submitAction(c.label, { rebound: 'answer', ...c.value })))));
          return;
        }
        const activity = MessageFactory.text(text);
        if (message.attachments?.length) activity.attachments = message.attachments.map((a) => CardFactory.adaptiveCard(a));
        await context.sendActivity(activity);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== null) {
      if (isAppError(failure)) throw failure;
      throw new AppError('CHANNEL_UNAVAILABLE', `the message did not reach conversation ${conversationId}: ${(failure as Error).message}`, undefined, { cause: failure });
    }
  }
}
