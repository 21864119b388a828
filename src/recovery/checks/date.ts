import { compareDates, daysInMonth, isoDate, parseDate, spokenDate, todayIn, type CalendarDate } from './dateParse';
import { invalid, suggest, valid, type CheckContext, type CheckResult } from './types';

/** A checked date, kept structured for range checks. */
export type DateCheck = { result: CheckResult; date?: CalendarDate };

function withYear(d: CalendarDate, year: number): CalendarDate {
  return { ...d, year };
}

/** Checks a date and also returns it parsed (used by checkDate and checkDateRange). */
export function checkDateDetailed(raw: string, ctx: CheckContext): DateCheck {
  const today = todayIn(ctx.now, ctx.timeZone);
  const expect = ctx.dateExpectation ?? 'any';
  const parsed = parseDate(raw, today, today.year);
  if (parsed.kind === 'unparsed') {
    return { result: invalid('I could not read that date. Please write it like 12/05/2026 or 12 May 2026.') };
  }
  if (parsed.kind === 'impossible') {
    const month = spokenDate({ year: parsed.year, month: parsed.month, day: 1 }).split(' ')[1];
    return { result: invalid(`${month} ${parsed.year} has no day ${parsed.day}. Could you check the date?`) };
  }
  let date = parsed.date;
  // Without a year, take the reading that fits what we expect (next May when May is over).
  if (!parsed.yearGiven && expect === 'future' && compareDates(date, today) < 0) date = withYear(date, date.year + 1);
  if (!parsed.yearGiven && expect === 'past' && compareDates(date, today) > 0) date = withYear(date, date.year - 1);
  if (date.day > daysInMonth(date.year, date.month)) {
    return { result: invalid(`There is no 29 February in ${date.year}. Could you check the date?`) };
  }
  if (expect === 'future' && compareDates(date, today) < 0) {
    const nextYear = withYear(date, today.year + (compareDates(withYear(date, today.year), today) < 0 ? 1 : 0));
    if (nextYear.day > daysInMonth(nextYear.year, nextYear.month)) {
      return { date, result: invalid(`${spokenDate(date)} is in the past. Which date did you mean?`) };
    }
    return {
      date,
      result: suggest(isoDate(nextYear), `${spokenDate(date)} is in the past. Did you mean ${spokenDate(nextYear)}?`),
    };
  }
  if (expect === 'past' && compareDates(date, today) > 0) {
    return { date, result: invalid(`${spokenDate(date)} is still to come. Which date did it happen?`) };
  }
  return { date, result: valid(isoDate(date)) };
}

/**
 * S6: checks a date. Normalises to YYYY-MM-DD; flags impossible dates (31/02), a past date where a
 * future one is expected (with the likely intended year as "did you mean ...?"), and a future date
 * where a past one is expected.
 */
export function checkDate(raw: string, ctx: CheckContext): CheckResult {
  return checkDateDetailed(raw, ctx).result;
}

const RANGE_SPLIT = /\s+(?:to|until|till|-|–|—)\s+|\s*(?:–|—)\s*/;

/**
 * S6: checks a date range ("12/05/2026 - 15/05/2026", "12 May to 15 May"). Normalised to
 * "YYYY-MM-DD/YYYY-MM-DD"; a swapped range is offered the right way round.
 */
export function checkDateRange(raw: string, ctx: CheckContext): CheckResult {
  const parts = raw.trim().replace(/^from\s+/i, '').split(RANGE_SPLIT);
  if (parts.length !== 2) return invalid('Please give both dates, like 12 May to 15 May.');
  const [a, b] = parts.map((p) => checkDateDetailed(p, ctx));
  for (const part of [a, b]) if (part.result.kind === 'invalid') return part.result;
  const [start, end] = [a.date, b.date] as [CalendarDate, CalendarDate];
  const value = (x: CheckResult): string => (x.kind === 'invalid' ? '' : x.value);
  if (compareDates(start, end) > 0) {
    return suggest(
      `${isoDate(end)}/${isoDate(start)}`,
      `The second date is before the first. Did you mean ${spokenDate(end)} to ${spokenDate(start)}?`,
    );
  }
  const hint = [a.result, b.result].find((r) => r.kind === 'suggestion');
  if (hint && hint.kind === 'suggestion') return suggest(`${value(a.result)}/${value(b.result)}`, hint.reason);
  return valid(`${isoDate(start)}/${isoDate(end)}`);
}
