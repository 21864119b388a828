import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { clarificationChoices, guessesWorthAsking } from '../src/conversation/clarify';
import { parseTarget, type Target } from '../src/conversation/target';
import type { Decision } from '../src/conversation/acts';
import type { ConversationMemory } from '../src/conversation/memory';
import type { Understanding } from '../src/nlu/types';
import { choicesCard } from '../bot/cards';
import type { RecoveryServices } from './services';
import { RecoveryDialog } from './recoveryDialog';
import { HandoffDialog } from './handoffDialog';
import { FollowUpDialog } from './followUpDialog';
import { describeCase } from './statusText';
import { ConversationTurn } from './turn';
import { SystemReplies } from './systemReplies';
import { FaqAnswers } from './faqAnswers';

const ROUTE = 'mainDialog.route';

/** The router: understands each message and answers it, clarifies it, or hands it to a specialist dialog. */
export class MainDialog extends ComponentDialog {
  static readonly id = 'mainDialog';
  private readonly replies: SystemReplies;
  private readonly faqs: FaqAnswers;

  constructor(
    private readonly services: RecoveryServices,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(MainDialog.id);
    this.replies = new SystemReplies(services);
    this.faqs = new FaqAnswers(services);
    this.addDialog(new RecoveryDialog(services, memory));
    this.addDialog(new HandoffDialog(services, memory));
    this.addDialog(new FollowUpDialog(services));
    this.addDialog(new WaterfallDialog(ROUTE, [this.routeStep.bind(this), this.finishStep.bind(this)]));
    this.initialDialogId = ROUTE;
  }

  /** Runs one turn through the dialog stack (botbuilder's runDialog, with our own DialogSet). */
  async runTurn(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const turn = await ConversationTurn.of(step.context, this.services, this.memory);
    const input = turn.input;
    if (input.kind === 'empty') {
      await step.context.sendActivity(this.services.knowledge().platform.messages.help);
      return step.endDialog();
    }
    if (input.kind === 'submit') {
      const { data } = input;
      if (data.rebound === 'feedback') return this.onFeedback(step, data.target ?? '', data.value ?? '');
      // Answers to the proactive follow-up after a resolution (sent by src/followUp's sweeper).
      if ((data.rebound as string) === 'followup') return step.beginDialog(FollowUpDialog.id, data);
      if (data.rebound === 'choose') {
        if (data.target === 'none') return this.say(step, 'noneOfThese');
        if (data.target === 'dismiss') return this.dispatch(step, { kind: 'system', name: 'thanks' });
        const target = parseTarget(data.target ?? '');
        if (target) return this.dispatch(step, target);
      }
      await step.context.sendActivity(turn.voice.line('staleButton'));
      return step.endDialog();
    }
    const interpretation = turn.interpret({ pending: { kind: 'nothing' }, known: {} })!;
    return this.decide(step, interpretation.decision);
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  /** Acts on what the understanding step decided for a message outside any walkthrough. */
  private async decide(step: WaterfallStepContext, decision: Decision): Promise<DialogTurnResult> {
    const turn = (await ConversationTurn.of(step.context, this.services, this.memory));
    if (decision.kind !== 'clarify' && decision.kind !== 'rephrase') turn.update((m) => ({ ...m, misunderstandings: 0 }));
    switch (decision.kind) {
      case 'start_problem':
        if (decision.also.length) turn.update((m) => ({ ...m, queuedProblems: [...new Set([...m.queuedProblems, ...decision.also])] }));
        return step.beginDialog(RecoveryDialog.id, { problemId: decision.problemId });
      case 'answer_faq':
        await this.faqs.answer(step.context, turn, decision.faqId);
        return step.endDialog();
      case 'faq_failed':
        if (decision.problemId) {
          await step.context.sendActivity(turn.voice.line('triedFaq'));
          return step.beginDialog(RecoveryDialog.id, { problemId: decision.problemId });
        }
        return this.say(step, 'feedbackUnhelpful');
      case 'came_back':
        // The same answer as "it came back" on the follow-up card: the case reopens with everything gathered.
        turn.update((m) => ({ ...m, lastResolved: undefined }));
        return step.beginDialog(FollowUpDialog.id, { rebound: 'followup', caseId: decision.caseId, answer: 'came_back' });
      case 'person':
        return step.beginDialog(HandoffDialog.id, { reason: 'asked_for_person' });
      case 'system':
        return this.dispatch(step, { kind: 'system', name: decision.name });
      case 'acknowledge_frustration':
        await step.context.sendActivity(choicesCard(turn.voice.line('repeatedContact'), this.replies.menu()));
        return step.endDialog();
      case 'noted':
        await step.context.sendActivity(this.replies.menuCard(turn.voice.line('alreadyHave', { value: turn.reading?.entities.find((e) => e.kind === 'bookingReference')?.value }) + ' What is going wrong with it?'));
        return step.endDialog();
      case 'rephrase':
        if (decision.nonsense) return this.say(step, 'nonsense', true);
        return this.clarify(step, turn.reading?.understanding ?? null);
      default:
        return this.clarify(step, turn.reading?.understanding ?? null);
    }
  }

  /** Sends the traveller where a pressed choice says. */
  private async dispatch(step: WaterfallStepContext, target: Target): Promise<DialogTurnResult> {
    const turn = await ConversationTurn.of(step.context, this.services, this.memory);
    if (target.kind === 'faq') {
      await this.faqs.answer(step.context, turn, target.id);
      return step.endDialog();
    }
    if (target.kind === 'problem') return step.beginDialog(RecoveryDialog.id, { problemId: target.id });
    if (target.name === 'human') return step.beginDialog(HandoffDialog.id, { reason: 'asked_for_person' });
    if (target.name === 'status') {
      const active = await this.services.cases.active(step.context.activity.conversation.id);
      const position = active ? await this.services.cases.position(active) : 0;
      await step.context.sendActivity(describeCase(active, undefined, this.services.knowledge(), position));
      return step.endDialog();
    }
    await this.replies.send(step.context, target.name, turn.voice);
    return step.endDialog();
  }

  /** An honest "I'm not sure" with choices; repeated misunderstandings lead with a person. */
  private async clarify(step: WaterfallStepContext, u: Understanding | null): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const turn = await ConversationTurn.of(step.context, this.services, this.memory);
    turn.update((m) => ({ ...m, misunderstandings: m.misunderstandings + 1 }));
    turn.trace.fallback = true;
    await this.record(step.context, u?.verdict === 'ambiguous' ? 'clarification_asked' : 'not_understood', {
      text: turn.reading?.text ?? '',
      verdict: u?.verdict ?? 'out_of_scope',
      suggestions: u ? [u.best, ...u.alternatives].filter(Boolean).map((c) => c!.id) : [],
    });
    const stuck = turn.memory.misunderstandings >= kb.escalation.misunderstandingLimit;
    const prompt = stuck ? turn.voice.line('offerMisunderstanding') : u && guessesWorthAsking(u, kb) ? kb.platform.messages.clarify : kb.platform.messages.outOfScope;
    const choices = clarificationChoices(u ?? emptyUnderstanding, kb);
    // Stuck: a person first, never forced on the traveller.
    const ordered = stuck ? [...choices.filter((c) => c.target === 'system:human'), ...choices.filter((c) => c.target !== 'system:human')] : choices;
    await step.context.sendActivity(choicesCard(prompt, ordered));
    return step.endDialog();
  }

  private async say(step: WaterfallStepContext, key: 'noneOfThese' | 'feedbackUnhelpful' | 'nonsense', fallback = false): Promise<DialogTurnResult> {
    const turn = await ConversationTurn.of(step.context, this.services, this.memory);
    if (key === 'noneOfThese') await this.record(step.context, 'clarification_rejected', {});
    if (fallback) turn.trace.fallback = true;
    await step.context.sendActivity(turn.voice.line(key));
    return step.endDialog();
  }

  private async onFeedback(step: WaterfallStepContext, target: string, value: string): Promise<DialogTurnResult> {
    const turn = await ConversationTurn.of(step.context, this.services, this.memory);
    const helpful = value === 'helpful';
    await this.record(step.context, helpful ? 'answer_helpful' : 'answer_unhelpful', { target });
    await step.context.sendActivity(turn.voice.line(helpful ? 'feedbackHelpful' : 'feedbackUnhelpful'));
    return step.endDialog();
  }

  private async record(context: TurnContext, type: string, data: Record<string, unknown>): Promise<void> {
    await this.services.record({ type, conversationId: context.activity.conversation.id, userId: context.activity.from?.id, data });
  }
}

const emptyUnderstanding: Understanding = { verdict: 'out_of_scope', best: null, alternatives: [], normalized: '' };
