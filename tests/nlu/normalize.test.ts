import { expect } from 'chai';
import { normalizeText } from '../../src/nlu';

describe('normalizeText()', () => {
  const table: [string, string][] = [
    ['  Hello,   WORLD!! ', 'hello world'],
    ['Où est ma réservation ?', 'ou est ma reservation'],
    ["I don't know", 'i dont know'],
    ['Straße Œuvre', 'strasse oeuvre'],
    ['refund 😡😡 now', 'refund now'],
    ['WL-H482913', 'wl h482913'],
  ];
  for (const [input, expected] of table) {
    it(`should normalise "${input}"`, () => expect(normalizeText(input)).to.equal(expected));
  }

  it('should cut long text at a word boundary', () => {
    const out = normalizeText('word '.repeat(5000));
    expect(out.length).to.be.at.most(400);
    expect(out.endsWith('word')).to.equal(true);
  });
});
