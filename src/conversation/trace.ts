import type { DialogueAct } from './acts';

/**
 * What one turn did, as observed from the outside: how the message was read, which facts were taken
 * and asked, whether the traveller was handed to a person. The conversation evaluation reads it; it
 * carries no message text.
 */
export interface TurnTrace {
  conversationId: string;
  act?: DialogueAct;
  topic?: string;
  /** The decision's kind (answer_faq, facts, step_outcome...). */
  decision?: string;
  /** What the bot was waiting for when the message came: fact:<name>, confirm, outcome, step, remedy, person, nothing. */
  pending?: string;
  /** Facts set from the traveller's words this turn (name to normalised value). */
  factsTaken: Record<string, string>;
  /** Facts the bot asked for this turn. */
  factsAsked: string[];
  /** Facts known after the turn, and which of them the booking gave. */
  factsKnown: Record<string, string>;
  bookingFacts: string[];
  /** The traveller was handed to a person this turn. */
  handoff: boolean;
  /** The bot said it did not understand and asked to rephrase. */
  fallback: boolean;
  /** The case's priority after the turn, when the conversation has a case. */
  priority?: 'normal' | 'high';
  problemId?: string;
}

/** A trace with nothing observed yet. */
export function emptyTrace(conversationId: string): TurnTrace {
  return { conversationId, factsTaken: {}, factsAsked: [], factsKnown: {}, bookingFacts: [], handoff: false, fallback: false };
}
