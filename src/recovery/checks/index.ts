import type { FactKind } from '../../knowledge/schema';
import { checkAmount, checkCurrency } from './amount';
import { checkBookingReference } from './bookingReference';
import { checkChoice, checkText } from './choice';
import { checkDate, checkDateRange } from './date';
import { checkEmail } from './email';
import { checkFlightNumber } from './flightNumber';
import { checkName } from './name';
import { checkPhone } from './phone';
import { invalid, suggest, type CheckContext, type CheckResult, type DateExpectation } from './types';

export * from './types';
export { checkAmount, checkCurrency, parseAmount, parseCurrency, formatMoney, type Money } from './amount';
export { checkBookingReference, referenceProduct, referenceProducts } from './bookingReference';
export { checkChoice, checkText } from './choice';
export { checkDate, checkDateRange } from './date';
export { checkEmail, COMMON_MAIL_DOMAINS } from './email';
export { checkFlightNumber } from './flightNumber';
export { checkName, foldName, NAME_SIMILARITY } from './name';
export { checkPhone } from './phone';

/** S6: runs the check for a fact kind. */
export function checkFact(kind: FactKind, raw: string, ctx: CheckContext): CheckResult {
  switch (kind) {
    case 'bookingReference':
      return knownToPlatform(ctx.referenceFormats?.length ? checkBookingReference(raw, ctx.referenceFormats) : checkText(raw), ctx);
    case 'email':
      return checkEmail(raw);
    case 'date':
      return checkDate(raw, ctx);
    case 'dateRange':
      return checkDateRange(raw, ctx);
    case 'name':
      return checkName(raw, ctx.travellerNames);
    case 'amount':
      return checkAmount(raw, ctx.bookingCurrency);
    case 'currency':
      return checkCurrency(raw, ctx.bookingCurrency);
    case 'phone':
      return checkPhone(raw);
    case 'flightNumber':
      return checkFlightNumber(raw);
    case 'choice':
      return ctx.choices?.length ? checkChoice(raw, ctx.choices) : checkText(raw);
    case 'text':
      return checkText(raw);
    default:
      return invalid('I cannot check that kind of answer.');
  }
}

/** A well-formed reference the platform did not find: "did you mean" its nearest booking, or say so. */
function knownToPlatform(result: CheckResult, ctx: CheckContext): CheckResult {
  const near = result.kind === 'valid' ? ctx.referencesNotFound?.[result.value] : undefined;
  if (result.kind !== 'valid' || !near) return result;
  const where = ctx.platformName ? ` on ${ctx.platformName}` : '';
  if (near.length) return suggest(near[0], `I can't find ${result.value}${where}. Did you mean ${near[0]}?`);
  return invalid(`I can't find ${result.value}${where}. Please check it against your confirmation e-mail, or type "talk to a person" and a colleague will look it up.`);
}

const PAST = /pa(id|yment)|charge|book(ed|ing)Date|purchase|refund|bought|lost|since/i;
const FUTURE = /check.?in|check.?out|arriv|depart|travel|flight|stay|pick.?up|tour|trip|start|end|return|outbound/i;

/**
 * Whether a date fact should lie in the future or the past, read from its name (the KB schema has no
 * field for it): "paymentDate" is past, "checkIn" is future, others either.
 */
export function dateExpectationFor(factName: string): DateExpectation {
  if (PAST.test(factName)) return 'past';
  if (FUTURE.test(factName)) return 'future';
  return 'any';
}
