import * as chrono from 'chrono-node';
import type { Entity, EntityContext } from './types';
import { compareDates, isoDate, wallClockIn } from './calendar';
import { correctDateWords, originalSpan } from './dateWords';
import { readComponents, type DateExpectation, type FoundDate } from './dateReading';
import { extendRanges, orderEnd } from './dateRanges';
import { textWindows } from './windows';

/** "the 14th", "on the 3rd": a day of the month alone, which the library leaves out. */
const dayOfMonth: chrono.Parser = {
  pattern: () => /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    return day >= 1 && day <= 31 ? context.createParsingComponents({ day }) : null;
  },
};

const PART_OF_DAY_ALONE = /^(?:night|morning|evening|afternoon)$/i;

/**
 * "18th to 21st", "the 3rd-5th": two days of a month with no month said, left to the reading (the coming
 * ones). With a month after them ("... to the 22nd of may") the library reads the second as a date and
 * extendRanges joins the first to it, in that month.
 */
const daysOfMonth: chrono.Parser = {
  pattern: () => /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s*(?:-|–|to|until|till|thru)\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i,
  extract: (context, match) => {
    const [from, to] = [Number(match[1]), Number(match[2])];
    if (from < 1 || to > 31 || from >= to) return null;
    return context.createParsingResult(match.index ?? 0, match[0], { day: from }, { day: to });
  },
};

// The casual English parser, but with the British reading of slashed dates (14/3 and 05/04 day first, as
// travellers on a European platform write them); the British parser itself reads "march 14" as March 2014.
const parser = chrono.en.casual.clone();
const slashed = (p: chrono.Parser): boolean => p.constructor.name === 'SlashDateFormatParser';
const britishSlash = chrono.en.GB.parsers.find(slashed);
if (britishSlash) parser.parsers = parser.parsers.map((p) => (slashed(p) ? britishSlash : p));
parser.parsers.push(dayOfMonth, daysOfMonth);

/**
 * Runs the date library over the text in windows, on the traveller's wall clock: the reference handed
 * to it is their local time written as UTC, so "today" and "an hour ago" are theirs.
 */
export function scanDates(text: string, ctx: EntityContext, expect: DateExpectation): FoundDate[] {
  const clock = wallClockIn(ctx.now, ctx.timeZone ?? 'UTC');
  const instant = new Date(Date.UTC(clock.date.year, clock.date.month - 1, clock.date.day, clock.hour, clock.minute));
  const out: FoundDate[] = [];
  for (const window of textWindows(text)) {
    const rewritten = correctDateWords(window.text);
    for (const r of parser.parse(rewritten.text, { instant, timezone: 0 })) {
      // "karaoke night", "a morning flight": a part of the day on its own names no date.
      if (PART_OF_DAY_ALONE.test(r.text)) continue;
      const from = readComponents(r.start, r, clock.date, r.end ? 'any' : expect);
      if (!from) continue;
      const to = r.end ? readComponents(r.end, r, clock.date, 'any') : undefined;
      const [s, e] = originalSpan(rewritten, r.index, r.index + r.text.length);
      const start = window.offset + s;
      const end = window.offset + e;
      out.push({ start, end, raw: text.slice(start, end), from, to: to && orderEnd(from.date, to) });
    }
  }
  return extendRanges(text, out);
}

function toEntity(found: FoundDate): Entity {
  const base = { raw: found.raw, start: found.start, end: found.end, relative: found.from.relative };
  if (found.to && compareDates(found.to.date, found.from.date) !== 0) {
    return { ...base, kind: 'dateRange', value: `${isoDate(found.from.date)}/${isoDate(found.to.date)}`, relative: found.from.relative || found.to.relative };
  }
  const entity: Entity = { ...base, kind: 'date', value: isoDate(found.from.date) };
  if (found.from.alternative) entity.alternative = isoDate(found.from.alternative);
  if (found.from.time) entity.time = found.from.time;
  return entity;
}

/** Dates and date ranges anywhere in a message ("friday", "3 weeks ago", "today for 2 nights", "from the 12th to the 15th"). */
export function findDates(text: string, ctx: EntityContext): Entity[] {
  return scanDates(text, ctx, 'any').map(toEntity);
}

/**
 * Reads a whole answer as one date or range (the S6 checks): the first date found, its reading chosen
 * by `expectation`; undefined when the answer holds no date.
 */
export function parseDateValue(text: string, ctx: EntityContext, expectation: DateExpectation): Entity | undefined {
  const found = scanDates(text, ctx, expectation);
  return found.length ? toEntity(found[0]) : undefined;
}
