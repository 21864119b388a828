import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { addDays, compareDates, daysInMonth, type CalendarDate } from './calendar';

/** Whether a date fact should lie in the future, the past, or either. */
export type DateExpectation = 'past' | 'future' | 'any';

/** A date found in a text, before it becomes an entity: its span and its readings (`to` for a range). */
export interface FoundDate {
  start: number;
  end: number;
  raw: string;
  from: DateReading;
  to?: DateReading;
}

/** A date the library found, read against today: its value by expectation and the other reading. */
export interface DateReading {
  date: CalendarDate;
  /** The other reading of a weekday or of a date said without its year or month. */
  alternative?: CalendarDate;
  time?: string;
  relative: boolean;
  /** What was missing: a weekday only, a day of the month only, no year, or nothing. */
  partial: 'weekday' | 'day' | 'year' | 'none';
}

const MODIFIED_WEEKDAY = /\b(?:last|next|this|coming|past|previous)\b/i;
const RELATIVE_WORDS = /\b(?:ago|in|next|last|this|past|previous|coming|now|today|tonight|tomorrow|yesterday|weekend|night|morning|afternoon|evening)\b/i;
const TIME_SAID = /\d\s*[ap]\.?m\b|\d[:.h]\d\d|\bnoon\b|\bmidnight\b|\bago\b|\bin\s+\S+\s+(?:hours?|minutes?|mins?)\b/i;

function shiftMonths(d: CalendarDate, months: number): CalendarDate | undefined {
  const index = d.year * 12 + d.month - 1 + months;
  const out = { year: Math.floor(index / 12), month: (index % 12) + 1, day: d.day };
  return out.day <= daysInMonth(out.year, out.month) ? out : undefined;
}

function fromComponents(c: ParsedComponents): CalendarDate {
  return { year: c.get('year') ?? 0, month: c.get('month') ?? 1, day: c.get('day') ?? 1 };
}

/** Picks between the reading before and the one after today by expectation ("any" takes `current` when it exists). */
function pick(current: CalendarDate | undefined, previous: CalendarDate | undefined, next: CalendarDate | undefined, today: CalendarDate, expect: DateExpectation) {
  const future = current && compareDates(current, today) >= 0 ? current : next;
  const past = current && compareDates(current, today) <= 0 ? current : previous;
  const chosen = expect === 'future' ? future : expect === 'past' ? past : current ?? future;
  const other = chosen === current ? (compareDates(current ?? today, today) < 0 ? next : previous) : current;
  return { date: chosen ?? current ?? future ?? past, alternative: other };
}

/** The coming and the last date with a weekday, strictly after and before today. */
export function weekdayReadings(weekday: number, today: CalendarDate): { coming: CalendarDate; last: CalendarDate } {
  const todayWeekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const ahead = ((weekday - todayWeekday + 6) % 7) + 1;
  return { coming: addDays(today, ahead), last: addDays(today, ahead - 7) };
}

/**
 * Reads one end of a library result against today (the traveller's): a bare weekday is the coming one
 * (the last one for a past expectation) with the other as the alternative; a date without its year or
 * month takes the year or month that fits the expectation.
 */
export function readComponents(c: ParsedComponents, result: ParsedResult, today: CalendarDate, expect: DateExpectation): DateReading | undefined {
  const time = c.isCertain('hour') && TIME_SAID.test(result.text)
    ? `${String(c.get('hour')).padStart(2, '0')}:${String(c.get('minute') ?? 0).padStart(2, '0')}`
    : undefined;
  const tags = [...result.tags()].join(' ');
  const relative = /relativeDate|casualReference|Casual/.test(tags) || RELATIVE_WORDS.test(result.text);
  if (!c.isCertain('day') && c.isCertain('weekday')) {
    if (MODIFIED_WEEKDAY.test(result.text)) return { date: fromComponents(c), time, relative: true, partial: 'none' };
    const { coming, last } = weekdayReadings(c.get('weekday') ?? 0, today);
    const [date, alternative] = expect === 'past' ? [last, coming] : [coming, last];
    return { date, alternative, time, relative: true, partial: 'weekday' };
  }
  if (!c.isCertain('day')) {
    // "this morning" and a time alone ("at 3am") are today; a month alone ("in march") is no date.
    if (/MonthNameParser/.test(tags)) return undefined;
    return relative || time ? { date: fromComponents(c), time, relative: true, partial: 'none' } : undefined;
  }
  const date = fromComponents(c);
  if (c.isCertain('year') && date.day > daysInMonth(date.year, date.month)) return undefined;
  if (c.isCertain('year') || relative) return { date, time, relative, partial: 'none' };
  // The library guesses the nearest year or month; the traveller's "the 14th" and "25/12" are this month's and year's.
  if (!c.isCertain('month')) {
    const current = { year: today.year, month: today.month, day: date.day };
    const inMonth = current.day <= daysInMonth(current.year, current.month) ? current : undefined;
    const { date: d, alternative } = pick(inMonth, shiftMonths(current, -1), shiftMonths(current, 1), today, expect);
    return d && { date: d, alternative, time, relative, partial: 'day' };
  }
  const current = { ...date, year: today.year };
  const valid = current.day <= daysInMonth(current.year, current.month) ? current : undefined;
  const { date: d, alternative } = pick(valid, shiftMonths(current, -12), shiftMonths(current, 12), today, expect);
  return d && { date: d, alternative, time, relative, partial: 'year' };
}
