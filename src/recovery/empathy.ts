import type { Problem, ReplyKey } from '../knowledge/schema';

/** What the acknowledgement adapts to. */
export interface ToneContext {
  /** The traveller's last message read as frustrated. */
  frustrated: boolean;
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

/**
 * The acknowledgement said before any fix (empathy): the problem's own `acknowledge`; one sentence of it
 * when the traveller is frustrated, so the fix comes sooner. It never admits fault: the platform's part
 * is owned in the steps reached once the facts show it (knowledge base texts, checked by kb:check).
 */
export function acknowledgement(problem: Pick<Problem, 'acknowledge'>, tone: ToneContext): string {
  return tone.frustrated ? firstSentence(problem.acknowledge) : problem.acknowledge.trim();
}

/** The reply said after a step that did not work (S1: keep the traveller in control; never blame). */
export function encouragementAfterFailure(frustrated: boolean): ReplyKey {
  return frustrated ? 'afterFailureFrustrated' : 'afterFailure';
}

/** What the bot asks when it wants the traveller's wished outcome (complaint step 4). */
export const WISHED_OUTCOME_PROMPT = 'Before we act: what outcome would you like in the end?';
/** Answer buttons for the wished outcome: the traveller's wishes, not promises of a remedy. */
export const WISHED_OUTCOME_SUGGESTIONS = ['Have the booking working', 'My money back', 'A different booking', 'Just an explanation'];
