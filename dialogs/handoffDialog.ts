import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes, EventFactory, type StatePropertyAccessor, type Transcript } from 'botbuilder';
import type { CaseSummary } from '../src/handoff';
import { emptySummary } from '../src/conversation/caseSummary';
import type { ConversationMemory } from '../src/conversation/memory';
import { urgentFromWords } from '../src/conversation/urgency';
import { waitExpectation } from '../src/recovery';
import type { RecoveryServices } from './services';
import { ConversationTurn } from './turn';

/** Options of beginDialog. */
export interface HandoffOptions {
  reason: string;
  summary?: CaseSummary;
  problemId?: string;
}

/**
 * Hands the traveller to a person: queues the case with everything gathered, emits Bot Framework's
 * handoff.initiate event, and tells the traveller the reference, what happens next and the wait.
 */
export class HandoffDialog extends Dialog<HandoffOptions> {
  static readonly id = 'handoffDialog';

  constructor(
    private readonly services: RecoveryServices,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(HandoffDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffOptions): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const turn = await ConversationTurn.of(dc.context, this.services, this.memory);
    const reason = options?.reason ?? 'asked_for_person';
    const summary = options?.summary ?? emptySummary();
    const problem = kb.problems.find((p) => p.id === (options?.problemId ?? summary.problemId));
    const highStakes = !!problem?.tags.some((t) => kb.escalation.highStakesTags.includes(t)) || urgentFromWords(turn.memory.stakes, problem?.tags ?? []);
    const queued = await this.services.cases.escalate(this.services.owner(dc.context), reason, summary, highStakes ? 'high' : 'normal');
    const c = queued.case;
    turn.trace.handoff = true;
    turn.trace.priority = c.priority;
    await dc.context.sendActivity({ type: ActivityTypes.Typing });
    // The standard handoff signal, for channels and hubs that route conversations to agents.
    const event = EventFactory.createHandoffInitiation(dc.context, { caseId: c.id, reference: c.reference, reason, priority: c.priority, summary }, { activities: [] } as Transcript);
    await dc.context.sendActivity(event);
    const wait = waitExpectation(this.services.now(), Math.max(queued.position, 1), kb.escalation);
    const next =
      wait.kind === 'after_hours'
        ? wait.text
        : `You are number ${Math.max(queued.position, 1)} in the queue; the expected wait is ${wait.text}. A person from our team will write to you right here, with everything we've gathered, so you won't need to repeat yourself.`;
    await dc.context.sendActivity(`${kb.platform.messages.handoffIntro}\n\nYour case reference is **${c.reference}**. ${next}\n\nYou can type "status" at any time.`);
    await this.services.record({ type: 'handoff', conversationId: dc.context.activity.conversation.id, caseId: c.id, ...(problem ? { problemId: problem.id } : {}), data: { reason, priority: c.priority, position: queued.position } });
    return dc.endDialog({ handedOff: true, caseId: c.id });
  }
}
