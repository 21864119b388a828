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
  if (!isWithinBusinessHours(now, rules)) return { kind: 'after_hours', text: rules.afterHoursText };
  return { kind: 'wait', ...expectedWait(positionInQueue, rules, agentsOnline) };
}
