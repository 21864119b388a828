import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { strategyLabel } from '../../../bot/recoveryCards';
import type { KnowledgeBase, Problem, Step } from '../../../src/knowledge/schema';
import { allowedRemedies, bookingValues, displayValue, fillPlaceholders, stepFor, type BookingContext } from '../../../src/recovery';
import { scopeFactsOf, scopedStep, type RuleId } from '../../../src/recovery/ruleScope';
import { cardText, type Conversation } from '../harness';
import { answerFor, pressButton, replyShowing } from '../travellers';
import type { WalkStep } from '../playbookWalks';

type Replies = Array<Partial<Activity>>;

/** The values a step's {placeholders} take in the walk: the booking, then the traveller's answers. */
function valuesFor(problem: Problem, booking: BookingContext | undefined): Record<string, string> {
  const values: Record<string, string> = { platform: 'Wanderly', ...bookingValues(booking) };
  // Facts are shown as the traveller reads them ("£642.00", "Friday 20 February 2026").
  for (const f of problem.facts) values[f.name] = displayValue(f.kind, answerFor(problem, f.name));
  return values;
}

/**
 * Finds the card of a walk step among the replies and checks what its strategy must show: the header with
 * the strategy's label, the outside sources with their links (S2), the booking's contact and the drafted
 * message with the booking facts (S3), the risks (S4), the how-to (S5), the checked facts (S6).
 */
export function expectStepCard(kb: KnowledgeBase, problem: Problem, shown: WalkStep, replies: Replies, booking?: BookingContext, now = new Date('2026-03-02T10:00:00Z')): Partial<Activity> {
  // The step as worded for this booking: its product's variant, and the rules in scope for its route and dates.
  const ruleOf = (id: string) => kb.sources.find((s) => s.id === id)?.rule as RuleId | undefined;
  const step = scopedStep(stepFor(shown.step, booking?.product), scopeFactsOf(booking, now), ruleOf);
  if (step.action === 'offer_remedy') {
    const first = allowedRemedies(kb, problem, step, booking, {})[0];
    return replyShowing(replies, first.label);
  }
  const reply = replyShowing(replies, `Step ${shown.index} of ${problem.steps.length} · ${strategyLabel(step.strategy, kb.platform.name)}`);
  const text = cardText(reply);
  const values = valuesFor(problem, booking);
  if (step.action === 'outside_source') {
    const sources = step.sources?.length ? step.sources.map((id) => kb.sources.find((s) => s.id === id)!) : kb.sources.filter((s) => s.problems.includes(problem.id));
    for (const source of sources) {
      expect(text).to.include(source.title);
      const url = fillPlaceholders(source.url, values, true);
      // A link whose placeholder the booking fills (e.g. {airlineManageBookingUrl}) is shown as a link.
      if (url.missing.length === 0) expect(text, source.id).to.match(new RegExp(`\\[${escape(source.title)}\\]\\(`));
    }
  }
  if (step.action === 'contact_actor') {
    const contact = booking?.contacts?.find((c) => c.kind === step.actor);
    if (contact) expect(text).to.include(`Who: ${contact.name}`);
    if (step.draft) expect(text).to.include(fillPlaceholders(step.draft, values).text.slice(0, 40));
  }
  if (step.action === 'workaround' && step.risks) expect(text).to.include('⚠ Before you do this:');
  if (step.action === 'howto' && step.howto) expect(text).to.include(`**${step.howto.feature}**`);
  if (step.action === 'check_input') {
    for (const name of step.facts ?? []) if (values[name] && problem.facts.find((f) => f.name === name)?.kind === 'bookingReference') expect(text).to.include(`${values[name]} ✓`);
  }
  return reply;
}

/** Answers a walk step the way the walk says; on the success path an S3 draft is sent through the platform first. */
export async function answerStep(conversation: Conversation, step: Step, answer: 'success' | 'failure', card: Partial<Activity>): Promise<Replies> {
  if (step.action === 'ask_outcome') return pressFirstChoice(conversation, card);
  if (step.action === 'offer_remedy') return answer === 'success' ? pressFirstChoice(conversation, card) : pressButton(conversation, card, 'No, thanks');
  if (answer === 'success' && step.action === 'contact_actor' && /Send it for me/.test(JSON.stringify(card.attachments))) {
    const sent = await pressButton(conversation, card, 'Send it for me');
    replyShowing(sent, /✓ Sent to \*\*.+\*\*/);
    replyShowing(sent, /replied:/);
    const asked = replyShowing(sent, /Did that work|\?$/);
    return pressButton(conversation, asked, 'Yes, that worked');
  }
  return pressButton(conversation, card, answer === 'success' ? 'Yes, that worked' : 'No, still stuck');
}

async function pressFirstChoice(conversation: Conversation, card: Partial<Activity>): Promise<Replies> {
  const actions = (card.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions;
  return conversation.press(actions[0].data);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
