import type { Problem } from '../knowledge/schema';

/** What the acknowledgement adapts to. */
export interface ToneContext {
  /** The traveller's last message read as frustrated. */
  frustrated: boolean;
  /** Overrides the problem's platformAtFault (e.g. once the facts show who is at fault). */
  platformAtFault?: boolean;
}

const APOLOGY = "I'm sorry: this one is on us, and we'll put it right.";
const SHORT_APOLOGY = "I'm sorry, that's on us.";
const ENCOURAGE = "Let's sort it out together, one small step at a time.";
const SHORT_ENCOURAGE = "Let's fix it quickly.";

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text.trim());
  return (m ? m[0] : text).trim();
}

/**
 * The acknowledgement said before any fix (empathy): the problem's own `acknowledge`, an apology for
 * the platform's part when it is at fault, and encouragement. When the traveller is frustrated the
 * wording is shorter and softer: one sentence of acknowledgement, a plain apology, straight to the fix.
 */
export function acknowledgement(problem: Pick<Problem, 'acknowledge' | 'platformAtFault'>, tone: ToneContext): string {
  const atFault = tone.platformAtFault ?? problem.platformAtFault;
  if (tone.frustrated) {
    return [firstSentence(problem.acknowledge), atFault ? SHORT_APOLOGY : '', SHORT_ENCOURAGE].filter(Boolean).join(' ');
  }
  return [problem.acknowledge.trim(), atFault ? APOLOGY : '', ENCOURAGE].filter(Boolean).join(' ');
}

/** An encouraging line after a step that did not work (S1: keep the traveller in control; never blame). */
export function encouragementAfterFailure(frustrated: boolean, attempt: number): string {
  if (frustrated) return "Thanks for trying that. Here's the next thing.";
  const lines = [
    "Thanks for checking. That rules one cause out, which helps. Let's try the next thing.",
    "That's useful to know, and it narrows things down. Here's what we can try next.",
    "Thanks for bearing with me. We're getting closer; here's another way.",
  ];
  return lines[(attempt - 1 + lines.length) % lines.length];
}

/** What the bot asks when it wants the traveller's wished outcome (complaint step 4). */
export const WISHED_OUTCOME_PROMPT = 'Before we act: what outcome would you like in the end?';
/** Answer buttons for the wished outcome: the traveller's wishes, not promises of a remedy. */
export const WISHED_OUTCOME_SUGGESTIONS = ['Have the booking working', 'My money back', 'A different booking', 'Just an explanation'];
