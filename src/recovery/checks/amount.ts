import { invalid, suggest, valid, type CheckResult } from './types';

const SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD', '¥': 'JPY', '₹': 'INR', '₺': 'TRY', '₽': 'RUB', '₩': 'KRW', '฿': 'THB', 'zł': 'PLN' };
const WORDS: Record<string, string> = {
  euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', quid: 'GBP', dollar: 'USD', dollars: 'USD', bucks: 'USD',
  yen: 'JPY', francs: 'CHF', franc: 'CHF', rupees: 'INR', baht: 'THB', 'us$': 'USD', 'a$': 'AUD', 'c$': 'CAD',
};
const DOLLAR_FAMILY = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']);
let isoCodes: Set<string> | undefined;

/** ISO 4217 currency codes known to the runtime (Intl). */
export function isIsoCurrency(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code.toUpperCase());
}

/** Reads a currency written as a code, a symbol or a word ("eur", "€", "euros"); undefined if none. */
export function parseCurrency(raw: string): string | undefined {
  const t = raw.trim().toLowerCase();
  if (t === '') return undefined;
  if (WORDS[t]) return WORDS[t];
  if (SYMBOLS[raw.trim()]) return SYMBOLS[raw.trim()];
  return /^[a-z]{3}$/.test(t) && isIsoCurrency(t) ? t.toUpperCase() : undefined;
}

/** Reads a number written "1,234.56", "1.234,56", "99,50" or "120". */
export function parseNumber(text: string): number | undefined {
  let t = text.replace(/[\s']/g, '');
  if (!/^\d[\d.,]*$/.test(t)) return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  const decimalSep = lastComma > lastDot && t.length - lastComma - 1 !== 3 ? ',' : lastDot > lastComma && t.length - lastDot - 1 !== 3 ? '.' : null;
  if (decimalSep === ',') t = t.replace(/\./g, '').replace(',', '.');
  else if (decimalSep === '.') t = t.replace(/,/g, '');
  else t = t.replace(/[.,]/g, '');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** An amount with its currency, if the traveller wrote one. */
export interface Money {
  amount: number;
  currency?: string;
}

/** Parses "EUR 120", "120€", "$99.50", "99,50 euros"; undefined when it is not an amount. */
export function parseAmount(raw: string): Money | undefined {
  const m = /^\s*([^\d\s.,-]*)\s*(\d[\d\s.,']*?)\s*([^\d\s.,]*)\s*$/.exec(raw.replace(/^-/, ''));
  if (!m) return undefined;
  const amount = parseNumber(m[2]);
  if (amount === undefined) return undefined;
  const [before, after] = [m[1], m[3]];
  if (before && after) return undefined;
  const mark = before || after;
  if (!mark) return { amount };
  const currency = parseCurrency(mark);
  return currency ? { amount, currency } : undefined;
}

/** The normalised text of an amount: "120.00 EUR". */
export function formatMoney(m: Money): string {
  return m.currency ? `${m.amount.toFixed(2)} ${m.currency}` : m.amount.toFixed(2);
}

/**
 * S6: checks an amount and its currency. Without a currency the booking's is assumed; "$" takes the
 * booking's dollar currency; a currency different from the booking's is flagged for confirmation.
 */
export function checkAmount(raw: string, bookingCurrency?: string): CheckResult {
  const money = parseAmount(raw);
  if (!money) return invalid('I could not read that amount. Please write it like 120 EUR or €120.');
  if (money.amount <= 0) return invalid('The amount should be more than zero.');
  const booking = bookingCurrency?.toUpperCase();
  if (!booking) return valid(formatMoney(money));
  if (!money.currency) return valid(formatMoney({ ...money, currency: booking }));
  if (money.currency === 'USD' && /\$/.test(raw) && DOLLAR_FAMILY.has(booking) && !/us\$|usd/i.test(raw)) {
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
