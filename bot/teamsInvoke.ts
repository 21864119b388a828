import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botbuilder';

/** What the bot decided for an Action.Execute: replace the card, or show a short message in its place. */
export type CardActionOutcome = { kind: 'card'; card: Record<string, unknown> } | { kind: 'message'; text: string };

/** The action Teams sent, validated. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

/**
 * Answers an `adaptiveCard/action` invoke (Adaptive Card Action.Execute, Universal Actions) with the response
 * shape Teams expects: 200 with a card or a message, 400 for a malformed action, 500 when the handler failed.
 * Called from ActivityHandler.onAdaptiveCardInvoke.
 */
export async function answerAdaptiveCardAction(
  value: AdaptiveCardInvokeValue | undefined,
  decide: (action: CardAction) => Promise<CardActionOutcome>,
): Promise<AdaptiveCardInvokeResponse> {
  const action = value?.action;
  if (!action || action.type !== 'Action.Execute') {
    return error(400, 'BadRequest', 'Only Action.Execute is supported.');
  }
  const data = action.data;
  if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    return error(400, 'BadRequest', 'action.data must be an object.');
  }
  try {
    const outcome = await decide({ verb: typeof action.verb === 'string' ? action.verb : '', data: (data ?? {}) as Record<string, unknown> });
    return outcome.kind === 'card'
      ? { statusCode: 200, type: CARD, value: outcome.card }
      : { statusCode: 200, type: MESSAGE, value: outcome.text as unknown as Record<string, unknown> };
  } catch {
    return error(500, 'InternalError', 'Sorry, something went wrong on our side. Please try again.');
  }
}

function error(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: ERROR, value: { code, message } };
}
