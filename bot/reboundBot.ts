import { answerAdaptiveCardAction } from './teamsInvoke';
import { ActivityHandler, ActivityTypes, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../dialogs/mainDialog';
import type { DialogServices } from '../dialogs/services';
import { ConversationTurn } from '../dialogs/turn';
import type { ConversationMemory } from '../src/conversation/memory';
import { choicesCard } from './cards';
import { SystemReplies } from '../dialogs/systemReplies';
import { normalizeSubmitValue } from '../src/http/activityNormalize';

/** Middleware-like hook that may take a turn before the dialogs (the handoff relay does). */
export interface TurnInterceptor {
  /** Returns true when it handled the turn and the dialogs must not run. */
  intercept(context: TurnContext): Promise<boolean>;
}

/** The traveller-facing bot: a welcome on join, every message through the dialogs, state saved after each turn. */
export class ReboundBot extends ActivityHandler {
  constructor(
    private readonly services: DialogServices,
    private readonly conversationState: BotState,
    private readonly userState: BotState,
    private readonly mainDialog: MainDialog,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly interceptors: TurnInterceptor[] = [],
  ) {
    super();
    this.onMembersAdded(async (context, next) => {
      const members = Array.isArray(context.activity.membersAdded) ? context.activity.membersAdded : [];
      const joined = members.filter((m) => m && typeof m === 'object' && m.id !== context.activity.recipient?.id);
      if (joined.length > 0) await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.runDialogs(context);
      await next();
    });
  }

  /** Teams' Action.Execute (adaptiveCard/action invoke): the card's data goes through the dialogs like an Action.Submit. */
  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return answerAdaptiveCardAction(value, async ({ data }) => {
      // The card's data enters here, after the edge normalised the activity: give it the same string fields.
      context.activity.value = normalizeSubmitValue(data);
      await this.runDialogs(context);
      return { kind: 'message', text: 'Got it.' };
    });
  }

  /** Runs the turn and saves state even when the turn handler threw (so nothing gathered is lost). */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
      await ConversationTurn.current(context)?.commit(context);
    } finally {
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
    }
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    for (const interceptor of this.interceptors) {
      if (await interceptor.intercept(context)) return;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    await this.mainDialog.runTurn(context, this.dialogState);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const kb = this.services.knowledge();
    await context.sendActivity(choicesCard(kb.platform.messages.welcome, new SystemReplies(this.services).menu()));
  }
}

/** Typed accessors of the state the dialogs keep. */
export interface BotStateAccessors {
  dialogState: StatePropertyAccessor<DialogState>;
  /** What the conversation remembers across turns and dialogs (src/conversation/memory.ts). */
  memory: StatePropertyAccessor<ConversationMemory>;
}

/** Creates the typed state accessors on conversation state. */
export function createAccessors(conversationState: BotState): BotStateAccessors {
  return {
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    memory: conversationState.createProperty<ConversationMemory>('memory'),
  };
}
