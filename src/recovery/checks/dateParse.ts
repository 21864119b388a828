/**
 * Calendar helpers of the S6 date checks. The dates themselves are read by the understanding step's
 * date recogniser (chrono-node with Rebound's wrapper, src/nlu/entities); these small helpers stay here
 * for the checks' messages and comparisons.
 */
export {
  addDays, compareDates, daysInMonth, fromIsoDate, isoDate, MONTH_NAMES, spokenDate, todayIn, type CalendarDate,
} from '../../nlu/entities/calendar';
import { daysInMonth, MONTH_NAMES, type CalendarDate } from '../../nlu/entities/calendar';

/** A numeric date whose day the month does not have ("31/02/2026", "2026-02-30"); the library would only say "no date". */
export interface ImpossibleDate {
  year: number;
  month: number;
  day: number;
}

const DAY_FIRST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$/;
const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/**
 * Finds a date written in digits with a day its month does not have, so the check can name it
 * ("February 2026 has no day 31") instead of only saying it could not read it.
 */
export function impossibleDate(raw: string): ImpossibleDate | undefined {
  const iso = ISO.exec(raw);
  const dayFirst = iso ? undefined : DAY_FIRST.exec(raw);
  if (!iso && !dayFirst) return undefined;
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [dayFirst![3].length === 2 ? 2000 + Number(dayFirst![3]) : Number(dayFirst![3]), Number(dayFirst![2]), Number(dayFirst![1])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  return day > daysInMonth(year, month) ? { year, month, day } : undefined;
}

/** "February 2026 has no day 31." */
export function impossibleReason(d: ImpossibleDate): string {
  return `${MONTH_NAMES[d.month - 1]} ${d.year} has no day ${d.day}. Could you check the date?`;
}

/** A calendar date with another year. */
export function withYear(d: CalendarDate, year: number): CalendarDate {
  return { ...d, year };
}
