import type { KnowledgeBase, Problem, Remedy, Step } from '../knowledge/schema';
import { parseAmount } from './checks/amount';
import type { BookingContext, FactValue, OfferedRemedy } from './types';

/** The booking's value and currency, from the platform or else from an amount fact the traveller gave. */
export function bookingValue(booking: BookingContext | undefined, facts: Record<string, FactValue>): { value: number; currency: string } | undefined {
  if (booking?.totalAmount !== undefined && booking.currency) return { value: booking.totalAmount, currency: booking.currency.toUpperCase() };
  for (const fact of Object.values(facts)) {
    if (fact.kind !== 'amount' || !fact.confirmed) continue;
    const money = parseAmount(fact.value);
    if (money?.currency) return { value: money.amount, currency: money.currency };
  }
  return undefined;
}

function limitFor(remedy: Remedy, policyCurrency: string, value?: { value: number; currency: string }): OfferedRemedy['maxAmount'] | null | undefined {
  const caps: Array<{ value: number; currency: string }> = [];
  if (remedy.maxAmount !== undefined) caps.push({ value: remedy.maxAmount, currency: policyCurrency });
  if (remedy.maxShareOfBooking !== undefined) {
    // A share of an unknown booking value cannot be kept within: leave it to an agent.
    if (!value) return null;
    caps.push({ value: Math.floor(remedy.maxShareOfBooking * value.value * 100) / 100, currency: value.currency });
  }
  if (caps.length === 0) return undefined;
  // Limits in two currencies cannot be compared without a rate: leave it to an agent.
  if (new Set(caps.map((c) => c.currency)).size > 1) return null;
  const cap = caps.reduce((a, b) => (b.value < a.value ? b : a));
  return cap.value > 0 ? cap : null;
}

/**
 * The remedies the bot may offer at an offer_remedy step: named by the step, in the compensation
 * policy for this problem, not agent-only, only when the platform is at fault, each with the limit
 * that applies (the lower of maxAmount and maxShareOfBooking). Never anything else.
 */
export function allowedRemedies(
  kb: Pick<KnowledgeBase, 'compensation'>,
  problem: Problem,
  step: Step,
  booking: BookingContext | undefined,
  facts: Record<string, FactValue>,
): OfferedRemedy[] {
  if (!problem.platformAtFault || !step.remedies?.length) return [];
  const value = bookingValue(booking, facts);
  const offered: OfferedRemedy[] = [];
  for (const id of step.remedies) {
    const remedy = kb.compensation.remedies.find((r) => r.id === id);
    if (!remedy || remedy.agentOnly || !remedy.problems.includes(problem.id)) continue;
    const limit = limitFor(remedy, kb.compensation.currency, value);
    if (limit === null) continue;
    offered.push({ remedyId: remedy.id, kind: remedy.kind, label: remedy.label, ...(limit ? { maxAmount: limit } : {}) });
  }
  return offered;
}
