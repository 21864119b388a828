import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { clarificationChoices } from '../src/conversation/clarify';
import { parseTarget, targetOf, type Target } from '../src/conversation/target';
import type { Understanding } from '../src/nlu/types';
import { answerCard, choicesCard } from '../bot/cards';
import type { RecoveryServices } from './services';
import { RecoveryDialog } from './recoveryDialog';
import { HandoffDialog } from './handoffDialog';
import { FollowUpDialog } from './followUpDialog';
import { describeCase } from './statusText';
import { turnInput } from './turn';
import { SystemReplies } from './systemReplies';

const ROUTE = 'mainDialog.route';

/** Per-conversation counters the router keeps (persisted in conversation state). */
export interface RouterState {
  misunderstandings: number;
}

/** The router: understands each message and answers it, clarifies it, or hands it to a specialist dialog. */
export class MainDialog extends ComponentDialog {
  static readonly id = 'mainDialog';
  private readonly replies: SystemReplies;

  constructor(
    private readonly services: RecoveryServices,
    private readonly routerState: StatePropertyAccessor<RouterState>,
  ) {
    super(MainDialog.id);
    this.replies = new SystemReplies(services);
    this.addDialog(new RecoveryDialog(services));
    this.addDialog(new HandoffDialog(services));
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
    const input = turnInput(step.context, this.services);
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
        if (data.target === 'none') return this.onNoneOfThese(step);
        const target = parseTarget(data.target ?? '');
        if (target) return this.dispatch(step, target);
      }
      await step.context.sendActivity("That button belongs to an earlier question. What can I help you with now?");
      return step.endDialog();
    }
    const u = input.understanding;
    const target = u.verdict === 'match' && u.best ? targetOf(u.best, this.services.knowledge()) : null;
    if (!target) return this.clarify(step, u, input.text);
    await this.resetMisunderstandings(step.context);
    return this.dispatch(step, target, { text: input.text, confidence: u.best?.confidence });
  }

  private async finishStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }

  /** Sends the traveller where the target says. */
  private async dispatch(step: WaterfallStepContext, target: Target, said?: { text: string; confidence?: number }): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    if (target.kind === 'faq') {
      const faq = kb.faqs.find((f) => f.id === target.id);
      if (!faq) return this.clarify(step, null, '');
      await step.context.sendActivity(answerCard(faq.questions[0] ?? '', faq.answer, faq.id));
      // The text (redacted by record) and confidence feed the owners' knowledge gaps (low-confidence answers).
      await this.record(step.context, 'faq_answered', { faqId: faq.id, ...said });
      return step.endDialog();
    }
    if (target.kind === 'problem') return step.beginDialog(RecoveryDialog.id, { problemId: target.id });
    if (target.name === 'human') return step.beginDialog(HandoffDialog.id, { reason: 'asked_for_person' });
    if (target.name === 'status') {
      const active = await this.services.cases.active(step.context.activity.conversation.id);
      const position = active ? await this.services.cases.position(active) : 0;
      await step.context.sendActivity(describeCase(active, undefined, kb, position));
      return step.endDialog();
    }
    await this.replies.send(step.context, target.name);
    return step.endDialog();
  }

  /** An honest "I'm not sure" with choices; repeated misunderstandings offer a person. */
  private async clarify(step: WaterfallStepContext, u: Understanding | null, text: string): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const state = await this.routerState.get(step.context, { misunderstandings: 0 });
    state.misunderstandings += 1;
    await this.record(step.context, u?.verdict === 'ambiguous' ? 'clarification_asked' : 'not_understood', {
      text,
      verdict: u?.verdict ?? 'out_of_scope',
      suggestions: u ? [u.best, ...u.alternatives].filter(Boolean).map((c) => c!.id) : [],
    });
    if (state.misunderstandings >= kb.escalation.misunderstandingLimit) {
      state.misunderstandings = 0;
      return step.beginDialog(HandoffDialog.id, { reason: 'misunderstanding' });
    }
    const prompt = u?.verdict === 'ambiguous' ? kb.platform.messages.clarify : kb.platform.messages.outOfScope;
    await step.context.sendActivity(choicesCard(prompt, u ? clarificationChoices(u, kb) : clarificationChoices(emptyUnderstanding, kb)));
    return step.endDialog();
  }

  private async onNoneOfThese(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record(step.context, 'clarification_rejected', {});
    await step.context.sendActivity(
      "Thanks for telling me. Could you describe it in your own words, in a sentence or two? For example: \"my hotel says it has no booking for me\". You can also type \"talk to a person\" at any time.",
    );
    return step.endDialog();
  }

  private async onFeedback(step: WaterfallStepContext, target: string, value: string): Promise<DialogTurnResult> {
    const helpful = value === 'helpful';
    await this.record(step.context, helpful ? 'answer_helpful' : 'answer_unhelpful', { target });
    await step.context.sendActivity(
      helpful
        ? 'Glad that helped. Is there anything else I can do for you?'
        : 'Sorry that did not answer it. Tell me a bit more about what you need, or type "talk to a person" and I will bring in a colleague.',
    );
    return step.endDialog();
  }

  private async resetMisunderstandings(context: TurnContext): Promise<void> {
    const state = await this.routerState.get(context, { misunderstandings: 0 });
    state.misunderstandings = 0;
  }

  private async record(context: TurnContext, type: string, data: Record<string, unknown>): Promise<void> {
    await this.services.record({ type, conversationId: context.activity.conversation.id, userId: context.activity.from?.id, data });
  }
}

const emptyUnderstanding: Understanding = { verdict: 'out_of_scope', best: null, alternatives: [], normalized: '' };
