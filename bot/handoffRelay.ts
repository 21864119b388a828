import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ConversationMemory } from '../src/conversation/memory';
import { urgentFromWords } from '../src/conversation/urgency';
import type { QueueService } from '../src/handoff';
import { travellerTexts } from '../src/handoff';
import type { RecoveryServices } from '../dialogs/services';
import { ConversationTurn } from '../dialogs/turn';
import { FaqAnswers } from '../dialogs/faqAnswers';
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
 * every instance). The bot still answers plain questions (as itself, recorded on the case), "status" and
 * "a person" go to the dialogs, "cancel" leaves the queue, and new signs of high stakes put the case first.
 * Everything it reads is in the stores, so a restart changes nothing.
 */
export class HandoffRelay implements TurnInterceptor {
  private readonly faqs: FaqAnswers;

  constructor(
    private readonly queue: QueueService,
    private readonly services: RecoveryServices,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    this.faqs = new FaqAnswers(services);
  }

  /** True when the turn belonged to a person and the dialogs must not run. */
  async intercept(context: TurnContext): Promise<boolean> {
    if (context.activity.type !== 'message') return false;
    const c = await this.queue.active(context.activity.conversation.id);
    if (!c || (c.status !== 'pending' && c.status !== 'assigned')) return false;
    const turn = await ConversationTurn.of(context, this.services, this.memory);
    const decision = turn.interpret({ pending: { kind: 'person', status: c.status === 'pending' ? 'queued' : 'with_person' }, known: {} })?.decision;
    if (decision?.kind === 'system' && decision.name === 'status') return false;
    // "talk to a person" while queued: the handoff dialog repeats the reference and the place in the queue.
    if (decision?.kind === 'person' && c.status === 'pending') return false;
    const travellerId = context.activity.from?.id ?? 'unknown';
    if (c.status === 'pending' && decision?.kind === 'system' && (decision.name === 'cancel' || decision.name === 'start_over')) {
      const returned = await this.queue.leaveQueue(c, travellerId);
      await context.sendActivity(travellerTexts.leftQueue(returned));
      return true;
    }
    const line = lineOf(context);
    if (!line) return true;
    await this.queue.travellerMessage(c, travellerId, line);
    const problemTags = this.services.knowledge().problems.find((p) => p.id === c.summary.problemId)?.tags ?? [];
    if (c.priority !== 'high' && urgentFromWords(turn.reading?.stakes ?? [], problemTags) && urgentFromWords(turn.memory.stakes, problemTags)) {
      const raised = await this.services.cases.raisePriority(c.id, turn.memory.stakes);
      turn.trace.priority = raised?.priority;
      await context.sendActivity(turn.voice.line('priorityRaised', { caseReference: c.reference }));
      return true;
    }
    turn.trace.priority = c.priority;
    if (decision?.kind === 'answer_faq') {
      await this.faqs.answer(context, turn, decision.faqId, turn.voice.line('answerWhileWaiting'));
      const faq = this.services.knowledge().faqs.find((f) => f.id === decision.faqId);
      if (faq) await this.queue.botAnswer(c, `${faq.questions[0]}\n\n${faq.answer}`);
      return true;
    }
    // With an agent the bot stays silent: the agent answers. While queued, say that the message was kept (never the same words twice).
    const kept = c.status === 'pending' ? turn.voice.optional('addedToCase', { caseReference: c.reference }) : undefined;
    if (kept) await context.sendActivity(kept);
    return true;
  }
}
