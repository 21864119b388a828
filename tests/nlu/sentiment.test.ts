import { expect } from 'chai';
import { analyseSentiment, lexicalSentiment } from '../../src/nlu/sentiment';

describe('analyseSentiment()', () => {
  const table: Array<{ text: string; previous?: string[]; frustrated: boolean; cues: string[] }> = [
    { text: 'My booking is not in the app', frustrated: false, cues: [] },
    { text: 'Thank you so much, that worked great!!', frustrated: false, cues: ['exclamations'] },
    { text: 'This is ridiculous', frustrated: true, cues: ['ridiculous'] },
    { text: 'STILL NO REFUND', frustrated: true, cues: ['capitals', 'still'] },
    { text: 'I tried again and nothing works', frustrated: true, cues: ['again', 'nothing_works'] },
    { text: 'where is my money???', frustrated: false, cues: ['exclamations'] },
    { text: 'where is my money!!! this is a scam', frustrated: true, cues: ['ridiculous', 'exclamations'] },
    { text: 'this damn app', frustrated: true, cues: ['swearing'] },
    { text: 'I already told you the reference', frustrated: false, cues: ['already_tried'] },
    { text: 'the hotel has no reservation for me', previous: ['the hotel has no reservation for me'], frustrated: false, cues: ['repetition'] },
    { text: 'I cannot find my booking anywhere!!', previous: ['I cannot find my booking anywhere'], frustrated: true, cues: ['repetition', 'exclamations'] },
    { text: 'yes', previous: ['yes'], frustrated: false, cues: [] },
    { text: 'My ref is WL-H482913', frustrated: false, cues: [] },
    { text: 'Hello, I need help', frustrated: false, cues: [] },
  ];
  for (const row of table) {
    it(`should read "${row.text}" as ${row.frustrated ? 'frustrated' : 'not frustrated'} [${row.cues.join(', ')}]`, () => {
      const reading = analyseSentiment(row.text, row.previous ?? []);
      expect(reading.cues).to.deep.equal(row.cues);
      expect(reading.frustrated).to.equal(row.frustrated);
      expect(reading.score).to.be.within(-1, 1);
    });
  }

  it('should score praise above a complaint', () => {
    expect(analyseSentiment('great, thanks a lot').score).to.be.greaterThan(0.5);
    expect(analyseSentiment('terrible service, awful').score).to.be.lessThan(-0.5);
  });

  it('should lower the score by each cue', () => {
    const plain = analyseSentiment('where is my refund');
    const loud = analyseSentiment('WHERE IS MY REFUND AGAIN!!!');
    expect(loud.score).to.be.closeTo(plain.score - 0.6, 0.01);
  });

  it('should use the threshold it is given', () => {
    expect(analyseSentiment('still waiting', [], { threshold: -0.1 }).frustrated).to.equal(true);
    expect(analyseSentiment('still waiting', [], { threshold: -0.3 }).frustrated).to.equal(false);
  });
});

describe('lexicalSentiment()', () => {
  it('should stay in [-1,1] and be 0 for empty text', () => {
    expect(lexicalSentiment('')).to.equal(0);
    const worst = lexicalSentiment('awful terrible horrible disgusting hate hate hate');
    expect(worst).to.be.within(-1, -0.9);
  });
});

describe('analyseSentiment() with two cues', () => {
  it('should not read loud thanks as frustration', () => {
    const reading = analyseSentiment('THANK YOU SO MUCH!!!');
    expect(reading.cues).to.deep.equal(['capitals', 'exclamations']);
    expect(reading.frustrated).to.equal(false);
  });
});
