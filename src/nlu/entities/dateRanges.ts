import { addDays, compareDates, weekdayOf, type CalendarDate } from './calendar';
import type { DateReading, FoundDate } from './dateReading';
import { smallNumber } from './numbers';

// Each pattern below runs on a slice of at most 40 characters next to a date, so the cost stays linear.
const CONNECTOR = /^\s*(?:-|–|—|\/|to|until|till|thru|through|and)\s*$/i;
const NIGHTS_AFTER = /^\s*(?:for\s+)?([a-z]+|\d{1,3})\s+nights?\b/i;
const NIGHTS_BEFORE = /(?:^|\s)(?:for\s+)?([a-z]+|\d{1,3})\s+nights?\s+(?:from|starting(?:\s+(?:on|from))?|beginning)\s+$/i;
const WEEKEND = /\bweekend\b/i;
// A bare day number (with its st/nd/rd/th) joined to a date ("19th to the 22nd", "the 19th-22nd"): the other end of its range.
const DAY_BEFORE = /(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th)\s*(?:-|–|to|until|till|thru)\s*(?:the\s+)?$/i;
const DAY_AFTER = /^\s*(?:-|–|to|until|till|thru)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/i;

function range(a: FoundDate, to: DateReading, text: string, start = a.start, end = a.end): FoundDate {
  return { start, end, raw: text.slice(start, end), from: a.from, to };
}

function plusNights(from: DateReading, nights: number): DateReading {
  return { date: addDays(from.date, nights), relative: from.relative, partial: 'none' };
}

/** "this weekend", "next weekend": the library gives the Saturday; the weekend runs to the Sunday. */
function weekend(found: FoundDate): FoundDate {
  if (found.to || !WEEKEND.test(found.raw)) return found;
  const saturday: CalendarDate = weekdayOf(found.from.date) === 0 ? addDays(found.from.date, -1) : found.from.date;
  return { ...found, from: { ...found.from, date: saturday, alternative: undefined }, to: { date: addDays(saturday, 1), relative: true, partial: 'none' } };
}

/** A day of the same month as `d`, when it exists. */
function sameMonth(d: CalendarDate, day: number): CalendarDate | undefined {
  return day >= 1 && day <= 31 && addDays({ ...d, day: 1 }, day - 1).month === d.month ? { ...d, day } : undefined;
}

/** "19th to the 22nd", "the 19th-22nd": a date with a bare day number on one side is a range within its month. */
function dayRange(found: FoundDate, text: string): FoundDate {
  if (found.to) return found;
  const head = text.slice(Math.max(0, found.start - 20), found.start);
  const before = DAY_BEFORE.exec(head);
  const from = before ? sameMonth(found.from.date, Number(before[1])) : undefined;
  if (before && from && compareDates(from, found.from.date) < 0) {
    const start = found.start - head.length + before.index + (before[0].length - before[0].replace(/^[^\d]/, '').length);
    return { start, end: found.end, raw: text.slice(start, found.end), from: { ...found.from, date: from, alternative: undefined }, to: { ...found.from, alternative: undefined } };
  }
  const after = DAY_AFTER.exec(text.slice(found.end, found.end + 20));
  const to = after ? sameMonth(found.from.date, Number(after[1])) : undefined;
  if (!after || !to || compareDates(to, found.from.date) <= 0) return found;
  return range(found, { ...found.from, date: to, alternative: undefined }, text, found.start, found.end + after[0].length);
}

/** "today for 2 nights", "3 nights from the 12th": a stay from a date for some nights. */
function nights(found: FoundDate, text: string): FoundDate {
  if (found.to) return found;
  const after = NIGHTS_AFTER.exec(text.slice(found.end, found.end + 40));
  const count = after && smallNumber(after[1]);
  if (after && count) return range(found, plusNights(found.from, count), text, found.start, found.end + after[0].length);
  const head = text.slice(Math.max(0, found.start - 40), found.start);
  const before = NIGHTS_BEFORE.exec(head);
  const countBefore = before && smallNumber(before[1]);
  if (!before || !countBefore) return found;
  const start = found.start - head.length + before.index + (before[0].length - before[0].trimStart().length);
  return range(found, plusNights(found.from, countBefore), text, start, found.end);
}

/**
 * Ranges the library leaves as separate dates or as one: two dates joined by "-", "/", "to" or "and"
 * ("2026-03-20/2026-03-22", "between the 10th and the 12th"), a weekend, and a stay counted in nights.
 */
export function extendRanges(text: string, found: FoundDate[]): FoundDate[] {
  const merged: FoundDate[] = [];
  for (const f of found) {
    const prev = merged[merged.length - 1];
    if (prev && !prev.to && !f.to && f.start - prev.end <= 12 && CONNECTOR.test(text.slice(prev.end, f.start))) {
      merged[merged.length - 1] = range(prev, orderEnd(prev.from.date, f.from), text, prev.start, f.end);
      continue;
    }
    merged.push(f);
  }
  return merged.map((f) => nights(weekend(dayRange(f, text)), text));
}

/** The end of a range falls on or after its start: "until friday" is the friday after it. */
export function orderEnd(start: CalendarDate, end: DateReading): DateReading {
  let date = end.date;
  if (end.partial === 'weekday') while (compareDates(date, start) < 0) date = addDays(date, 7);
  else if (compareDates(date, start) < 0 && end.alternative && compareDates(end.alternative, start) >= 0) date = end.alternative;
  return { ...end, date, alternative: undefined };
}
