import type { Actor, FactKind, ReplyKey, Step, Strategy } from '../knowledge/schema';
import type { CheckResult } from './checks/types';
import type { BookingContact, FactSuggestion, HandoffReason, OfferedRemedy, StepOutcome } from './types';

/** What the traveller (through the dialog) tells the engine. */
export type RecoveryInput =
  | { kind: 'fact_provided'; name: string; value: string }
  | { kind: 'fact_skipped'; name: string }
  /** "Yes, I meant that": takes the validator's suggestion for this fact. */
  | { kind: 'suggestion_accepted'; name: string }
  /** Every fact shown is right (the traveller's word wins over a pending suggestion). */
  | { kind: 'facts_confirmed' }
  | { kind: 'fact_corrected'; name: string; value: string }
  /** Facts read from what the traveller wrote (answers and corrections, several at once), each checked. */
  | { kind: 'facts_given'; facts: Array<{ name: string; value: string }> }
  /** "I don't know" or "I don't have it" for a fact: its alternative, or go on without it. */
  /** `elsewhere`: booked outside the platform, so there is nothing to search for (no alternative asked). */
  | { kind: 'fact_unknown'; name: string; elsewhere?: boolean }
  /** "Change ..." on a confirmation: ask that fact again (without a name: ask which one). */
  | { kind: 'change_fact'; name?: string }
  | { kind: 'wished_outcome'; text: string }
  /** The traveller did what the step asked (e.g. the drafted message was sent); ask "did that work?". */
  | { kind: 'step_done' }
  | { kind: 'step_outcome'; outcome: StepOutcome }
  | { kind: 'remedy_accepted'; remedyId: string }
  | { kind: 'remedy_declined' }
  /** The traveller asked for a person, or accepted an offered handoff. */
  | { kind: 'handoff_requested' }
  | { kind: 'handoff_declined' }
  /** "Found it in my spam folder", "he just showed up": the problem went away on its own, at any point. */
  | { kind: 'solved' }
  | { kind: 'abandon' };

/** The kinds of input, for acceptedInputs(). */
export type RecoveryInputKind = RecoveryInput['kind'];

/** A fact shown for confirmation, with a "did you mean ...?" when a validator found a near miss. */
export interface FactForConfirmation {
  name: string;
  kind: FactKind;
  label: string;
  /** The value as the traveller reads it ("Friday 6 March 2026"). */
  value: string;
  suggestion?: FactSuggestion;
}

/** An outside source resolved for this session (S2). `url` is absent when a placeholder could not be filled. */
export interface ResolvedSource {
  id: string;
  title: string;
  url?: string;
  lookFor: string;
}

/** The capability-specific part of a shown step, keyed by the step's action. */
export type StepDetail =
  | { kind: 'check_input'; checks: Array<{ name: string; label: string; value?: string; result?: CheckResult }> }
  | { kind: 'outside_source'; sources: ResolvedSource[] }
  | {
      kind: 'contact_actor';
      actor: { kind: Actor['kind']; label: string; channels: Actor['channels']; responseTime?: string; tips?: string };
      /** The actor on this booking, when the platform found it (name, phone, e-mail). */
      contact?: BookingContact;
      draft?: { text: string; missingFacts: string[] };
      /** The booking the draft can be sent through ("send it for me"): set when the booking and the actor are known and the draft is complete. */
      sendVia?: { reference: string };
    }
  /** An ask_outcome step: the choices its text lists ("- stay at this hotel"), answered as a wished outcome. */
  | { kind: 'ask_outcome'; choices: string[] }
  | { kind: 'workaround'; risks?: string }
  /** `request`: the platform can do it for the traveller (a cancellation the traveller chose), on their confirmation. */
  | { kind: 'howto'; howto?: NonNullable<Step['howto']>; request?: { kind: 'cancellation'; reference: string } }
  | { kind: 'plain' };

/** What the dialogs render, in order. Every list of actions ends with a question or a terminal action. */
export type RecoveryAction =
  | { kind: 'acknowledge'; text: string }
  | { kind: 'ask_fact'; name: string; factKind: FactKind; prompt: string; why?: string; required: boolean; choices?: string[]; problem?: string }
  /** `lead`: the playbook's own check line with the facts filled in, when its first step checks them all. */
  | { kind: 'confirm_facts'; mode: 'suggestion' | 'summary'; facts: FactForConfirmation[]; lead?: string }
  /** "Which one should I change?" with the facts as buttons. */
  | { kind: 'ask_change'; facts: FactForConfirmation[] }
  /** A line said on the way: the KB's text, or one of the platform's replies (picked by the conversation). */
  | { kind: 'say'; text?: string; reply?: ReplyKey }
  | { kind: 'ask_wished_outcome'; prompt: string; suggestions: string[] }
  | {
      kind: 'show_step';
      stepId: string;
      strategy: Strategy;
      action: Step['action'];
      say: string;
      why?: string;
      successQuestion: string;
      position: { index: number; total: number };
      /** Set when the previous step failed: the reply that encourages (S1), never blames. */
      encouragement?: ReplyKey;
      detail: StepDetail;
    }
  | { kind: 'ask_outcome'; stepId: string; question: string }
  | { kind: 'offer_remedies'; stepId: string; say: string; remedies: OfferedRemedy[] }
  | { kind: 'offer_handoff'; reason: HandoffReason }
  | { kind: 'resolved'; stepId?: string }
  | { kind: 'handoff'; reason: HandoffReason }
  | { kind: 'abandoned' };

/** What one engine call returns: the new session and what to show. */
export interface EngineResult<S> {
  session: S;
  actions: RecoveryAction[];
}
