import type { Activity } from 'botbuilder';
import type { Strategy } from '../src/knowledge/schema';
import type { RecoveryAction, RecoveryInput, StepDetail } from '../src/recovery';
import { card, cardMessage, submitAction, textBlock } from './cards';
import { safeUrl, sanitizeMarkdown } from '../src/shared/sanitizeMarkdown';

type Element = Record<string, unknown>;

/** Plain-language names of the six strategies, shown on each step so the traveller knows what it is for. */
export const STRATEGY_LABELS: Record<Strategy, string> = {
  S1: 'Step by step',
  S2: 'Check an outside source',
  S3: 'Contact them directly',
  S4: 'A workaround',
  S5: 'Use a Wanderly feature',
  S6: 'Check the details',
};

/** An Action.Submit that feeds one RecoveryInput to the engine. */
export function answer(title: string, input: RecoveryInput): Element {
  return submitAction(title, { rebound: 'answer', input });
}

function detailElements(detail: StepDetail): Element[] {
  switch (detail.kind) {
    case 'outside_source':
      return detail.sources.map((s) => ({
        type: 'Container',
        style: 'emphasis',
        items: [textBlock(safeUrl(s.url) ? `[${s.title}](${safeUrl(s.url)})` : s.title, { weight: 'Bolder' }), textBlock(`Look for: ${s.lookFor}`, { isSubtle: true })],
      }));
    case 'contact_actor': {
      const c = detail.contact;
      const items: Element[] = [
        {
          type: 'FactSet',
          facts: [
            { title: 'Who', value: c ? `${c.name} (${detail.actor.label.toLowerCase()})` : detail.actor.label },
            ...(c?.phone ? [{ title: 'Phone', value: c.phone }] : []),
            ...(c?.email ? [{ title: 'E-mail', value: c.email }] : []),
            { title: 'How', value: detail.actor.channels.map((c) => c.replace('_', ' ')).join(', ') },
            ...(detail.actor.responseTime ? [{ title: 'Usually answers', value: detail.actor.responseTime }] : []),
          ],
        },
      ];
      if (detail.actor.tips) items.push(textBlock(detail.actor.tips, { isSubtle: true }));
      if (detail.draft) items.push(textBlock(detail.sendVia ? 'Message I can send for you:' : 'A message you can send them:', { weight: 'Bolder', spacing: 'Medium' }), textBlock(detail.draft.text, { fontType: 'Monospace' }));
      return items;
    }
    case 'workaround':
      return detail.risks ? [textBlock(`⚠ Before you do this: ${detail.risks}`, { color: 'Attention' })] : [];
    case 'howto': {
      if (!detail.howto) return [];
      const steps = detail.howto.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
      const out: Element[] = [textBlock(`**${detail.howto.feature}**`), textBlock(steps)];
      const image = safeUrl(detail.howto.image);
      if (image?.startsWith('https://')) out.push({ type: 'Image', url: image, altText: detail.howto.feature, size: 'Stretch' });
      return out;
    }
    case 'check_input':
      return [
        {
          type: 'FactSet',
          facts: detail.checks.map((c) => ({
            title: c.label,
            value: c.result?.kind === 'invalid' ? `${c.value ?? '-'} ✗ ${c.result.reason}` : c.result?.kind === 'suggestion' ? `${c.value ?? '-'} (did you mean ${c.result.value}?)` : `${c.value ?? '-'} ✓`,
          })),
        },
      ];
    case 'ask_outcome':
      return [textBlock('Pick one, or tell me in your own words.', { isSubtle: true })];
    case 'plain':
      return [];
  }
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

/** Renders one engine action as the activities the traveller sees; `null` for actions a dialog handles itself. */
export function renderRecoveryAction(action: RecoveryAction): Partial<Activity> | string | null {
  switch (action.kind) {
    case 'acknowledge':
      return sanitizeMarkdown(action.text);
    case 'ask_fact': {
      const asked = action.why ? `${action.prompt}\n\n_${action.why}_` : action.prompt;
      // S6: say what was wrong with the last answer before asking again; never blame.
      const prompt = action.problem ? `${action.problem}\n\n${asked}` : asked;
      const buttons = [
        ...(action.choices ?? []).map((c) => answer(c, { kind: 'fact_provided', name: action.name, value: c })),
        ...(action.required ? [] : [answer("I don't have it", { kind: 'fact_skipped', name: action.name })]),
      ];
      return buttons.length ? cardMessage(prompt, card([textBlock(prompt)], buttons)) : sanitizeMarkdown(prompt);
    }
    case 'confirm_facts': {
      const suggestion = action.facts.find((f) => f.suggestion);
      const lead = suggestion?.suggestion
        ? suggestion.suggestion.reason.includes('?') ? suggestion.suggestion.reason : `${suggestion.suggestion.reason} Did you mean **${suggestion.suggestion.value}**?`
        : 'Before I act on it, is this right?';
      const body = [textBlock(lead), { type: 'FactSet', facts: action.facts.map((f) => ({ title: f.label, value: f.value })) }];
      const buttons = suggestion
        ? [answer(`Yes, ${suggestion.suggestion!.value}`, { kind: 'suggestion_accepted', name: suggestion.name }), answer(`No, ${suggestion.value} is right`, { kind: 'facts_confirmed' })]
        : [answer("Yes, that's right", { kind: 'facts_confirmed' })];
      return cardMessage(lead, card(body, buttons));
    }
    case 'ask_wished_outcome':
      return cardMessage(
        action.prompt,
        card([textBlock(action.prompt), textBlock('Pick one or tell me in your own words.', { isSubtle: true })], action.suggestions.map((s) => answer(s, { kind: 'wished_outcome', text: s }))),
      );
    case 'show_step': {
      const head = `Step ${action.position.index} of ${action.position.total} · ${STRATEGY_LABELS[action.strategy]}`;
      const body: Element[] = [textBlock(head, { isSubtle: true, size: 'Small' })];
      if (action.encouragement) body.push(textBlock(action.encouragement));
      body.push(textBlock(action.say));
      if (action.why) body.push(textBlock(`Why: ${action.why}`, { isSubtle: true }));
      const question = action.detail.kind === 'ask_outcome' ? [] : [textBlock(action.successQuestion, { weight: 'Bolder', spacing: 'Medium' })];
      body.push(...detailElements(action.detail), ...question);
      const summary = [head, action.say, ...(question.length ? [action.successQuestion] : [])].join('\n\n');
      return cardMessage(summary, card(body, stepButtons(action)));
    }
    case 'ask_outcome':
      return cardMessage(action.question, card([textBlock(action.question)], [answer('Yes, that worked', { kind: 'step_outcome', outcome: 'success' }), answer('No, still stuck', { kind: 'step_outcome', outcome: 'failure' })]));
    case 'offer_remedies': {
      const buttons = action.remedies.map((r) =>
        answer(r.maxAmount ? `${r.label} (up to ${r.maxAmount.value} ${r.maxAmount.currency})` : r.label, { kind: 'remedy_accepted', remedyId: r.remedyId }),
      );
      buttons.push(answer('No, thanks', { kind: 'remedy_declined' }));
      return cardMessage(action.say, card([textBlock(action.say)], buttons));
    }
    case 'offer_handoff': {
      const text = OFFER_TEXT[action.reason] ?? 'Would you like me to bring in a person from our support team?';
      return cardMessage(text, card([textBlock(text)], [answer('Yes, connect me', { kind: 'handoff_requested' }), answer("No, let's keep going", { kind: 'handoff_declined' })]));
    }
    case 'abandoned':
      return "OK, I've stopped here. Everything you told me is kept with your case, so you won't have to repeat it.";
    case 'resolved':
    case 'handoff':
      return null;
  }
}

const OFFER_TEXT: Partial<Record<string, string>> = {
  high_stakes:
    "This is urgent, so you don't have to do it alone: I can bring in a person from our support team right now, and we can keep working on it together while you wait. Shall I?",
  frustration: "I can tell this is really frustrating, and I'm sorry. Would you rather talk to a person from our team? I'll pass on everything so you don't repeat yourself.",
  misunderstanding: "I'm sorry, I'm not understanding you well. Would you like me to bring in a person from our team?",
};
