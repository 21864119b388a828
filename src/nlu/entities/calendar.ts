/** A calendar date without a time: year, month 1-12, day 1-31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock moment in a time zone: its date and time of day. */
export interface WallClock {
  date: CalendarDate;
  hour: number;
  minute: number;
}

/** English month names, for messages. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of a time zone at an instant ("today" and "an hour ago" are the traveller's). */
export function wallClockIn(now: Date, timeZone = 'UTC'): WallClock {
  const parts = formatter(timeZone).formatToParts(now);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return { date: { year: get('year'), month: get('month'), day: get('day') }, hour: get('hour'), minute: get('minute') };
}

/** Today's date in a time zone. */
export function todayIn(now: Date, timeZone = 'UTC'): CalendarDate {
  return wallClockIn(now, timeZone).date;
}

/** Days in a month (leap years included). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Day of the week, 0 = Sunday. */
export function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** ISO form YYYY-MM-DD. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Reads YYYY-MM-DD back (a real date only); undefined otherwise. */
export function fromIsoDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month) ? d : undefined;
}

/** Words a traveller understands: "12 May 2026". */
export function spokenDate(d: CalendarDate): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;
}
