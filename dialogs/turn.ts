import { TurnContext } from 'botbuilder';
import type { Understanding } from '../src/nlu/types';
import type { SubmitData } from '../bot/cards';
import type { DialogServices } from './services';

/** What the traveller did this turn: typed text (understood once) or pressed a card button. */
export type TurnInput =
  | { kind: 'text'; text: string; understanding: Understanding }
  | { kind: 'submit'; data: SubmitData }
  | { kind: 'empty' };

const TURN_INPUT = Symbol('rebound.turnInput');

function isSubmit(value: unknown): value is SubmitData {
  return !!value && typeof value === 'object' && typeof (value as { rebound?: unknown }).rebound === 'string';
}

/** Reads the turn's input once per turn (NLU runs once, however many dialogs look at it). */
export function turnInput(context: TurnContext, services: DialogServices): TurnInput {
  const cached = context.turnState.get(TURN_INPUT) as TurnInput | undefined;
  if (cached) return cached;
  let input: TurnInput;
  const activity = context.activity;
  if (isSubmit(activity.value)) {
    input = { kind: 'submit', data: activity.value };
  } else {
    // Teams puts "<at>Rebound</at>" in the text of channel messages; the NLU must not see it.
    const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '').trim();
    input = text ? { kind: 'text', text, understanding: services.understand(text) } : { kind: 'empty' };
  }
  context.turnState.set(TURN_INPUT, input);
  return input;
}
