import { TurnContext, type Activity, type Middleware } from 'botbuilder';
import type { ConversationReferenceStore, TranscriptStore } from '../src/storage/ports';
import type { Clock } from '../src/shared/clock';
import { redact } from '../src/shared/redact';

function textOf(activity: Partial<Activity>): string | null {
  if (activity.type !== 'message') return null;
  if (activity.text) return activity.text;
  if (activity.summary) return activity.summary;
  if (activity.value && typeof activity.value === 'object') {
    const label = (activity.value as { label?: unknown }).label;
    return typeof label === 'string' ? `[pressed] ${label}` : '[pressed a button]';
  }
  return activity.attachments?.length ? '[card]' : null;
}

/** Turn state key under which a proactive turn says who speaks ('agent'); the transcript records it. */
export const TRANSCRIPT_SENDER = 'rebound.transcriptSender';

/**
 * Keeps the redacted transcript of every conversation (what the traveller and the bot said), and the
 * conversation reference that proactive messages (agents, follow-ups) need, saved when it changes.
 */
export class ConversationLog implements Middleware {
  private readonly knownReferences = new Map<string, string>();

  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly references: ConversationReferenceStore,
    private readonly clock: Clock,
  ) {}

  /** Runs around each turn: logs the incoming activity and every activity the bot sends. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const incoming = context.activity;
    const conversationId = incoming.conversation?.id;
    const userId = incoming.from?.id;
    const pending: Array<Promise<unknown>> = [];
    const log = (from: 'traveller' | 'bot' | 'agent', activity: Partial<Activity>) => {
      const text = textOf(activity);
      if (text === null || !conversationId) return;
      const appended = this.transcripts.append({ conversationId, userId, at: this.clock.now().toISOString(), from, text: redact(text) });
      // A send after the turn (onTurnError's apology) is never awaited below: without this handler a storage
      // failure there is an unhandled rejection that kills the process. The turn's own sends still fail the turn.
      appended.catch(() => undefined);
      pending.push(appended);
    };
    if (incoming.type === 'message') log('traveller', incoming);
    if (conversationId && (incoming.type === 'message' || incoming.type === 'conversationUpdate')) pending.push(this.keepReference(context));
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      const sender = _ctx.turnState.get(TRANSCRIPT_SENDER) === 'agent' ? 'agent' : 'bot';
      for (const a of activities) log(sender, a);
      return nextSend();
    });
    try {
      await next();
    } finally {
      await Promise.all(pending);
    }
  }

  private async keepReference(context: TurnContext): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const key = `${reference.serviceUrl}|${reference.channelId}|${reference.user?.id}`;
    const id = reference.conversation!.id;
    if (this.knownReferences.get(id) === key) return;
    await this.references.save(id, reference as unknown as Record<string, unknown>, reference.user?.id);
    this.knownReferences.set(id, key);
    // Bounded: this is only a cache of what is already stored.
    if (this.knownReferences.size > 50_000) this.knownReferences.clear();
  }
}
