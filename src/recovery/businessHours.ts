import type { Escalation } from '../knowledge/schema';

type Rules = Pick<Escalation, 'businessHours'>;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function localTime(now: Date, timeZone: string): { day: (typeof DAYS)[number]; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  const day = DAYS.find((d) => d === get('weekday').slice(0, 3).toLowerCase()) ?? 'sun';
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * True when agents are at work at `now`, in the rules' time zone. A closing time at or before the
 * opening time means the shift runs past midnight (counted to the day it opened).
 */
export function isWithinBusinessHours(now: Date, rules: Rules): boolean {
  const { timezone, days, open, close } = rules.businessHours;
  const { day, minutes } = localTime(now, timezone);
  const [from, to] = [minutesOf(open), minutesOf(close)];
  if (from < to) return days.includes(day) && minutes >= from && minutes < to;
  const yesterday = DAYS[(DAYS.indexOf(day) + 6) % 7];
  return (days.includes(day) && minutes >= from) || (days.includes(yesterday) && minutes < to);
}

/** The expected wait for a place in the queue (1 = next), in minutes and in words. */
export function expectedWait(positionInQueue: number, rules: Pick<Escalation, 'minutesPerCase'>, agentsOnline = 1): { minutes: number; text: string } {
  const ahead = Math.max(0, Math.ceil(positionInQueue / Math.max(1, agentsOnline)));
  const minutes = Math.round(ahead * rules.minutesPerCase);
  return { minutes, text: waitInWords(minutes) };
}

/** "less than a minute", "about 5 minutes", "about 1 hour 10 minutes". */
export function waitInWords(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const rounded = Math.round(minutes / 5) * 5;
  const [h, m] = [Math.floor(rounded / 60), rounded % 60];
  return `about ${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} minutes` : ''}`;
}

/** What to tell a traveller handed over now: the expected wait, or the after-hours text. */
export function waitExpectation(now: Date, positionInQueue: number, rules: Escalation, agentsOnline = 1):
  | { kind: 'wait'; minutes: number; text: string }
  | { kind: 'after_hours'; text: string } {
  if (!isWithinBusinessHours(now, rules)) return { kind: 'after_hours', text: afterHoursText(now, rules) };
  return { kind: 'wait', ...expectedWait(positionInQueue, rules, agentsOnline) };
}

/** Milliseconds the time zone is ahead of UTC at an instant. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(at / 60_000) * 60_000;
}

/** The instant a wall-clock time in a time zone stands for (DST-safe: the offset is read at the result). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - zoneOffset(guess, timeZone);
  return new Date(guess - zoneOffset(first, timeZone));
}

/**
 * When the support team is next at work, with the day in words and the local time: `now` itself ("today",
 * the time now) while it is open, else its next opening.
 */
export function nextOpening(now: Date, rules: Rules): { at: Date; day: string; time: string } {
  const { timezone, days, open } = rules.businessHours;
  if (isWithinBusinessHours(now, rules)) {
    const { minutes } = localTime(now, timezone);
    return { at: now, day: 'today', time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` };
  }
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now).split('-').map(Number);
  for (let d = 0; d <= 7; d += 1) {
    const date = new Date(Date.UTC(local[0], local[1] - 1, local[2] + d));
    const weekday = DAYS[date.getUTCDay()];
    if (!days.includes(weekday)) continue;
    const at = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), minutesOf(open), timezone);
    if (at.getTime() <= now.getTime()) continue;
    const day = d === 0 ? 'today' : d === 1 ? 'tomorrow' : `on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(date)}`;
    return { at, day, time: open };
  }
  return { at: now, day: 'today', time: open };
}

/**
 * The after-hours text with the hours and the next opening filled in from the business hours (one value
 * each): {open}, {close}, {zone} ("Paris"), {opensDay} ("tomorrow"), {opensAt} ("08:00"), {opensIn} ("about 4 hours").
 */
export function afterHoursText(now: Date, rules: Pick<Escalation, 'businessHours' | 'afterHoursText'>): string {
  const opening = nextOpening(now, rules);
  const minutes = Math.max(0, Math.round((opening.at.getTime() - now.getTime()) / 60_000));
  const { open, close, timezone } = rules.businessHours;
  const zone = (timezone.split('/').at(-1) ?? timezone).replace(/_/g, ' ');
  const values: Record<string, string> = { open, close, zone, opensDay: opening.day, opensAt: opening.time, opensIn: waitInWords(minutes) };
  return rules.afterHoursText.replace(/\{(open|close|zone|opensDay|opensAt|opensIn)\}/g, (_m, name: string) => values[name]);
}
