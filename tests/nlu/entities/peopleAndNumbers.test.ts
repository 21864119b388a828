import { expect } from 'chai';
import { findNames, findNumbers, findOrdinals } from '../../../src/nlu/entities';
import { triples } from './context';

describe('findNames()', () => {
  const known = ['Lena Novák'];
  const table: Array<[string, string[], string[]]> = [
    ['the booking is under Lena Novak', known, ['Lena Novak']],
    ['NOVAK LENA, sorry', known, ['NOVAK LENA']],
    ['it was lena novac i think', known, ['lena novac']],
    ['my name is Marco Rossi and I need help', [], ['Marco Rossi']],
    ['booked under jan de vries please', [], ['jan de vries']],
    ['name on the booking is Zoë Müller.', [], ['Zoë Müller']],
    ['Marco called me', [], []],
  ];
  for (const [text, names, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findNames(text, names)).map(([, v]) => v)).to.deep.equal(expected);
    });
  }
});

describe('findOrdinals()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ['the first one', [['1', 'first one']]],
    ['1st', [['1', '1st']]],
    ['second option please', [['2', 'second option']]],
    ['the last one', [['-1', 'last one']]],
    ['option 2', [['2', 'option 2']]],
    ['number 3', [['3', 'number 3']]],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      expect(triples(text, findOrdinals(text)).map(([, v, raw]) => [v, raw])).to.deep.equal(expected);
    });
  }
});

describe('findNumbers()', () => {
  it('should read numbers in digits and in words', () => {
    expect(findNumbers('2 nights, three of us, 1,250.50 in total').map((e) => e.value)).to.deep.equal(['2', '3', '1250.5']);
  });
});
