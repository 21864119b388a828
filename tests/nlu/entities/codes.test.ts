import { expect } from 'chai';
import { extractEntities, findCodes } from '../../../src/nlu/entities';
import { context, triples } from './context';

describe('findCodes()', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    // File references and airline codes: letters and digits together, 5 to 20 of them.
    ['file reference JFKLH20417', [['JFKLH20417', 'JFKLH20417']]],
    ['my PIR is jfklh12345 from Lufthansa', [['JFKLH12345', 'jfklh12345']]],
    ['airline booking code Q7KX2M', [['Q7KX2M', 'Q7KX2M']]],
    ['Q7KX2M', [['Q7KX2M', 'Q7KX2M']]],
    ['pnr: ht4plw.', [['HT4PLW', 'ht4plw']]],
    ['the locator is (ABC12)', [['ABC12', 'ABC12']]],
    ['A1B2C3D4E5F6G7H8I9J0 is twenty long', [['A1B2C3D4E5F6G7H8I9J0', 'A1B2C3D4E5F6G7H8I9J0']]],
    // Promo codes and references as travellers write them, in any case when they have a digit.
    ['promo code SPRING20 doesnt work', [['SPRING20', 'SPRING20']]],
    ["promo SPRING20 doesn't work", [['SPRING20', 'SPRING20']]],
    ['my promo code is spring20', [['SPRING20', 'spring20']]],
    ["the code WELCOME15 won't work", [['WELCOME15', 'WELCOME15']]],
    ["the code SPRING20 DIDN'T work", [['SPRING20', 'SPRING20']]],
    ['my file reference is LHRBA12345', [['LHRBA12345', 'LHRBA12345']]],
    ['PIR ref lhrba12345', [['LHRBA12345', 'lhrba12345']]],
    ['the confirmation number is ABC123', [['ABC123', 'ABC123']]],
    ['booking no A123', [['A123', 'A123']]],
    ['voucher no. XMAS2026', [['XMAS2026', 'XMAS2026']]],
    // Without a digit: after a word naming a code (or "number", "is" right after one), in the traveller's capitals.
    ['the code WREN is refused', [['WREN', 'WREN']]],
    ['codes Q7KX2M and HT4PLW, voucher SAVE', [['Q7KX2M', 'Q7KX2M'], ['HT4PLW', 'HT4PLW'], ['SAVE', 'SAVE']]],
    ['CODE bonus and ref TRAVEL', [['TRAVEL', 'TRAVEL']]],
    ['my PNR is ABCDEF', [['ABCDEF', 'ABCDEF']]],
    ['reference number KXQWPL from the airline', [['KXQWPL', 'KXQWPL']]],
    // Words joined by hyphens after a cue are one code.
    ['code SUMMER-SALE is refused', [['SUMMER-SALE', 'SUMMER-SALE']]],
    ['file FRA-LH-12345 from the desk', [['FRA-LH-12345', 'FRA-LH-12345']]],
    // Not codes: too short, too long, letters or digits alone without a cue, a cue after a cue.
    ['AB12', []],
    ['mp3 player lost', []],
    ['A1B2C3D4E5F6G7H8I9J0K is one too long', []],
    ['12345678', []],
    ['room 204, floor 3', []],
    ['the hotel is lovely but the shuttle never came', []],
    ['code ABC', []],
    ['code 123', []],
    ['code code', []],
    ['promo code', []],
    ['', []],
    // Not codes: the traveller's own words after "no", "number", "code" (lower case, or capitals for emphasis).
    ['there is no wifi in the room', []],
    ['I have no idea where my bag is', []],
    ['no problem, thanks', []],
    ['can I have my reference number please', []],
    ['promo code: summer', []],
    ['code summer-sale', []],
    ['promo code doesnt work', []],
    ['the code DOESNT work', []],
    ['THE CODE DIDNT WORK', []],
    ['THE PROMO CODE WREN IS REFUSED', []],
    ['there is NO WIFI', []],
    // Not codes: pieces of a contraction (the apostrophe splits the word).
    ["the code didn't work", []],
    ['the code didn’t work at checkout', []],
    ["the voucher WASN'T accepted", []],
    // Not codes: plain numbers after a cue (a number, or a booking reference, is another recogniser's), quantities.
    ['booking number 123456', []],
    ['ref 20417', []],
    ['I paid 100eur extra for 2 bags', []],
    ['we waited 150mins at the desk', []],
    ['the 100th time I ask', []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      const found = triples(text, findCodes(text));
      expect(found.map(([, value, raw]) => [value, raw])).to.deep.equal(expected);
      expect(found.every(([kind]) => kind === 'code')).to.equal(true);
    });
  }

  it('should give the span of each code in the text', () => {
    const text = 'Bag file JFKLH20417; promo code  SPRING20!';
    expect(findCodes(text).map((e) => [e.start, e.end])).to.deep.equal([
      [9, 19],
      [33, 41],
    ]);
  });

  it('should keep spans right after letters that change length in upper case', () => {
    const text = 'straße code maße1 then code STRASSE9';
    for (const e of findCodes(text)) expect(text.slice(e.start, e.end)).to.equal(e.raw);
    expect(findCodes(text).map((e) => e.raw)).to.deep.equal(['maße1', 'STRASSE9']);
  });

  describe('on 100,000 characters', function () {
    // Linear in the text: a quadratic pass over this text would not finish within the timeout.
    this.timeout(5_000);

    it('should find every code of a long message, at the right places', () => {
      const unit = 'my promo code SPRING20 and file JFKLH20417 ';
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      const found = findCodes(text);
      expect(found).to.have.length(2 * Math.ceil(100_000 / unit.length));
      const last = found[found.length - 1];
      expect(text.slice(last.start, last.end)).to.equal('JFKLH20417');
    });

    it('should find no code in one 100,000-character word', () => {
      expect(findCodes('A1'.repeat(50_000))).to.deep.equal([]);
    });

    it('should find no code in 100,000 characters of words joined by hyphens', () => {
      expect(findCodes(`code ${'A1-'.repeat(33_333)}`)).to.deep.equal([]);
    });

    it('should find no code in 100,000 characters of capitals after cues', () => {
      expect(findCodes('THE CODE DIDNT WORK, REF PLEASE. '.repeat(3_000))).to.deep.equal([]);
    });
  });
});

describe('extractEntities() with codes', () => {
  const table: Array<[string, Array<[string, string]>]> = [
    // Other recognisers' kinds win on the same span.
    ['flight AF1234 was cancelled', [['flightNumber', 'AF1234']]],
    ['booking WL-H482913', [['bookingReference', 'WL-H482913']]],
    ['call me on +33142683110', [['phone', '+33142683110']]],
    ['my baggage file is JFKLH12345', [['code', 'JFKLH12345']]],
    ['airline code Q7KX2M', [['code', 'Q7KX2M']]],
    // A code is not an airport read from its letters (Spring Creek, Liberty), nor its cue an airport's code (PIR).
    ['promo code SPRING20 doesnt work', [['code', 'SPRING20']]],
    ['SPRING20', [['code', 'SPRING20']]],
    ['the code BLACK-2026 is refused', [['code', 'BLACK-2026']]],
    ['the code LIBERTY is refused', [['code', 'LIBERTY']]],
    ['PIR ref lhrba12345', [['code', 'LHRBA12345']]],
    // Plain numbers after a cue are numbers; words after "no" are words.
    ['booking number 123456', [['number', '123456']]],
    ['ref 20417', [['number', '20417']]],
    ['there is no wifi', []],
    ["the code didn't work", []],
  ];
  for (const [text, expected] of table) {
    it(`should read ${JSON.stringify(text)}`, () => {
      const found = triples(text, extractEntities(text, context()));
      expect(found.map(([kind, value]) => [kind, value])).to.deep.equal(expected);
    });
  }
});
