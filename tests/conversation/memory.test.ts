import { expect } from 'chai';
import { emptyMemory, lastMention, markUsed, remember, restoreMemory, type ConversationMemory, type Mention } from '../../src/conversation/memory';
import { readMessage, type Understander } from '../../src/nlu/reading';
import type { Understanding } from '../../src/nlu/types';
import { context } from '../nlu/entities/context';

// The engine's own reading of a message, with an NLU that recognises nothing (memory does not look at the intent).
const nothingUnderstood: Understander = {
  understand: (text: string): Understanding => ({ verdict: 'out_of_scope', best: null, alternatives: [], normalized: text.toLowerCase() }),
};
const read = (text: string) => readMessage(text, nothingUnderstood, context());

const mention = (turn: number, value = `WL-H${String(100000 + turn)}`): Mention => ({ kind: 'bookingReference', value, raw: value, turn });

/** A well-formed stored memory, as conversation state keeps it (plain JSON). */
function stored(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      version: 1,
      turn: 4,
      mentions: [mention(2)],
      stakes: ['minors'],
      lastAnswer: { faqId: 'refund-time', text: 'how long does a refund take', turn: 3 },
      queuedProblems: ['double_charge'],
      used: ['greeting#1'],
      recent: ['hello'],
      misunderstandings: 1,
      names: ['Anna Schmidt'],
      ...extra,
    }),
  ) as Record<string, unknown>;
}

describe('ConversationMemory', () => {
  describe('restoreMemory()', () => {
    const resets: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['a string', 'version 1'],
      ['a number', 1],
      ['an array', [1, 2]],
      ['no version', { turn: 3, mentions: [] }],
      ['version 2', { ...stored(), version: 2 }],
      ['version "1" as a string', { ...stored(), version: '1' }],
    ];
    for (const [what, value] of resets) {
      it(`should start from an empty memory when the stored value is ${what}`, () => {
        expect(restoreMemory(value)).to.deep.equal(emptyMemory());
      });
    }

    it('should keep a well-formed memory as it was', () => {
      const value = stored();
      expect(restoreMemory(value)).to.deep.equal(value);
    });

    const wrongTypes: Array<[string, unknown, Partial<ConversationMemory>]> = [
      ['turn', 'four', { turn: 0 }],
      ['misunderstandings', '3', { misunderstandings: 0 }],
      ['mentions', 'WL-H482913', { mentions: [] }],
      ['queuedProblems', { 0: 'double_charge' }, { queuedProblems: [] }],
      ['used', 'greeting#1', { used: [] }],
      ['recent', null, { recent: [] }],
      ['names', 'Anna', { names: [] }],
      ['stakes', 'minors', { stakes: [] }],
    ];
    for (const [field, value, expected] of wrongTypes) {
      it(`should reset ${field} when it is stored as ${JSON.stringify(value)}`, () => {
        const restored = restoreMemory(stored({ [field]: value }));
        expect(restored).to.deep.include(expected);
      });
    }

    it('should drop list entries of the wrong type and keep the good ones', () => {
      const restored = restoreMemory(
        stored({
          mentions: [null, 7, 'WL-H482913', { kind: 'bookingReference' }, { value: 'WL-H482913' }, { kind: 3, value: 'x' }, mention(3)],
          queuedProblems: [null, 42, 'double_charge'],
          used: [{}, 'thanks#0', ['greeting#1']],
          recent: [1, 'still nothing', false],
          names: [null, 'Lena Novak'],
        }),
      );
      expect(restored.mentions).to.deep.equal([mention(3)]);
      expect(restored.queuedProblems).to.deep.equal(['double_charge']);
      expect(restored.used).to.deep.equal(['thanks#0']);
      expect(restored.recent).to.deep.equal(['still nothing']);
      expect(restored.names).to.deep.equal(['Lena Novak']);
    });

    const badAnswers: Array<[string, unknown]> = [
      ['null', null],
      ['a string', 'refund-time'],
      ['without an FAQ id', { text: 'x', turn: 1 }],
      ['with a numeric FAQ id', { faqId: 12, text: 'x', turn: 1 }],
      ['only an FAQ id', { faqId: 'refund-time' }],
      ['without its text', { faqId: 'refund-time', turn: 3 }],
      ['with a numeric text', { faqId: 'refund-time', text: 42, turn: 3 }],
      ['without its turn', { faqId: 'refund-time', text: 'how long does a refund take' }],
      ['with a text turn', { faqId: 'refund-time', text: 'how long does a refund take', turn: '3' }],
    ];
    for (const [what, lastAnswer] of badAnswers) {
      it(`should leave out a last answer that is ${what}`, () => {
        const restored = restoreMemory(stored({ lastAnswer }));
        expect(restored).to.not.have.property('lastAnswer');
        expect(restored.turn).to.equal(4);
      });
    }

    it('should keep only the known stakes tags, each once', () => {
      const restored = restoreMemory(stored({ stakes: [42, null, 'bogus', { tag: 'minors' }, ['night'], 'MINORS', 'stranded', 'minors', 'stranded', 'toString'] }));
      expect(restored.stakes).to.deep.equal(['stranded', 'minors']);
    });

    it('should keep every stakes tag the NLU can give', () => {
      const all = ['minors', 'alone', 'night', 'safety', 'medical', 'stranded', 'vulnerable'];
      expect(restoreMemory(stored({ stakes: all })).stakes).to.deep.equal(all);
    });

    it('should drop mentions whose raw text or turn has the wrong type', () => {
      const good = mention(3);
      const restored = restoreMemory(
        stored({
          mentions: [
            { ...mention(1), raw: 482913 },
            { kind: 'bookingReference', value: 'WL-H482913', turn: 1 },
            { ...mention(2), turn: '2' },
            { ...mention(2), turn: null },
            { ...mention(2), turn: 2.5 },
            { ...mention(2), alternative: 7 },
            good,
            { ...mention(4), alternative: '2026-03-04' },
          ],
        }),
      );
      expect(restored.mentions).to.deep.equal([good, { ...mention(4), alternative: '2026-03-04' }]);
    });

    it('should keep a last answer without fields it does not know', () => {
      const restored = restoreMemory(stored({ lastAnswer: { faqId: 'refund-time', text: 'how long', turn: 3, extra: 'x'.repeat(1000) } }));
      expect(restored.lastAnswer).to.deep.equal({ faqId: 'refund-time', text: 'how long', turn: 3 });
    });

    it('should keep only the oldest 10 queued problems, each once', () => {
      const queued = Array.from({ length: 1000 }, (_, i) => `problem_${i}`);
      const restored = restoreMemory(stored({ queuedProblems: ['double_charge', 'double_charge', ...queued] }));
      expect(restored.queuedProblems).to.deep.equal(['double_charge', ...queued.slice(0, 9)]);
    });

    it('should keep only the newest 40 mentions, 200 used variants, 5 recent messages and 10 names', () => {
      const restored = restoreMemory(
        stored({
          mentions: Array.from({ length: 1000 }, (_, i) => mention(i)),
          used: Array.from({ length: 5000 }, (_, i) => `greeting#${i}`),
          recent: Array.from({ length: 50 }, (_, i) => `message ${i}`),
          names: Array.from({ length: 30 }, (_, i) => `Name ${i}`),
        }),
      );
      expect(restored.mentions).to.have.length(40);
      expect(restored.mentions[0].turn).to.equal(960);
      expect(restored.mentions[39].turn).to.equal(999);
      expect(restored.used).to.have.length(200);
      expect(restored.used[0]).to.equal('greeting#4800');
      expect(restored.used[199]).to.equal('greeting#4999');
      expect(restored.recent).to.deep.equal(['message 45', 'message 46', 'message 47', 'message 48', 'message 49']);
      expect(restored.names).to.have.length(10);
      expect(restored.names[9]).to.equal('Name 29');
    });

    it('should never share arrays with an empty memory made later', () => {
      const first = restoreMemory(null);
      first.mentions.push(mention(1));
      expect(emptyMemory().mentions).to.deep.equal([]);
    });
  });

  describe('remember()', () => {
    it('should count the turn and note each value mentioned with that turn number', () => {
      let memory = emptyMemory();
      memory = remember(memory, read('hello'));
      memory = remember(memory, read('my booking is WL-H482913, I paid 386 EUR'));
      expect(memory.turn).to.equal(2);
      const found = memory.mentions.map((m) => [m.kind, m.value, m.turn]);
      expect(found).to.deep.include(['bookingReference', 'WL-H482913', 2]);
      expect(found).to.deep.include(['amount', '386.00 EUR', 2]);
      expect(memory.mentions.every((m) => m.turn === 2)).to.equal(true);
    });

    it('should keep the raw text and the other reading of an ambiguous date', () => {
      const memory = remember(emptyMemory(), read('the charge was on friday'));
      const date = lastMention(memory, 'date');
      expect(date?.raw).to.match(/friday$/i);
      expect(date?.alternative).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(date?.alternative).to.not.equal(date?.value);
    });

    const stakesTable: Array<[string, string[]]> = [
      ['we are locked out with my two kids', ['minors', 'stranded']],
      ['locked out with the kids, what do i do?', ['minors', 'stranded']], // a question about a failure is a report
      ['my daughter is sick and the driver never came', ['minors', 'medical']],
      ['do children need a passport?', []],
      ['can babies fly on the lap', []],
      ['is the hospital near the hotel?', []],
    ];
    for (const [text, expected] of stakesTable) {
      it(`should keep the stakes ${JSON.stringify(expected)} of ${JSON.stringify(text)}`, () => {
        expect(remember(emptyMemory(), read(text)).stakes).to.deep.equal(expected);
      });
    }

    it('should keep stakes seen earlier through a later plain question, each once', () => {
      let memory = remember(emptyMemory(), read('I am stranded at the airport with my son'));
      memory = remember(memory, read('do kids need a visa?'));
      memory = remember(memory, read('still stranded, my son is tired'));
      expect(memory.stakes).to.deep.equal(['minors', 'stranded']);
    });

    it('should keep only the last 5 messages, newest last', () => {
      let memory = emptyMemory();
      for (let i = 1; i <= 8; i += 1) memory = remember(memory, read(`message number ${i}`));
      expect(memory.recent).to.deep.equal(['message number 4', 'message number 5', 'message number 6', 'message number 7', 'message number 8']);
      expect(memory.turn).to.equal(8);
    });

    it('should keep only the newest 40 mentions', () => {
      let memory = emptyMemory();
      for (let i = 0; i < 25; i += 1) memory = remember(memory, read(`WL-H${100000 + 2 * i} and WL-F${100000 + 2 * i + 1}`));
      expect(memory.mentions).to.have.length(40);
      expect(memory.mentions.at(-1)).to.deep.include({ value: 'WL-F100049', turn: 25 });
      expect(memory.mentions[0]).to.deep.include({ value: 'WL-H100010', turn: 6 });
    });

    it('should leave the memory it was given unchanged', () => {
      const before = emptyMemory();
      remember(before, read('locked out with my kids, booking WL-H482913'));
      expect(before).to.deep.equal(emptyMemory());
    });
  });

  describe('lastMention()', () => {
    it('should give the most recent mention of the kind asked, or undefined', () => {
      let memory = remember(emptyMemory(), read('my booking is WL-H482913'));
      memory = remember(memory, read('anna.schmidt@gmail.com'));
      memory = remember(memory, read('sorry, it is WL-H590144'));
      expect(lastMention(memory, 'bookingReference')).to.deep.include({ value: 'WL-H590144', turn: 3 });
      expect(lastMention(memory, 'email')).to.deep.include({ value: 'anna.schmidt@gmail.com', turn: 2 });
      expect(lastMention(memory, 'flightNumber')).to.equal(undefined);
    });
  });

  describe('markUsed()', () => {
    it('should add a variant once and keep the order of use', () => {
      let memory = markUsed(emptyMemory(), 'greeting#0');
      memory = markUsed(memory, 'thanks#1');
      const again = markUsed(memory, 'greeting#0');
      expect(again.used).to.deep.equal(['greeting#0', 'thanks#1']);
      expect(again).to.equal(memory);
    });

    it('should keep only the newest 200 variants', () => {
      let memory = emptyMemory();
      for (let i = 0; i < 205; i += 1) memory = markUsed(memory, `resume#${i}`);
      expect(memory.used).to.have.length(200);
      expect(memory.used[0]).to.equal('resume#5');
      expect(memory.used[199]).to.equal('resume#204');
    });
  });
});
