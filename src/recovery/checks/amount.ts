import { currencyOf, formatMoney, isIsoCurrency, parseMoney, type Money } from '../../nlu/entities';
import { invalid, suggest, valid, type CheckResult } from './types';

export { formatMoney, isIsoCurrency, type Money };

const DOLLAR_FAMILY = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);
/** "$", "dollars", "bucks" without "US": the booking's own dollar. */
const PLAIN_DOLLAR = /\$|\bdollars?\b|\bbucks?\b/i;
const US_DOLLAR = /us\s?\$|\busd\b|\bus\b|\bu\.s\.|\bamerican\b/i;
/** Reads a currency written as a code, a symbol or a word ("eur", "€", "euros"); undefined if none. */
export function parseCurrency(raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return /^[a-z]{3}$/i.test(text) && isIsoCurrency(text) ? text.toUpperCase() : currencyOf(text);
}

/**
 * Parses an answer as one amount: "EUR 120", "120€", "$99.50", "99,50 euros", "three hundred euros",
 * "312 euros each, like I said" (the understanding step's amount recogniser); undefined when it is not
 * an amount, holds two, or other words stand around it ("12 apples").
 */
export function parseAmount(raw: string): Money | undefined {
  return parseMoney(raw);
}

/**
 * S6: checks an amount and its currency. Without a currency the booking's is assumed; "$", "dollars" and
 * "bucks" take the booking's dollar currency; a currency different from the booking's is flagged for confirmation.
 */
export function checkAmount(raw: string, bookingCurrency?: string): CheckResult {
  const money = parseAmount(raw);
  if (!money) return invalid('I could not read that amount. Please write it like 120 EUR or €120.');
  if (money.amount <= 0) return invalid('The amount should be more than zero.');
  const booking = bookingCurrency?.toUpperCase();
  if (!booking) return valid(formatMoney(money));
  if (!money.currency) return valid(formatMoney({ ...money, currency: booking }));
  if (money.currency === 'USD' && PLAIN_DOLLAR.test(raw) && DOLLAR_FAMILY.has(booking) && !US_DOLLAR.test(raw)) {
    return valid(formatMoney({ ...money, currency: booking }));
  }
  if (money.currency !== booking) {
    return suggest(
      formatMoney(money),
      `The booking was paid in ${booking}, and you wrote ${money.currency}. That can be right if your bank converted it; is ${formatMoney(money)} correct?`,
    );
  }
  return valid(formatMoney(money));
}

/** S6: checks a currency (ISO code, symbol or word); flags one different from the booking's. */
export function checkCurrency(raw: string, bookingCurrency?: string): CheckResult {
  const currency = parseCurrency(raw);
  if (!currency) return invalid('I do not know that currency. Please use its three-letter code, like EUR or USD.');
  const booking = bookingCurrency?.toUpperCase();
  if (booking && booking !== currency) {
    return suggest(currency, `The booking was paid in ${booking}, not ${currency}. Is ${currency} right?`);
  }
  return valid(currency);
}
