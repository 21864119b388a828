/** A calendar date without a time: year, month 1-12, day 1-31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** What the parser made of a date: a date, a date with its year guessed, an impossible date, or nothing. */
export type ParsedDate =
  | { kind: 'date'; date: CalendarDate; yearGiven: boolean }
  | { kind: 'impossible'; year: number; month: number; day: number }
  | { kind: 'unparsed' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** English month names, for messages. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month (leap years included). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date in a time zone. */
export function todayIn(now: Date, timeZone = 'UTC'): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Adds days to a calendar date. */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Compares two dates: negative when a is earlier. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO form YYYY-MM-DD. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Words a traveller understands: "12 May 2026". */
export function spokenDate(d: CalendarDate): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}

function monthOf(word: string): number {
  const w = word.toLowerCase();
  const i = MONTH_NAMES.findIndex((name, n) => name.toLowerCase() === w || MONTHS[n] === w || (n === 8 && w === 'sept'));
  return i + 1;
}

function build(year: number, month: number, day: number, yearGiven: boolean): ParsedDate {
  if (month < 1 || month > 12 || day < 1) return { kind: 'unparsed' };
  if (day > daysInMonth(year, month)) return { kind: 'impossible', year, month, day };
  return { kind: 'date', date: { year, month, day }, yearGiven };
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * Parses the common ways travellers write a date: "12/05/2026" (day first; "05/13/2026" is read
 * month first since 13 is no month), "12.05.26", "2026-05-12", "12 May", "12th May 2026",
 * "May 12, 2026", "today", "tomorrow", "yesterday". Without a year, the default year is used.
 */
export function parseDate(raw: string, today: CalendarDate, defaultYear: number): ParsedDate {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const relative: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  if (text in relative) return { kind: 'date', date: addDays(today, relative[text]), yearGiven: true };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), true);
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    let [day, month] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return build(m[3] ? fullYear(m[3]) : defaultYear, month, day, Boolean(m[3]));
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]{3,9})\.?,?(?: (\d{4}))?$/.exec(text);
  if (m && monthOf(m[2]) > 0) return build(m[3] ? Number(m[3]) : defaultYear, monthOf(m[2]), Number(m[1]), Boolean(m[3]));
  m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,?(?: (\d{4}))?$/.exec(text);
  if (m && monthOf(m[1]) > 0) return build(m[3] ? Number(m[3]) : defaultYear, monthOf(m[1]), Number(m[2]), Boolean(m[3]));
  return { kind: 'unparsed' };
}
