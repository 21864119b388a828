import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { extractEntities, findAmounts, parseDateValue } from '../../../src/nlu/entities';
import { context, triples } from './context';

describe('extractEntities()', () => {
  const table: Array<[string, Array<[string, string, string]>]> = [
    ['driver never came, booking WL-X119274', [['bookingReference', 'WL-X119274', 'WL-X119274']]],
    ['it happened 3 weeks ago, 312 euros each', [['date', '2026-02-09', '3 weeks ago'], ['amount', '312.00 EUR', '312 euros']]],
    ['today for 2 nights, 3 of us', [['dateRange', '2026-03-02/2026-03-04', 'today for 2 nights'], ['number', '3', '3']]],
    ['call me on +44 20 7946 0958 or lena.novak@gmial.com', [['phone', '+442079460958', '+44 20 7946 0958'], ['email', 'lena.novak@gmial.com', 'lena.novak@gmial.com']]],
    ["I'm stuck at Schiphol terminal 2 exit B, flight LH 400", [
      ['airport', 'AMS', 'Schiphol'], ['place', 'Terminal 2, exit B', 'terminal 2 exit B'], ['flightNumber', 'LH400', 'LH 400'],
    ]],
    ['the booking is under Lena Novak', [['name', 'Lena Novak', 'Lena Novak']]],
    ['the first one', [['ordinal', '1', 'first one']]],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}, sorted by start, overlaps resolved`, () => {
      expect(triples(text, extractEntities(text, context({ knownNames: ['Lena Novak'] })))).to.deep.equal(expected);
    });
  }

  it('should not count a reference, a phone number or an amount as numbers too', () => {
    const kinds = extractEntities('WL-X119274, +44 20 7946 0958, €312', context()).map((e) => e.kind);
    expect(kinds).to.deep.equal(['bookingReference', 'phone', 'amount']);
  });

  it('should stay linear on a 100,000-character message (one word, many words, 50,000 digits)', function () {
    // A generous bound: a backtracking pattern would take minutes here, a linear scan well under a second.
    this.timeout(10_000);
    const words = 'the driver never came last night, we paid 312 euros each, booking WL-X119274, call +44 20 7946 0958. ';
    for (const text of ['a'.repeat(100_000), words.repeat(1_000).slice(0, 100_000), '1'.repeat(50_000), '0770 '.repeat(20_000), '@.'.repeat(50_000)]) {
      expect(extractEntities(text, context())).to.be.an('array');
    }
  });
});

interface Phrase { text: string; expect?: 'past' | 'future' | 'any'; date?: string; range?: string; amount?: string; none?: boolean; now?: string; tz?: string }
const fixture = (name: string): { now?: string; tz?: string; phrases: Phrase[] } =>
  parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'entities', `${name}.yaml`), 'utf8'));

// The dev sets only: the held-out sets are reported by `npm run bench:entities`, never asserted on.
describe('the dev phrase sets', () => {
  it('should read at least 95% of the dev dates exactly', () => {
    const set = fixture('dates.dev');
    const right = set.phrases.filter((p) => {
      const e = parseDateValue(p.text, context({ now: new Date(p.now ?? set.now ?? ''), timeZone: p.tz ?? set.tz }), p.expect ?? 'any');
      const got = e ? `${e.kind === 'dateRange' ? 'range' : 'date'} ${e.value}` : 'none';
      return got === (p.none ? 'none' : p.date ? `date ${p.date}` : `range ${p.range}`);
    });
    expect(set.phrases.length).to.be.at.least(150);
    expect(right.length / set.phrases.length).to.be.at.least(0.95);
  });

  it('should read at least 95% of the dev amounts exactly', () => {
    const set = fixture('amounts.dev');
    const right = set.phrases.filter((p) => (findAmounts(p.text)[0]?.value ?? 'none') === (p.none ? 'none' : p.amount));
    expect(set.phrases.length).to.be.at.least(60);
    expect(right.length / set.phrases.length).to.be.at.least(0.95);
  });
});
