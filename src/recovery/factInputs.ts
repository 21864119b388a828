import type { FactSpec } from '../knowledge/schema';
import { factsFromBooking } from './bookingFacts';
import { checkedFact } from './factFlow';
import type { PlaybookContext } from './playbook';
import type { RecoverySession } from './types';

/** A copy of a record without one key. */
function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** The session after some facts were given, and the first refusal of one (the reason, for asking it again). */
export interface FactsApplied {
  session: RecoverySession;
  refused?: { spec: FactSpec; reason: string };
}

const inStep = (s: RecoverySession): boolean => s.status === 'running_step' || s.status === 'awaiting_outcome';

/**
 * Applies facts read from the traveller's words, each through its S6 check. A value the check refuses
 * is not stored; the first refusal is returned so the fact can be asked again with the reason. A fact
 * given is no longer skipped or unknown.
 */
export function applyFacts(ctx: PlaybookContext, session: RecoverySession, facts: ReadonlyArray<{ name: string; value: string }>): FactsApplied {
  let next = session;
  let refused: FactsApplied['refused'];
  for (const { name, value } of facts) {
    const spec = ctx.problem.facts.find((f) => f.name === name);
    if (!spec) continue;
    // A correction made while a step is shown was made after reviewing it: it counts as confirmed.
    const checked = checkedFact(ctx.kb, next, spec, value, ctx.now, inStep(next));
    if ('refused' in checked) {
      refused ??= { spec, reason: checked.refused };
      continue;
    }
    next = {
      ...next,
      facts: { ...next.facts, [name]: checked.fact },
      skippedFacts: next.skippedFacts.filter((n) => n !== name),
      ...(next.unknownFacts ? { unknownFacts: next.unknownFacts.filter((n) => n !== name) } : {}),
    };
  }
  return { session: next, ...(refused ? { refused } : {}) };
}

/**
 * Takes the facts the booking holds (each fact's `fromBooking`) that the traveller has not given: they are
 * never asked, only shown in the one-line confirmation. Values the check refuses are left to ask.
 */
export function fillFromBooking(ctx: PlaybookContext, session: RecoverySession): RecoverySession {
  const reference = session.booking?.reference;
  if (!reference || !session.booking) return session;
  let next = session;
  // A booking found another way (by e-mail and date) answers the reference the traveller did not know.
  const referenceFact = ctx.problem.facts.find((f) => f.kind === 'bookingReference' && !session.facts[f.name]);
  if (referenceFact) {
    next = {
      ...next,
      facts: { ...next.facts, [referenceFact.name]: { kind: 'bookingReference', value: reference, raw: reference, confirmed: false, source: 'booking' } },
      skippedFacts: next.skippedFacts.filter((n) => n !== referenceFact.name),
      ...(next.unknownFacts ? { unknownFacts: next.unknownFacts.filter((n) => n !== referenceFact.name) } : {}),
    };
  }
  for (const { name, value } of factsFromBooking(ctx.problem, session.booking)) {
    if (next.facts[name] || next.skippedFacts.includes(name)) continue;
    const spec = ctx.problem.facts.find((f) => f.name === name)!;
    const checked = checkedFact(ctx.kb, next, spec, value, ctx.now, false, 'booking');
    if ('fact' in checked && !checked.fact.suggestion) next = { ...next, facts: { ...next.facts, [name]: checked.fact } };
  }
  return next;
}

/**
 * The traveller does not know or have a fact: it is settled without a value, and the alternative facts
 * the playbook names for it (`unknown.ask`, e.g. the e-mail and the booking date for a reference) become wanted.
 */
export function markUnknown(ctx: PlaybookContext, session: RecoverySession, name: string, withAlternative = true): RecoverySession {
  const spec = ctx.problem.facts.find((f) => f.name === name);
  const ask = (withAlternative ? spec?.unknown?.ask ?? [] : []).filter((n) => ctx.problem.facts.some((f) => f.name === n));
  const facts = withoutKey(session.facts, name);
  return {
    ...session,
    facts,
    unknownFacts: [...new Set([...(session.unknownFacts ?? []), name])],
    ...(ask.length ? { alternatives: [...new Set([...(session.alternatives ?? []), ...ask])] } : {}),
  };
}

/** The session with a fact cleared, to be asked again ("change the date"). */
export function clearFact(session: RecoverySession, name: string): RecoverySession {
  const facts = withoutKey(session.facts, name);
  return {
    ...session,
    facts,
    skippedFacts: session.skippedFacts.filter((n) => n !== name),
    ...(session.unknownFacts ? { unknownFacts: session.unknownFacts.filter((n) => n !== name) } : {}),
  };
}

/** Days from today (UTC) to a YYYY-MM-DD date (or a range's start); undefined when it is no date. */
function daysUntil(value: string, now: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - today) / 86_400_000);
}

/** Choices implied by a date already known (`fromDate`): an arrival in 14 days is "more than a day away"; a rule without a choice leaves the fact to ask. */
export function deriveFromDates(ctx: PlaybookContext, session: RecoverySession): RecoverySession {
  let next = session;
  for (const spec of ctx.problem.facts) {
    if (!spec.fromDate || next.facts[spec.name] || next.skippedFacts.includes(spec.name)) continue;
    const source = next.facts[spec.fromDate.fact];
    const days = source ? daysUntil(source.value, ctx.now) : undefined;
    const rule = days === undefined ? undefined : spec.fromDate.rules.find((r) => days <= r.days);
    // A rule without a choice: the date alone cannot tell (arriving today may mean at the door already), so it is asked.
    if (!rule?.choice || !spec.choices?.includes(rule.choice)) continue;
    next = { ...next, facts: { ...next.facts, [spec.name]: { kind: 'choice', value: rule.choice, raw: rule.choice, confirmed: false, ...(source.source ? { source: source.source } : {}) } } };
  }
  return next;
}
