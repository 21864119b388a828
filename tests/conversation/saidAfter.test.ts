import { expect } from 'chai';
import { saidAfter } from '../../src/conversation/factTaking';

describe('saidAfter()', () => {
  const left = ['left my', 'forgot my', 'lost my'];
  const table: Array<[string, string | undefined]> = [
    ['i left my backpack after the sagrada familia tour today 😫', 'backpack'],
    ["i think i left my wedding ring at hotel lumiere, checked out this morning", 'wedding ring'],
    ['left my laptop charger in the transfer car this morning', 'laptop charger'],
    ['I forgot my black North Face jacket, with keys inside', 'black north face jacket'],
    ['left my big blue samsonite suitcase with red ribbon tag there', 'big blue samsonite suitcase with red'],
    ['the driver left without us', undefined],
    ['i left my', undefined],
  ];
  for (const [text, value] of table) {
    it(`should read ${JSON.stringify(value)} in ${JSON.stringify(text)}`, () => {
      expect(saidAfter(text, left)).to.equal(value);
    });
  }

  it('should read only the start of a very long message, in time linear in it', () => {
    expect(saidAfter(`${'x '.repeat(50_000)}left my phone`, left)).to.equal(undefined);
    expect(saidAfter(`left my phone ${'x '.repeat(50_000)}`, left)).to.equal('phone x x x x x');
  });
});
