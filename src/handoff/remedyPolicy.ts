import type { Compensation, Remedy } from '../knowledge/schema';
import { parseAmount } from '../recovery/checks/amount';
import type { CaseRemedy, CaseSummary } from './caseModel';

/** A remedy an agent may grant for a case (the console's picker), with the limit that applies. */
export interface PolicyRemedy {
  remedyId: string;
  kind: Remedy['kind'];
  label: string;
  description?: string;
  agentOnly: boolean;
  maxAmount?: { value: number; currency: string };
  /** The limit is a share of a booking value the case does not know: grantable only without an amount. */
  amountUnknown?: true;
}

/** The booking value as the bot established it: a cap it offered, else a confirmed amount fact with a currency. */
function bookingValue(summary: CaseSummary, remedyId: string): { value: number; currency: string } | undefined {
  const offered = summary.remedies.find((r) => r.remedyId === remedyId && r.amount !== undefined && r.currency);
  if (offered) return { value: offered.amount!, currency: offered.currency! };
  for (const value of Object.values(summary.facts)) {
    if (value.endsWith('(unconfirmed)')) continue;
    const money = parseAmount(value);
    if (money?.currency) return { value: money.amount, currency: money.currency };
  }
  return undefined;
}

function limitOf(remedy: Remedy, policy: Compensation, summary: CaseSummary): Pick<PolicyRemedy, 'maxAmount' | 'amountUnknown'> {
  const caps: Array<{ value: number; currency: string }> = [];
  if (remedy.maxAmount !== undefined) caps.push({ value: remedy.maxAmount, currency: policy.currency });
  if (remedy.maxShareOfBooking !== undefined) {
    const booking = bookingValue(summary, remedy.id);
    if (!booking) return remedy.maxAmount !== undefined ? { maxAmount: caps[0] } : { amountUnknown: true };
    caps.push({ value: Math.floor(remedy.maxShareOfBooking * booking.value * 100) / 100, currency: booking.currency });
  }
  if (caps.length === 0) return {};
  // Two currencies cannot be compared without a rate: the policy currency's cap is the one that can be checked.
  const comparable = new Set(caps.map((c) => c.currency)).size > 1 ? caps.filter((c) => c.currency === policy.currency) : caps;
  return { maxAmount: comparable.reduce((a, b) => (b.value < a.value ? b : a)) };
}

/** The policy's remedies for the case's problem (agent-only ones included), each with its limit; none without a problem. */
export function remediesForCase(policy: Compensation, summary: CaseSummary): PolicyRemedy[] {
  const problemId = summary.problemId;
  if (!problemId) return [];
  return policy.remedies
    .filter((r) => r.problems.includes(problemId))
    .map((r) => ({
      remedyId: r.id,
      kind: r.kind,
      label: r.label,
      ...(r.description ? { description: r.description } : {}),
      agentOnly: r.agentOnly,
      ...limitOf(r, policy, summary),
    }));
}

/** Problems with a remedy an agent wants to grant ("remedy.amount: ..."); empty when it is within the policy. */
export function checkRemedy(policy: Compensation, summary: CaseSummary, remedy: CaseRemedy): string[] {
  const known = policy.remedies.find((r) => r.id === remedy.remedyId);
  if (!known) return [`remedy.remedyId: "${remedy.remedyId}" is not in the compensation policy`];
  const allowed = remediesForCase(policy, summary).find((r) => r.remedyId === remedy.remedyId);
  if (!allowed) return [`remedy.remedyId: "${remedy.remedyId}" does not cover this case's problem (${summary.problemId ?? 'none recognised'})`];
  if (remedy.amount === undefined) return [];
  if (allowed.amountUnknown) return ['remedy.amount: the booking value is not known, so this remedy can only be granted without an amount'];
  if (!allowed.maxAmount) return [`remedy.amount: "${remedy.remedyId}" is granted without an amount`];
  const problems: string[] = [];
  const currency = remedy.currency ?? allowed.maxAmount.currency;
  if (currency !== allowed.maxAmount.currency) problems.push(`remedy.currency: must be ${allowed.maxAmount.currency}`);
  if (remedy.amount > allowed.maxAmount.value) {
    problems.push(`remedy.amount: ${remedy.amount} is above the limit of ${allowed.maxAmount.value} ${allowed.maxAmount.currency}`);
  }
  return problems;
}

/** The remedy with its currency filled in from the policy limit. */
export function normaliseRemedy(policy: Compensation, summary: CaseSummary, remedy: CaseRemedy): CaseRemedy {
  if (remedy.amount === undefined || remedy.currency) return remedy;
  const limit = remediesForCase(policy, summary).find((r) => r.remedyId === remedy.remedyId)?.maxAmount;
  return { ...remedy, currency: limit?.currency ?? policy.currency };
}
