import { expect } from 'chai';
import { findReferences } from '../../../src/nlu/entities';
import { FORMATS, triples } from './context';

describe('findReferences()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    ['driver never came, booking WL-X119274', [['WL-X119274', 'WL-X119274']]],
    ["sorry typo, it's WL-C845061", [['WL-C845061', 'WL-C845061']]],
    ['wl x119274', [['WL-X119274', 'wl x119274']]],
    ['my ref is WLX119274.', [['WL-X119274', 'WLX119274']]],
    ['wl-x 119274 or maybe wl-h482913?', [['WL-X119274', 'wl-x 119274'], ['WL-H482913', 'wl-h482913']]],
    ['WL–T660318 (tour)', [['WL-T660318', 'WL–T660318']]],
    ['WL-X1192745 has a digit too many', []],
    ['WL-J482913 is no format', []],
    ['AWL-X119274 is glued to a letter', []],
    ['no reference here, only 119274', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      const found = triples(text, findReferences(text, FORMATS));
      expect(found.map(([, value, raw]) => [value, raw])).to.deep.equal(expected);
    });
  }

  it('should never compile the text into a pattern (regex characters are plain text)', () => {
    expect(findReferences('(.*)+ WL-X119274 [a-z]{99}', FORMATS).map((e) => e.value)).to.deep.equal(['WL-X119274']);
  });
});
