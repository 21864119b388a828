import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { card, cardMessage, choicesCard, textBlock } from '../bot/cards';
import { parseFollowUpSubmit, ratingChoices, type FollowUpOutcome } from '../src/followUp';
import type { RecoveryServices } from './services';

const ANSWER = 'followUpDialog.answer';

/**
 * Complaint step 6, the traveller's side: the answers to the proactive "did the fix hold?" message and the
 * 1-5 rating that follows, posted back as Action.Submit values (`rebound: 'followup'`) in a later turn.
 * The decisions and the recording are in src/followUp (FollowUpAnswers); this dialog only talks.
 */
export class FollowUpDialog extends ComponentDialog {
  static readonly id = 'followUpDialog';

  constructor(private readonly services: RecoveryServices) {
    super(FollowUpDialog.id);
    this.addDialog(new WaterfallDialog(ANSWER, [this.answerStep.bind(this)]));
    this.initialDialogId = ANSWER;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const submit = parseFollowUpSubmit(step.options);
    const answers = this.services.followUps;
    const { activity } = step.context;
    const outcome: FollowUpOutcome = submit && answers ? await answers.answer(submit, { conversationId: activity.conversation.id, userId: activity.from?.id }) : { kind: 'unknown' };
    for (const reply of this.replies(outcome)) await step.context.sendActivity(reply);
    return step.endDialog(outcome.kind);
  }

  private replies(outcome: FollowUpOutcome): Array<Partial<Activity> | string> {
    switch (outcome.kind) {
      case 'unknown':
        return ['That button belongs to an earlier question. What can I help you with now?'];
      case 'already_answered':
        return ['You already told me, thank you. Is there anything else I can help with?'];
      case 'held':
        return ["That's good to hear, thank you for letting me know.", ratingCard(outcome.case.id, 'One last thing: how would you rate the help you got, from 1 (poor) to 5 (excellent)?')];
      case 'came_back':
        return [this.cameBack(outcome), ratingCard(outcome.case.id, 'When you have a moment: how would you rate the help so far, from 1 (poor) to 5 (excellent)?')];
      case 'rated':
        return [
          outcome.score >= 4
            ? `Thank you for the ${outcome.score}/5. Have a good trip!`
            : `Thank you for the honest ${outcome.score}/5. I've passed it on so we can do better. If something is still wrong, tell me, or type "talk to a person".`,
        ];
    }
  }

  /** Sorry, the case is open again (with everything gathered), and what next: go through it again or a person. */
  private cameBack(outcome: Extract<FollowUpOutcome, { kind: 'came_back' }>): Partial<Activity> {
    const c = outcome.case;
    const problem = this.services.knowledge().problems.find((p) => p.id === c.summary.problemId);
    const status = outcome.reopened ? `I've reopened your case ${c.reference}` : `Your case ${c.reference} is open with us`;
    const choices = [...(problem ? [{ label: 'Go through it again', target: `problem:${problem.id}` }] : []), { label: 'Talk to a person', target: 'system:human' }];
    return choicesCard(`I'm sorry it came back. ${status}, with everything we tried, so you won't need to repeat yourself. Shall we go through it again, or would you rather talk to a person?`, choices);
  }
}

/** The 1-5 satisfaction buttons as a card (Action.Submit: works in Teams and Web Chat). */
function ratingCard(caseId: string, prompt: string): Partial<Activity> {
  const actions = ratingChoices(caseId).map((c) => ({ type: 'Action.Submit', title: c.label, data: c.value }));
  return cardMessage(prompt, card([textBlock(prompt)], actions));
}
