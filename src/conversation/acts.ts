import type { HandoffReason } from '../recovery/types';
import type { SystemHandler } from '../knowledge/schema';

/** What the traveller does with a message (docs/conversation-tests.md lists them with examples). */
export const DIALOGUE_ACTS = [
  'problem_report',
  'question',
  'answer',
  'correction',
  'feedback',
  'request_person',
  'small_talk',
  'command',
  'nonsense',
] as const;

/** One dialogue act. */
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

/** What the bot is waiting for when a message arrives. */
export type Pending =
  | { kind: 'nothing' }
  /** A fact of the current problem ("What's your booking reference?"). */
  | { kind: 'fact'; name: string }
  /** "Is this right?" about the facts; `suggestion`: the fact with a "did you mean ...?". */
  | { kind: 'confirm'; suggestion?: string }
  /** The outcome the traveller wants (complaint step 4), with the choices offered, if any. */
  | { kind: 'outcome'; choices: string[] }
  /** "Did that work?" about a step. */
  | { kind: 'step'; stepId: string }
  /** Remedies offered. */
  | { kind: 'remedy'; remedyIds: string[] }
  /** The case waits for a person, or is with one. */
  | { kind: 'person'; status: 'queued' | 'with_person' };

/** A fact value read from a message, for the recovery engine (which checks it). */
export interface FactTaken {
  name: string;
  /** The value to check: an entity's normalised value, a choice label, or the traveller's words. */
  value: string;
  /** Replaces a value the fact already had. */
  correction: boolean;
}

/** What the conversation should do with a message. */
export type Decision =
  /** Start (or switch to) a problem's walkthrough; `also`: further problems reported in the same message. */
  | { kind: 'start_problem'; problemId: string; also: string[] }
  /** Note a further problem while one is in progress; offered when the current one is done. */
  | { kind: 'queue_problem'; problemId: string }
  /** Answer an FAQ; a walkthrough in progress resumes after it. */
  | { kind: 'answer_faq'; faqId: string }
  /** The problem in progress told again: show where the walkthrough stands. */
  | { kind: 'resume' }
  /** Details given before any problem (a bare booking reference): kept, and the traveller is asked what is wrong. */
  | { kind: 'noted' }
  /** While a person has the case: the message goes to the case. */
  | { kind: 'relay' }
  /** Not sure between a few readings: ask "did you mean ...?". */
  | { kind: 'clarify' }
  /** Facts given (answers or corrections): `facts` of the interpretation. */
  | { kind: 'facts' }
  /** "I don't know" / "I don't have it" for the fact asked. */
  | { kind: 'fact_unknown'; name: string; elsewhere?: boolean }
  /** "skip" for an optional fact. */
  | { kind: 'fact_skipped'; name: string }
  /**
   * "Yes, that's right" to the facts shown; `suggestion`: yes to a "did you mean ...?" about this fact;
   * `wish`: what the traveller wants, said instead of a yes (the outcome asked next, when it is).
   */
  | { kind: 'confirm'; suggestion?: string; wish?: string }
  /** "Change ..." on a confirmation: ask this fact again (absent: ask which). */
  | { kind: 'change'; name?: string }
  | { kind: 'wished_outcome'; text: string }
  /** How the step went; "unclear": the traveller described it without saying, so the bot asks "did that work?". */
  | { kind: 'step_outcome'; outcome: 'success' | 'failure' | 'unclear' }
  | { kind: 'remedy'; remedyId?: string }
  | { kind: 'offer_answer'; accept: boolean }
  | { kind: 'person' }
  | { kind: 'system'; name: SystemHandler }
  /** The problem went away on its own while the walkthrough was under way ("found it in my spam folder"). */
  | { kind: 'solved' }
  /** The problem the bot just resolved came back ("it didn't work after all"): reopen its case. */
  | { kind: 'came_back'; caseId: string }
  /** The last FAQ answer did not help: walk through the problem behind it, or ask for more. */
  | { kind: 'faq_failed'; faqId: string; problemId?: string }
  /** A first message full of frustration and no problem yet: acknowledge, then ask what happened. */
  | { kind: 'acknowledge_frustration' }
  /** Not understood: ask to rephrase (`nonsense`: nothing readable; it never counts toward a handoff). */
  | { kind: 'rephrase'; nonsense: boolean };

/** The understanding step's verdict on one message in its situation. */
export interface Interpretation {
  act: DialogueAct;
  /** What it is about: problem:<id>, faq:<id>, fact:<name>, confirm, outcome, offer, remedy, step, system:<name>, person. */
  topic?: string;
  decision: Decision;
  /** Facts of the current problem the message gives, whatever the decision (a reference inside a question is kept too). */
  facts: FactTaken[];
  /** A person offered earlier and still unanswered is declined by answering something else. */
  declinesOffer?: HandoffReason;
}
