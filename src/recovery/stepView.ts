import type { KnowledgeBase, Problem, ReplyKey, Step } from '../knowledge/schema';
import type { RecoveryAction, ResolvedSource, StepDetail } from './actions';
import { checkFact, dateExpectationFor, type CheckContext } from './checks';
import { displayValue } from './display';
import { factLabel } from './factLabel';
import { fillPlaceholders, hasPlaceholder } from './template';
import type { BookingContext, RecoverySession } from './types';
import { remedyValues } from '../knowledge/checkPromises';
import { emergencyNumberFor } from './emergencyNumbers';
import { scopeFactsOf, scopedStep, type RuleId } from './ruleScope';

const camel = (kind: string): string => kind.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Placeholder values from the booking: its own values, then each contact as {hotelName}, {hotelPhone}, {airlineManageBookingUrl}... */
export function bookingValues(booking: BookingContext | undefined): Record<string, string> {
  if (!booking) return {};
  const values: Record<string, string> = { ...booking.values };
  if (booking.reference) values.bookingReference = booking.reference;
  for (const c of booking.contacts ?? []) {
    const k = camel(c.kind);
    values[`${k}Name`] = c.name;
    if (c.phone) values[`${k}Phone`] = c.phone;
    if (c.email) values[`${k}Email`] = c.email;
    for (const [name, url] of Object.entries(c.links ?? {})) values[`${k}${capital(name)}Url`] = url;
  }
  return values;
}

const DEFAULT_PROVIDERS: Record<string, string> = {
  hotel: 'the hotel', rental: 'your host', flight: 'the airline', tour: 'the tour operator', transfer: 'the transfer company', car: 'the car-hire company',
};

/** The product line of the session: the booking's, else the one the reference's format names, else the problem's only one. */
export function sessionProduct(session: RecoverySession, kb: KnowledgeBase, problem?: Problem): string | undefined {
  if (session.booking?.product) return session.booking.product;
  const reference = Object.values(session.facts).find((f) => f.kind === 'bookingReference')?.value;
  const formats = reference ? kb.platform.referenceFormats.filter((f) => new RegExp(`^${f.pattern}$`).test(reference)) : [];
  const products = [...new Set(formats.map((f) => f.product))];
  if (products.length === 1) return products[0];
  return problem?.products.length === 1 ? problem.products[0] : undefined;
}

/**
 * The values {placeholders} are filled from: the platform, the case, the booking, the facts as the
 * traveller reads them (their words win), then the fallbacks of what is not known (a fact's `fallback`,
 * the platform's `placeholders`), so no placeholder reaches the traveller unfilled.
 */
export function placeholderValues(session: RecoverySession, kb: KnowledgeBase, problem?: Problem): Record<string, string | undefined> {
  const product = sessionProduct(session, kb, problem);
  const provider = product ? (kb.platform.providers[product as keyof typeof kb.platform.providers] ?? DEFAULT_PROVIDERS[product]) : undefined;
  const values: Record<string, string | undefined> = {
    ...kb.platform.placeholders,
    ...kb.platform.values,
    // The compensation policy's amount and grantor of each remedy ({remedyTaxiReimbursement}), and the destination's emergency number.
    ...remedyValues(kb.compensation),
    emergencyNumber: emergencyNumberFor(kb.escalation, session.booking),
    ...Object.fromEntries((problem?.facts ?? []).filter((f) => f.fallback).map((f) => [f.name, f.fallback])),
    platform: kb.platform.name,
    assistant: kb.platform.assistantName,
    provider: provider ?? kb.platform.placeholders.provider ?? 'the provider',
    caseReference: session.caseReference,
    ...definedOnly(bookingValues(session.booking)),
  };
  for (const [name, fact] of Object.entries(session.facts)) values[name] = displayValue(fact.kind, fact.value);
  return values;
}

function definedOnly(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
}

/** A step as worded for the session's product: the first variant naming the product replaces the fields it sets. */
export function stepFor(step: Step, product: string | undefined): Step {
  const variant = product ? step.variants?.find((v) => (v.products as string[]).includes(product)) : undefined;
  if (!variant) return step;
  const fields = Object.fromEntries(Object.entries(variant).filter(([k]) => k !== 'products')) as Omit<typeof variant, 'products'>;
  return { ...step, ...definedOnly(fields as Record<string, string>), ...(fields.howto ? { howto: fields.howto } : {}) } as Step;
}

/** The context S6 checks run with for a session. */
export function checkContext(session: RecoverySession, kb: KnowledgeBase, now: Date, factName?: string): CheckContext {
  const problem = kb.problems.find((p) => p.id === session.problemId);
  const spec = problem?.facts.find((f) => f.name === factName);
  const currencyFact = Object.values(session.facts).find((f) => f.kind === 'currency');
  return {
    now,
    timeZone: kb.escalation.businessHours.timezone,
    referenceFormats: kb.platform.referenceFormats,
    travellerNames: session.booking?.travellerNames,
    bookingCurrency: session.booking?.currency ?? currencyFact?.value,
    dateExpectation: spec?.when ?? (factName ? dateExpectationFor(factName) : 'any'),
    choices: spec?.choices,
    referencesNotFound: session.referencesNotFound,
    platformName: kb.platform.name,
  };
}

/** Values made safe inside a URL: a phone for tel: without spaces, a value in a path or query encoded; a whole-URL placeholder as it is. */
function urlValues(template: string, values: Record<string, string | undefined>): Record<string, string | undefined> {
  if (/^\{[a-zA-Z][a-zA-Z0-9]*\}$/.test(template)) return values;
  const encode = template.startsWith('tel:') ? (v: string) => v.replace(/[^\d+]/g, '') : encodeURIComponent;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === undefined ? v : encode(v)]));
}

function sourcesFor(kb: KnowledgeBase, problem: Problem, step: Step, values: Record<string, string | undefined>): ResolvedSource[] {
  const chosen = step.sources?.length
    ? step.sources.map((id) => kb.sources.find((s) => s.id === id)).filter((s) => s !== undefined)
    : kb.sources.filter((s) => s.problems.includes(problem.id));
  return chosen.map((s) => {
    const url = fillPlaceholders(s.url, urlValues(s.url, values), true).text;
    return { id: s.id, title: s.title, ...(hasPlaceholder(url) ? {} : { url }), lookFor: fillPlaceholders(s.lookFor, values).text };
  });
}

function detailFor(kb: KnowledgeBase, problem: Problem, step: Step, session: RecoverySession, now: Date): StepDetail {
  const values = placeholderValues(session, kb, problem);
  switch (step.action) {
    case 'check_input': {
      const checks = (step.facts ?? []).map((name) => {
        const spec = problem.facts.find((f) => f.name === name);
        const fact = session.facts[name];
        const label = spec ? factLabel(spec) : name;
        if (!fact) return { name, label };
        const result = checkFact(fact.kind, fact.value, checkContext(session, kb, now, name));
        // The traveller confirmed it: a "did you mean" they already answered is not asked again.
        const settled = fact.confirmed && result.kind === 'suggestion' ? { kind: 'valid' as const, value: fact.value } : result;
        return { name, label, value: displayValue(fact.kind, fact.value), result: settled };
      });
      return { kind: 'check_input', checks };
    }
    case 'outside_source':
      return { kind: 'outside_source', sources: sourcesFor(kb, problem, step, values) };
    case 'contact_actor': {
      const actor = kb.actors.find((a) => a.kind === step.actor);
      const draft = step.draft ? fillPlaceholders(step.draft, values) : undefined;
      const contact = session.booking?.contacts?.find((c) => c.kind === step.actor);
      const reference = session.booking?.reference;
      const sendable = !!(draft && draft.missing.length === 0 && contact && reference);
      return {
        kind: 'contact_actor',
        actor: {
          kind: step.actor ?? actor?.kind ?? 'hotel',
          label: actor?.label ?? step.actor ?? 'the provider',
          channels: actor?.channels ?? ['platform_message'],
          ...(actor ? { responseTime: actor.responseTime } : {}),
          ...(actor?.tips ? { tips: actor.tips } : {}),
        },
        ...(contact ? { contact } : {}),
        ...(draft ? { draft: { text: draft.text, missingFacts: draft.missing } } : {}),
        ...(sendable && reference ? { sendVia: { reference } } : {}),
      };
    }
    case 'ask_outcome':
      return { kind: 'ask_outcome', choices: listedChoices(fillPlaceholders(step.say, values).text) };
    case 'workaround':
      return { kind: 'workaround', ...(step.risks ? { risks: fillPlaceholders(step.risks, values).text } : {}) };
    case 'howto': {
      // The traveller chose to cancel (a choice fact) and the platform knows the booking: it can do it for them.
      const cancelling = Object.values(session.facts).some((f) => f.kind === 'choice' && /^cancel\b/i.test(f.value));
      const reference = session.booking?.reference;
      const howto = step.howto ? { ...step.howto, feature: fillPlaceholders(step.howto.feature, values).text, steps: step.howto.steps.map((s) => fillPlaceholders(s, values).text) } : undefined;
      return { kind: 'howto', ...(howto ? { howto } : {}), ...(cancelling && reference ? { request: { kind: 'cancellation' as const, reference } } : {}) };
    }
    default:
      return { kind: 'plain' };
  }
}

/** The items of a Markdown bullet list in a step's text ("- stay at this hotel"), as answer choices. */
export function listedChoices(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*[-*]\s+(.+?)\s*$/.exec(line)?.[1])
    .filter((item): item is string => !!item)
    .map((item) => item.charAt(0).toUpperCase() + item.slice(1));
}

/** The show_step action of a step, with {fact} placeholders filled and the capability's detail. */
export function showStep(
  kb: KnowledgeBase,
  problem: Problem,
  base: Step,
  session: RecoverySession,
  now: Date,
  encouragement?: ReplyKey,
): Extract<RecoveryAction, { kind: 'show_step' }> {
  // Rule scope: the wording for the booking's facts (route, airline, booking date, how it was sold).
  const ruleOf = (id: string) => kb.sources.find((s) => s.id === id)?.rule as RuleId | undefined;
  const step = scopedStep(stepFor(base, sessionProduct(session, kb, problem)), scopeFactsOf(session.booking, now), ruleOf);
  const values = placeholderValues(session, kb, problem);
  return {
    kind: 'show_step',
    stepId: step.id,
    strategy: step.strategy,
    action: step.action,
    say: fillPlaceholders(step.say, values).text,
    ...(step.why ? { why: fillPlaceholders(step.why, values).text } : {}),
    successQuestion: successQuestion(fillPlaceholders(step.success, values).text),
    position: { index: problem.steps.indexOf(base) + 1, total: problem.steps.length },
    ...(encouragement ? { encouragement } : {}),
    detail: detailFor(kb, problem, step, session, now),
  };
}

/** "Did that work?" phrased about the step's success criterion. */
export function successQuestion(success: string): string {
  const s = success.trim().replace(/[.?!]+$/, '');
  return /^(did|do|is|are|has|have|can|could|was|were)\b/i.test(s) ? `${s}?` : `Did that work: ${s.charAt(0).toLowerCase()}${s.slice(1)}?`;
}
