import type { KnowledgeBase, Problem, Step } from '../knowledge/schema';
import type { RecoveryAction, ResolvedSource, StepDetail } from './actions';
import { checkFact, dateExpectationFor, type CheckContext } from './checks';
import { fillPlaceholders, hasPlaceholder } from './template';
import type { BookingContext, RecoverySession } from './types';

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

/** The values {placeholders} are filled from: platform and caseReference, the booking, then the facts (the traveller's words win). */
export function placeholderValues(session: RecoverySession, kb: KnowledgeBase): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = { platform: kb.platform.name, caseReference: session.caseReference, ...bookingValues(session.booking) };
  for (const [name, fact] of Object.entries(session.facts)) values[name] = fact.value;
  return values;
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
    dateExpectation: factName ? dateExpectationFor(factName) : 'any',
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
  const values = placeholderValues(session, kb);
  switch (step.action) {
    case 'check_input': {
      const checks = (step.facts ?? []).map((name) => {
        const spec = problem.facts.find((f) => f.name === name);
        const fact = session.facts[name];
        const label = spec?.prompt ?? name;
        if (!fact) return { name, label };
        return { name, label, value: fact.value, result: checkFact(fact.kind, fact.value, checkContext(session, kb, now, name)) };
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
      return { kind: 'workaround', ...(step.risks ? { risks: step.risks } : {}) };
    case 'howto': {
      // The traveller chose to cancel (a choice fact) and the platform knows the booking: it can do it for them.
      const cancelling = Object.values(session.facts).some((f) => f.kind === 'choice' && /^cancel\b/i.test(f.value));
      const reference = session.booking?.reference;
      return { kind: 'howto', ...(step.howto ? { howto: step.howto } : {}), ...(cancelling && reference ? { request: { kind: 'cancellation' as const, reference } } : {}) };
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
  step: Step,
  session: RecoverySession,
  now: Date,
  encouragement?: string,
): Extract<RecoveryAction, { kind: 'show_step' }> {
  const values = placeholderValues(session, kb);
  return {
    kind: 'show_step',
    stepId: step.id,
    strategy: step.strategy,
    action: step.action,
    say: fillPlaceholders(step.say, values).text,
    ...(step.why ? { why: fillPlaceholders(step.why, values).text } : {}),
    successQuestion: successQuestion(fillPlaceholders(step.success, values).text),
    position: { index: problem.steps.indexOf(step) + 1, total: problem.steps.length },
    ...(encouragement ? { encouragement } : {}),
    detail: detailFor(kb, problem, step, session, now),
  };
}

/** "Did that work?" phrased about the step's success criterion. */
export function successQuestion(success: string): string {
  const s = success.trim().replace(/[.?!]+$/, '');
  return /^(did|do|is|are|has|have|can|could|was|were)\b/i.test(s) ? `${s}?` : `Did that work: ${s.charAt(0).toLowerCase()}${s.slice(1)}?`;
}
