import type { Activity } from 'botbuilder';
import type { KnowledgeBase, Strategy } from '../src/knowledge/schema';
import type { FactForConfirmation, RecoveryAction, RecoveryInput } from '../src/recovery';
import type { Voice } from '../src/conversation/replies';
import { card, cardMessage, submitAction, textBlock } from './cards';
import { stepDetailElements } from './stepDetailCards';
import { sanitizeMarkdown } from '../src/shared/sanitizeMarkdown';

type Element = Record<string, unknown>;

/** Plain-language names of the six strategies, shown on each step so the traveller knows what it is for. */
export function strategyLabel(strategy: Strategy, platformName: string): string {
  const labels: Record<Strategy, string> = {
    S1: 'Step by step',
    S2: 'Check an outside source',
    S3: 'Contact them directly',
    S4: 'A workaround',
    S5: `Use a ${platformName} feature`,
    S6: 'Check the details',
  };
  return labels[strategy];
}

/** What rendering needs besides the action: the knowledge base, the conversation's voice, and how much to show. */
export interface RenderContext {
  kb: KnowledgeBase;
  voice: Voice;
  /** Show a step as a reminder (after a question or small talk): its question and buttons, not the whole card. */
  compact?: boolean;
  /** The problem's title, for "Back to your ...". */
  problemTitle?: string;
  /** Values the replies may name ({caseReference}...). */
  values?: Record<string, string | undefined>;
}

/** An Action.Submit that feeds one RecoveryInput to the engine. */
export function answer(title: string, input: RecoveryInput): Element {
  return submitAction(title, { rebound: 'answer', input, label: title });
}

const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** "Change the date", one button per fact shown. */
function changeButtons(facts: FactForConfirmation[]): Element[] {
  return facts.slice(0, 5).map((f) => answer(`Change ${lower(f.label)}`, { kind: 'change_fact', name: f.name }));
}

/** The buttons under a shown step: its answers, and "send it for me" where the platform can send the draft. */
function stepButtons(action: Extract<RecoveryAction, { kind: 'show_step' }>): Element[] {
  const detail = action.detail;
  if (detail.kind === 'ask_outcome' && detail.choices.length) {
    return detail.choices.map((c) => answer(c, { kind: 'wished_outcome', text: c }));
  }
  const buttons: Element[] = [];
  // The traveller's press is the confirmation the send needs; the dialog sends, then asks whether it worked.
  if (detail.kind === 'contact_actor' && detail.sendVia) buttons.push(submitAction('Send it for me', { rebound: 'answer', input: { kind: 'step_done' }, platform: 'send', stepId: action.stepId }));
  if (detail.kind === 'howto' && detail.request) {
    buttons.push(submitAction(`Cancel ${detail.request.reference} for me`, { rebound: 'answer', input: { kind: 'step_done' }, platform: 'cancel', stepId: action.stepId }));
  }
  buttons.push(answer('Yes, that worked', { kind: 'step_outcome', outcome: 'success' }), answer('No, still stuck', { kind: 'step_outcome', outcome: 'failure' }));
  return buttons;
}

/** The "Any reply?" button shown after a message was sent for the traveller. */
export function anyReplyCard(text: string): Partial<Activity> {
  return cardMessage(text, card([textBlock(text)], [submitAction('Any reply?', { rebound: 'answer', platform: 'replies' })]));
}

function showStep(action: Extract<RecoveryAction, { kind: 'show_step' }>, r: RenderContext): Partial<Activity> {
  const head = `Step ${action.position.index} of ${action.position.total} · ${strategyLabel(action.strategy, r.kb.platform.name)}`;
  const question = action.detail.kind === 'ask_outcome' ? action.say : action.successQuestion;
  if (r.compact) {
    const lead = `${r.voice.line('resume', { problemTitle: lower(r.problemTitle ?? 'problem') })} ${question}`;
    return cardMessage(lead, card([textBlock(head, { isSubtle: true, size: 'Small' }), textBlock(lead)], stepButtons(action)));
  }
  const body: Element[] = [textBlock(head, { isSubtle: true, size: 'Small' })];
  const encouragement = action.encouragement ? r.voice.optional(action.encouragement) : undefined;
  if (encouragement) body.push(textBlock(encouragement));
  body.push(textBlock(action.say));
  if (action.why) body.push(textBlock(`Why: ${action.why}`, { isSubtle: true }));
  const asks = action.detail.kind === 'ask_outcome' ? [] : [textBlock(action.successQuestion, { weight: 'Bolder', spacing: 'Medium' })];
  body.push(...stepDetailElements(action.detail), ...asks);
  const summary = [head, ...(encouragement ? [encouragement] : []), action.say, ...(asks.length ? [action.successQuestion] : [])].join('\n\n');
  return cardMessage(summary, card(body, stepButtons(action)));
}

function confirmFacts(action: Extract<RecoveryAction, { kind: 'confirm_facts' }>, r: RenderContext): Partial<Activity> {
  const suggestion = action.facts.find((f) => f.suggestion);
  if (suggestion?.suggestion) {
    const reason = suggestion.suggestion.reason;
    const lead = reason.includes('?') ? reason : `${reason} Did you mean **${suggestion.suggestion.value}**?`;
    const buttons = [answer(`Yes, ${suggestion.suggestion.value}`, { kind: 'suggestion_accepted', name: suggestion.name }), answer(`No, ${suggestion.value} is right`, { kind: 'facts_confirmed' })];
    return cardMessage(lead, card([textBlock(lead)], buttons));
  }
  const lead = action.lead ?? r.voice.line('confirmLead');
  const body: Element[] = [textBlock(lead)];
  if (!action.lead) body.push({ type: 'FactSet', facts: action.facts.map((f) => ({ title: f.label, value: f.value })) });
  const summary = action.lead ? lead : [lead, ...action.facts.map((f) => `${f.label}: ${f.value}`)].join('\n');
  return cardMessage(summary, card(body, [answer("Yes, that's right", { kind: 'facts_confirmed' }), ...changeButtons(action.facts)]));
}

function askFact(action: Extract<RecoveryAction, { kind: 'ask_fact' }>): Partial<Activity> | string {
  const asked = action.why ? `${action.prompt}\n\n_${action.why}_` : action.prompt;
  // S6: say what was wrong with the last answer before asking again; never blame.
  const prompt = action.problem ? `${action.problem}\n\n${asked}` : asked;
  const buttons = [
    ...(action.choices ?? []).map((c) => answer(c, { kind: 'fact_provided', name: action.name, value: c })),
    answer(action.required ? "I don't know" : "I don't have it", action.required ? { kind: 'fact_unknown', name: action.name } : { kind: 'fact_skipped', name: action.name }),
  ];
  return cardMessage(prompt, card([textBlock(prompt)], buttons));
}

const OFFER_REPLY = { high_stakes: 'offerHighStakes', frustration: 'offerFrustration', misunderstanding: 'offerMisunderstanding' } as const;

/** Renders one engine action as the activity the traveller sees; `null` for actions a dialog handles itself. */
export function renderRecoveryAction(action: RecoveryAction, r: RenderContext): Partial<Activity> | string | null {
  switch (action.kind) {
    case 'acknowledge':
      return sanitizeMarkdown(action.text);
    case 'say':
      return action.text ? sanitizeMarkdown(action.text) : action.reply ? (r.voice.optional(action.reply, r.values) ?? null) : null;
    case 'ask_fact':
      return askFact(action);
    case 'confirm_facts':
      return confirmFacts(action, r);
    case 'ask_change': {
      const lead = r.voice.line('askChange');
      return cardMessage(lead, card([textBlock(lead)], changeButtons(action.facts)));
    }
    case 'ask_wished_outcome': {
      const prompt = r.voice.line('wishedOutcome');
      return cardMessage(prompt, card([textBlock(prompt), textBlock('Pick one or tell me in your own words.', { isSubtle: true })], action.suggestions.map((s) => answer(s, { kind: 'wished_outcome', text: s }))));
    }
    case 'show_step':
      return showStep(action, r);
    case 'ask_outcome':
      return cardMessage(action.question, card([textBlock(action.question)], [answer('Yes, that worked', { kind: 'step_outcome', outcome: 'success' }), answer('No, still stuck', { kind: 'step_outcome', outcome: 'failure' })]));
    case 'offer_remedies': {
      const buttons = action.remedies.map((rm) => answer(rm.maxAmount ? `${rm.label} (up to ${rm.maxAmount.value} ${rm.maxAmount.currency})` : rm.label, { kind: 'remedy_accepted', remedyId: rm.remedyId }));
      buttons.push(answer('No, thanks', { kind: 'remedy_declined' }));
      return cardMessage(action.say, card([textBlock(action.say)], buttons));
    }
    case 'offer_handoff': {
      const key = OFFER_REPLY[action.reason as keyof typeof OFFER_REPLY];
      const text = key ? r.voice.line(key) : 'Would you like me to bring in a person from our support team?';
      return cardMessage(text, card([textBlock(text)], [answer('Yes, connect me', { kind: 'handoff_requested' }), answer("No, let's keep going", { kind: 'handoff_declined' })]));
    }
    case 'abandoned':
      return r.voice.line('abandoned');
    case 'resolved':
    case 'handoff':
      return null;
  }
}
