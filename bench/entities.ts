/**
 * Entity recognisers benchmark: Bot Framework's recognizers-text (v1.1.4) against chrono-node (v2) for
 * dates, and recognizers-text's currency model against Rebound's amounts (its number model + its currency
 * tables), on the dev and held-out phrase sets in tests/fixtures/entities/; then the whole extractEntities
 * on typical and very long messages. Usage: npm run bench:entities [-- --quick] (quick: no 100k runs of
 * the Microsoft models, which take minutes).
 */
process.env.DOTENV_CONFIG_QUIET = 'true';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTimeModel, DateTimeOptions, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import * as chrono from 'chrono-node';
import { parse } from 'yaml';
import { percentile } from '../src/cli/eval/runner';
import { addDays, extractEntities, findAmounts, findDates, isoDate, parseDateValue, textWindows, wallClockIn, type EntityContext } from '../src/nlu/entities';

type Expect = 'past' | 'future' | 'any';
interface Phrase { text: string; expect?: Expect; date?: string; range?: string; amount?: string; none?: boolean; now?: string; tz?: string }
interface PhraseSet { now?: string; tz?: string; phrases: Phrase[] }
/** A system reads one phrase to a normalised answer: "date 2026-03-02", "range a/b", "amount 312.00 EUR" or "none". */
type System = (p: Phrase, ctx: EntityContext) => string;

const FIXTURES = join(__dirname, '..', 'tests', 'fixtures', 'entities');
const load = (name: string): PhraseSet => parse(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8')) as PhraseSet;
const expected = (p: Phrase): string => (p.none ? 'none' : p.date ? `date ${p.date}` : p.range ? `range ${p.range}` : `amount ${p.amount}`);
const context = (set: PhraseSet, p: Phrase): EntityContext => ({ now: new Date(p.now ?? set.now ?? '2026-03-02T09:30:00Z'), timeZone: p.tz ?? set.tz ?? 'UTC', referenceFormats: [] });

/** The traveller's wall clock as a Date whose local (process) fields are theirs: what the Microsoft model reads. */
function localRef(ctx: EntityContext): Date {
  const c = wallClockIn(ctx.now, ctx.timeZone);
  return new Date(c.date.year, c.date.month - 1, c.date.day, c.hour, c.minute);
}

const msDates: DateTimeModel = new DateTimeRecognizer('en-us', DateTimeOptions.None).getDateTimeModel() as DateTimeModel;
const msCurrency = new NumberWithUnitRecognizer('en-us').getCurrencyModel();

/** Microsoft's date model with a plain adapter: the first date-ish result; of its past/future values the one expected. */
const microsoftDate: System = (p, ctx) => {
  for (const r of msDates.parse(p.text, localRef(ctx))) {
    const values = (r.resolution?.values ?? []) as Array<Record<string, string>>;
    const v = values.length > 1 && p.expect !== 'past' ? values[1] : values[0];
    if (!v) continue;
    if (v.type === 'daterange' && v.start && v.end) {
      const end = new Date(`${v.end}T00:00:00Z`);
      // Weeks and weekends end the day after (exclusive); a range said with days ends on its day.
      const last = /W/.test(v.timex ?? '') ? isoDate(addDays({ year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() }, -1)) : v.end;
      return `range ${v.start}/${last}`;
    }
    if (v.type === 'date' || v.type === 'datetime') return `date ${(v.value ?? '').slice(0, 10)}`;
    if (v.type === 'datetimerange' && v.start) return `date ${v.start.slice(0, 10)}`;
    if (v.type === 'time' || v.type === 'timerange') return `date ${isoDate(wallClockIn(ctx.now, ctx.timeZone).date)}`;
  }
  return 'none';
};

/** chrono-node's casual English parser with a plain adapter: the first result, forward-dated unless a past date is expected. */
const chronoDate: System = (p, ctx) => {
  const c = wallClockIn(ctx.now, ctx.timeZone);
  const instant = new Date(Date.UTC(c.date.year, c.date.month - 1, c.date.day, c.hour, c.minute));
  const r = chrono.casual.parse(p.text, { instant, timezone: 0 }, { forwardDate: p.expect !== 'past' })[0];
  if (!r) return 'none';
  const day = (x: chrono.ParsedComponents): string => isoDate({ year: x.get('year') ?? 0, month: x.get('month') ?? 0, day: x.get('day') ?? 0 });
  return r.end ? `range ${day(r.start)}/${day(r.end)}` : `date ${day(r.start)}`;
};

/** Rebound: chrono-node with the travel wrapper (time zone, past/future readings, nights, weekends, typos). */
const reboundDate: System = (p, ctx) => {
  const e = parseDateValue(p.text, ctx, p.expect ?? 'any');
  return e ? `${e.kind === 'dateRange' ? 'range' : 'date'} ${e.value}` : 'none';
};

const AMBIGUOUS: Record<string, string> = { Pound: 'GBP', Dollar: 'USD' };
/** Microsoft's currency model with a plain adapter: the first result, "Pound" and "Dollar" as GBP and USD. */
const microsoftAmount: System = (p) => {
  const r = msCurrency.parse(p.text)[0];
  const value = Number(r?.resolution?.value);
  const code = r && ((r.resolution?.isoCurrency as string | undefined) ?? AMBIGUOUS[r.resolution?.unit as string]);
  return r && Number.isFinite(value) ? `amount ${value.toFixed(2)}${code ? ` ${code}` : ''}` : 'none';
};
const chronoAmount: System = () => 'none';
const reboundAmount: System = (p) => {
  const e = findAmounts(p.text)[0];
  return e ? `amount ${e.value}` : 'none';
};

function timeUs(run: () => void, times: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    out.push((performance.now() - t) * 1000);
  }
  return out;
}

function measure(set: PhraseSet, system: System, rounds: number): { accuracy: number; p50: number; p99: number } {
  let right = 0;
  for (const p of set.phrases) if (system(p, context(set, p)) === expected(p)) right++;
  const latencies = set.phrases.flatMap((p) => timeUs(() => system(p, context(set, p)), rounds));
  return { accuracy: right / set.phrases.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const ms = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${us.toFixed(0)} µs`);
const LONG_SENTENCE = 'The driver never came last night, we paid 312 euros each and nobody answers, booking WL-X119274. ';
const longText = (n: number): string => LONG_SENTENCE.repeat(Math.ceil(n / LONG_SENTENCE.length)).slice(0, n);
const windowed = (run: (t: string) => unknown) => (t: string) => textWindows(t).forEach((w) => run(w.text));
const ctx0: EntityContext = { now: new Date('2026-03-02T09:30:00Z'), timeZone: 'Europe/London', referenceFormats: [{ product: 'transfer', pattern: 'WL-X\\d{6}', example: 'WL-X119274' }] };

function longRuns(run: (t: string) => unknown, skip100k: boolean): string[] {
  return [1000, 100000].map((n) => {
    if (n > 1000 && skip100k) return 'skipped (--quick)';
    const t = longText(n);
    return ms(timeUs(() => run(t), 1)[0]);
  });
}

function main(): void {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, rounds: { type: 'string', default: '5' } } });
  const rounds = Number(values.rounds);
  const sets = { dates: [load('dates.dev'), load('dates.heldout')], amounts: [load('amounts.dev'), load('amounts.heldout')] };
  const rows: string[] = [];
  const families: Array<[string, PhraseSet[], Array<[string, System, (t: string) => unknown]>]> = [
    ['dates', sets.dates, [
      ['recognizers-text 1.1.4 (windowed)', microsoftDate, windowed((t) => msDates.parse(t, new Date()))],
      ['chrono-node 2.10.3', chronoDate, (t) => chrono.casual.parse(t)],
      ['Rebound: chrono-node + wrapper', reboundDate, (t) => findDates(t, ctx0)],
    ]],
    ['amounts', sets.amounts, [
      ['recognizers-text 1.1.4 currency (windowed)', microsoftAmount, windowed((t) => msCurrency.parse(t))],
      ['chrono-node 2.10.3 (no amounts)', chronoAmount, () => undefined],
      ['Rebound: recognizers-text number + currency tables', reboundAmount, (t) => findAmounts(t)],
    ]],
  ];
  for (const [family, [dev, heldout], systems] of families) {
    for (const [name, system, onText] of systems) {
      measure(dev, system, 1);
      const [d, h] = [measure(dev, system, rounds), measure(heldout, system, rounds)];
      const [k1, k100] = longRuns(onText, values.quick && name.startsWith('recognizers'));
      const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
      rows.push(`| ${family} | ${name} | ${pct(d.accuracy)} (${dev.phrases.length}) | ${pct(h.accuracy)} (${heldout.phrases.length}) | ${ms(h.p50)} | ${ms(h.p99)} | ${k1} | ${k100} |`);
    }
  }
  console.log('| family | system | dev accuracy (n) | held-out accuracy (n) | p50 / phrase | p99 / phrase | 1,000 chars | 100,000 chars |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log('');
  const typical = [...sets.dates, ...sets.amounts].flatMap((s) => s.phrases.map((p) => p.text)).concat(LONG_SENTENCE.trim());
  typical.forEach((t) => extractEntities(t, ctx0));
  const all = typical.flatMap((t) => timeUs(() => extractEntities(t, ctx0), rounds));
  console.log('| extractEntities (all kinds) | p50 | p99 | 1,000 chars | 100,000 chars (words) | 100,000 chars (one word) | 50,000 digits |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const once = (t: string): string => ms(timeUs(() => extractEntities(t, ctx0), 1)[0]);
  console.log(`| typical messages (< 200 chars, n=${typical.length}) | ${ms(percentile(all, 50))} | ${ms(percentile(all, 99))} | ${once(longText(1000))} | ${once(longText(100000))} | ${once('a'.repeat(100000))} | ${once('1'.repeat(50000))} |`);
  console.log('');
  console.log('Accuracy: exact normalised value (kind and value) of the first date or amount read; now = 2026-03-02T09:30Z (a Monday).');
  console.log('Latency on one core, warm, per phrase on the held-out set; long texts once. Windowed: cut into <= 300-character windows.');
  console.log(`Rerun: npm run bench:entities -- --rounds ${rounds}${values.quick ? ' --quick' : ''}`);
}

main();
