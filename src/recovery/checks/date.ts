import { parseDateValue } from '../../nlu/entities/dates';
import { compareDates, daysInMonth, fromIsoDate, impossibleDate, impossibleReason, isoDate, spokenDate, todayIn, withYear, type CalendarDate } from './dateParse';
import { invalid, suggest, valid, type CheckContext, type CheckResult, type DateExpectation } from './types';

/** A checked date, kept structured for range checks. */
export type DateCheck = { result: CheckResult; date?: CalendarDate };

const UNREADABLE = 'I could not read that date. Please write it like 12/05/2026 or 12 May 2026.';

/** Judges one date against what is expected: a past date where a future one is due gets next year's as "did you mean". */
function judge(date: CalendarDate, relative: boolean, today: CalendarDate, expect: DateExpectation): DateCheck {
  if (expect === 'future' && compareDates(date, today) < 0) {
    const nextYear = withYear(date, today.year + (compareDates(withYear(date, today.year), today) < 0 ? 1 : 0));
    if (relative || nextYear.day > daysInMonth(nextYear.year, nextYear.month)) {
      return { date, result: invalid(`${spokenDate(date)} is in the past. Which date did you mean?`) };
    }
    return { date, result: suggest(isoDate(nextYear), `${spokenDate(date)} is in the past. Did you mean ${spokenDate(nextYear)}?`) };
  }
  if (expect === 'past' && compareDates(date, today) > 0) {
    return { date, result: invalid(`${spokenDate(date)} is still to come. Which date did it happen?`) };
  }
  return { date, result: valid(isoDate(date)) };
}

/** Checks a date and also returns it parsed (used by checkDate and checkDateRange). */
export function checkDateDetailed(raw: string, ctx: CheckContext): DateCheck {
  const impossible = impossibleDate(raw);
  if (impossible) return { result: invalid(impossibleReason(impossible)) };
  const expect = ctx.dateExpectation ?? 'any';
  const found = parseDateValue(raw, { now: ctx.now, timeZone: ctx.timeZone, referenceFormats: [] }, expect);
  const date = found && fromIsoDate(found.value.slice(0, 10));
  if (!found || !date) return { result: invalid(UNREADABLE) };
  return judge(date, found.relative === true, todayIn(ctx.now, ctx.timeZone), expect);
}

/**
 * S6: checks a date ("12/05/2026", "12 May", "friday", "3 weeks ago", "an hour ago", "now"). Normalises to
 * YYYY-MM-DD; a weekday or a date without its year takes the reading the fact expects (past or future);
 * flags impossible dates (31/02), a past date where a future one is expected (with the likely intended
 * year as "did you mean ...?"), and a future date where a past one is expected.
 */
export function checkDate(raw: string, ctx: CheckContext): CheckResult {
  return checkDateDetailed(raw, ctx).result;
}

const RANGE_SPLIT = /\s+(?:to|until|till|-|–|—)\s+|\s*(?:–|—)\s*/;

function combine(a: DateCheck, b: DateCheck): CheckResult {
  for (const part of [a, b]) if (part.result.kind === 'invalid') return part.result;
  const [start, end] = [a.date, b.date] as [CalendarDate, CalendarDate];
  const value = (x: CheckResult): string => (x.kind === 'invalid' ? '' : x.value);
  if (compareDates(start, end) > 0) {
    return suggest(`${isoDate(end)}/${isoDate(start)}`, `The second date is before the first. Did you mean ${spokenDate(end)} to ${spokenDate(start)}?`);
  }
  const hint = [a.result, b.result].find((r) => r.kind === 'suggestion');
  if (hint && hint.kind === 'suggestion') return suggest(`${value(a.result)}/${value(b.result)}`, hint.reason);
  return valid(`${isoDate(start)}/${isoDate(end)}`);
}

/**
 * S6: checks a date range ("12/05/2026 - 15/05/2026", "12 May to 15 May", "today for 2 nights", "next
 * weekend", and its own form "2026-03-20/2026-03-22"). Normalised to "YYYY-MM-DD/YYYY-MM-DD"; a swapped
 * range is offered the right way round.
 */
export function checkDateRange(raw: string, ctx: CheckContext): CheckResult {
  const parts = raw.trim().replace(/^from\s+/i, '').split(RANGE_SPLIT);
  // Two dates said apart: each is checked on its own, so an impossible one is named.
  if (parts.length === 2 && parts.every((p) => p.trim() !== '')) return combine(...(parts.map((p) => checkDateDetailed(p, ctx)) as [DateCheck, DateCheck]));
  const expect = ctx.dateExpectation ?? 'any';
  const found = parseDateValue(raw, { now: ctx.now, timeZone: ctx.timeZone, referenceFormats: [] }, expect);
  if (!found || found.kind !== 'dateRange') return invalid('Please give both dates, like 12 May to 15 May.');
  const [start, end] = found.value.split('/').map(fromIsoDate) as [CalendarDate, CalendarDate];
  const today = todayIn(ctx.now, ctx.timeZone);
  return combine(judge(start, found.relative === true, today, expect), judge(end, found.relative === true, today, expect));
}
