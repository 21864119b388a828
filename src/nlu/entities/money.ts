import type { Entity } from './types';
import { currencyOf, markerAt } from './currencies';
import { scanNumbers, type NumberSpan } from './numbers';
import { wordTokens } from './windows';

/** An amount with its currency, if the traveller wrote one. */
export interface Money {
  amount: number;
  currency?: string;
}

/** The normalised text of an amount: "120.00 EUR", or "120.00" without a currency. */
export function formatMoney(m: Money): string {
  return m.currency ? `${m.amount.toFixed(2)} ${m.currency}` : m.amount.toFixed(2);
}

// Both run on at most 40 characters beside a number, so they stay linear in the message.
const MONEY_CUE = /\b(?:paid|pay|charged?|costs?|refund(?:ed)?|price|billed|bill|total|fee|fare|amount|spent)\b(?:\s+(?:me|us|was|of|is|should|be|about|around|only)){0,3}\s*$/i;
const COUNTED = /^\s*(?:nights?|days?|weeks?|hours?|minutes?|people|persons?|adults?|kids|children|times|of\b|x\b|%)/i;

/** An amount from one number: the currency marker right after it or right before it, if any. */
function amountAt(text: string, n: NumberSpan): { money: Money; start: number; end: number } | undefined {
  const after = markerAt(text.slice(n.end, n.end + 40), 'after');
  const before = after ? undefined : markerAt(text.slice(Math.max(0, n.start - 40), n.start), 'before');
  if (after) return { money: { amount: n.value, currency: after.code }, start: n.start, end: n.end + after.length };
  if (before) return { money: { amount: n.value, currency: before.code }, start: n.start - before.length, end: n.end };
  // No currency: an amount only after a money word ("they charged me 89.99"), and not a count ("paid 2 nights").
  const cue = MONEY_CUE.test(text.slice(Math.max(0, n.start - 40), n.start));
  if (cue && !COUNTED.test(text.slice(n.end, n.end + 40))) return { money: { amount: n.value }, start: n.start, end: n.end };
  return undefined;
}

/**
 * Amounts anywhere in a message ("312 euros each", "three hundred euros", "£45", "EUR 312", "312,50€",
 * "a hundred and twenty quid"): numbers from the number recogniser, each with the currency beside it.
 */
export function findAmounts(text: string, numbers: NumberSpan[] = scanNumbers(text)): Entity[] {
  const out: Entity[] = [];
  for (const n of numbers) {
    const found = amountAt(text, n);
    if (!found || found.money.amount <= 0) continue;
    const raw = text.slice(found.start, found.end);
    out.push({ kind: 'amount', value: formatMoney(found.money), raw, start: found.start, end: found.end, label: String(found.money.amount) });
  }
  return out;
}

/** Currencies said without an amount ("I paid in euros", "was it GBP?"). */
export function findCurrencies(text: string): Entity[] {
  const out: Entity[] = [];
  for (const t of wordTokens(text)) {
    const code = /^[A-Z]{3}$/.test(t.text) || /^[a-z]{4,}$/i.test(t.text) ? currencyOf(t.text) : undefined;
    if (code) out.push({ kind: 'currency', value: code, raw: t.text, start: t.start, end: t.end });
  }
  return out;
}

/** Words that may stand around an amount given as an answer ("312 euros each, like I said", "about 120 in total"). */
const ANSWER_FILLER = new Set(['each', 'per', 'person', 'pp', 'total', 'in', 'about', 'around', 'approx', 'approximately', 'roughly', 'only',
  'just', 'exactly', 'like', 'i', 'said', 'it', 'was', 'is', 'paid', 'charged', 'me', 'us', 'the', 'a', 'of', 'for', 'cash', 'please', 'pls',
  'altogether', 'refund', 'price', 'cost', 'amount', 'sum', 'so', 'that', 'we', 'they', 'twice', 'and', 'um', 'ok', 'yes']);

/**
 * Reads a whole answer as one amount ("EUR 120", "three hundred euros each"); undefined when it holds no
 * number or two, or other words stand around it ("12 apples", "EUR 12 USD").
 */
export function parseMoney(raw: string): Money | undefined {
  const numbers = scanNumbers(raw);
  if (numbers.length !== 1) return undefined;
  const n = numbers[0];
  const found = amountAt(raw, n) ?? { money: { amount: n.value }, start: n.start, end: n.end };
  const rest = `${raw.slice(0, found.start)} ${raw.slice(found.end)}`;
  return wordTokens(rest).every((t) => ANSWER_FILLER.has(t.text.toLowerCase())) ? found.money : undefined;
}
