import { expect } from 'chai';
import { emptyMemory, restoreMemory } from '../../src/conversation/memory';
import { DEFAULT_REPLIES, Voice } from '../../src/conversation/replies';
import type { KnowledgeBase, ReplyKey } from '../../src/knowledge/schema';
import { shippedKb } from '../helpers/shippedKb';

const GREETINGS = ['Hello A.', 'Hello B.', 'Hello C.'];
const THANKS = ['Thanks 1.', 'Thanks 2.'];
const RESUMES = ['Back to {problemTitle} (1).', 'Back to {problemTitle} (2).', 'Back to {problemTitle} (3).', 'Back to {problemTitle} (4).'];

/** The shipped KB with a few situations worded by the test, and `unclearYesNo` left to the defaults. */
function withReplies(kb: KnowledgeBase): KnowledgeBase {
  const copy = structuredClone(kb);
  copy.platform.replies = {
    greeting: GREETINGS,
    thanks: THANKS,
    resume: RESUMES,
    botIdentity: ["I'm {assistant} on {platform}; we answer {supportHours}."],
    caseReference: ['Case {caseReference}, at {supportHours}.'],
  };
  return copy;
}

/**
 * A whole conversation as the dialogs run it: each turn a new Voice over the memory kept after the last
 * turn (through restoreMemory, as conversation state stores it), saying the lines asked for in that turn.
 */
function converse(kb: KnowledgeBase, seed: string, turns: ReplyKey[][]): Map<ReplyKey, string[]> {
  const said = new Map<ReplyKey, string[]>();
  let memory = emptyMemory();
  for (const keys of turns) {
    const voice = new Voice(kb, memory, seed);
    for (const key of keys) said.set(key, [...(said.get(key) ?? []), voice.line(key, { problemTitle: 'the lost bag' })]);
    memory = restoreMemory(JSON.parse(JSON.stringify({ ...memory, used: voice.used })));
  }
  return said;
}

describe('Voice', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = withReplies(await shippedKb());
  });

  describe('line()', () => {
    it('should say every variant once before any is said again, across the turns of a conversation', () => {
      // 30 turns, each saying a few situations in a varying mix.
      const turns: ReplyKey[][] = Array.from({ length: 30 }, (_, t) => [
        'greeting',
        ...(t % 2 === 0 ? (['thanks'] as const) : []),
        ...(t % 3 === 0 ? (['resume', 'resume'] as const) : []),
        ...(t % 5 === 4 ? (['greeting'] as const) : []),
      ]);
      const said = converse(kb, 'conversation-1', turns);
      for (const [key, variants] of [['greeting', GREETINGS], ['thanks', THANKS], ['resume', RESUMES]] as const) {
        const lines = said.get(key) ?? [];
        const n = variants.length;
        expect(lines.length, key).to.be.above(2 * n);
        for (let i = 0; i + n <= lines.length; i += 1) {
          expect(new Set(lines.slice(i, i + n)).size, `${key}: ${lines.slice(i, i + n).join(' | ')}`).to.equal(n);
        }
      }
    });

    it('should say again the variant said longest ago once every variant was said', () => {
      const voice = new Voice(kb, { used: ['greeting#2', 'thanks#0', 'greeting#0', 'greeting#1'] }, 'any seed');
      expect(voice.line('greeting')).to.equal(GREETINGS[2]);
      expect(voice.line('greeting')).to.equal(GREETINGS[0]);
      expect(voice.line('greeting')).to.equal(GREETINGS[1]);
      expect(voice.line('greeting')).to.equal(GREETINGS[2]);
      // Each repeat moves to the end of the list: the order of use, oldest first.
      expect(voice.used).to.deep.equal(['thanks#0', 'greeting#0', 'greeting#1', 'greeting#2']);
    });

    it('should say an unused variant before repeating any, whatever the seed', () => {
      const voice = new Voice(kb, { used: ['greeting#0', 'greeting#2'] }, 'any seed');
      expect(voice.line('greeting')).to.equal(GREETINGS[1]);
    });

    it('should record each variant said as "<key>#<index>" without changing the memory it was given', () => {
      const memory = emptyMemory();
      const voice = new Voice(kb, memory, 'conversation-1');
      voice.line('thanks');
      voice.line('thanks');
      expect([...voice.used].sort()).to.deep.equal(['thanks#0', 'thanks#1']);
      expect(memory.used).to.deep.equal([]);
    });

    it('should fill {assistant}, {platform} and the platform values', () => {
      const line = new Voice(kb, emptyMemory(), 'c').line('botIdentity');
      expect(line).to.equal(`I'm ${kb.platform.assistantName} on ${kb.platform.name}; we answer ${kb.platform.values.supportHours}.`);
      expect(line).to.not.match(/[{}…]/);
    });

    it('should fill the values it is given, which win over the platform values', () => {
      const voice = new Voice(kb, emptyMemory(), 'c');
      expect(voice.line('caseReference', { caseReference: 'RB-7Q2K', supportHours: 'noon' })).to.equal('Case RB-7Q2K, at noon.');
      expect(voice.line('resume', { problemTitle: 'double charge' })).to.match(/^Back to double charge \([1-4]\)\.$/);
    });

    it('should use the built-in words for a situation the knowledge base does not word', () => {
      const voice = new Voice(kb, emptyMemory(), 'c');
      expect(kb.platform.replies.unclearYesNo).to.equal(undefined);
      expect(voice.line('unclearYesNo')).to.equal(DEFAULT_REPLIES.unclearYesNo[0]);
      expect(voice.line('unclearYesNo')).to.equal(DEFAULT_REPLIES.unclearYesNo[0]);
    });

    it('should fill the built-in words too', () => {
      const copy = structuredClone(kb);
      delete copy.platform.replies.botIdentity;
      const line = new Voice(copy, emptyMemory(), 'c').line('botIdentity');
      expect(line).to.include(`I'm ${kb.platform.assistantName}, ${kb.platform.name}'s assistant`);
      expect(line).to.not.match(/[{}…]/);
    });
  });

  describe('optional()', () => {
    it('should give each variant once, then undefined', () => {
      const voice = new Voice(kb, emptyMemory(), 'conversation-1');
      const said = [voice.optional('thanks'), voice.optional('thanks')];
      expect([...said].sort()).to.deep.equal([...THANKS].sort());
      expect(voice.optional('thanks')).to.equal(undefined);
      expect(voice.optional('thanks')).to.equal(undefined);
    });

    it('should give undefined in a later turn when the earlier turns said every variant', () => {
      const first = new Voice(kb, emptyMemory(), 'conversation-1');
      first.line('thanks');
      first.line('thanks');
      const later = new Voice(kb, { used: first.used }, 'conversation-1');
      expect(later.optional('thanks')).to.equal(undefined);
      expect(THANKS).to.include(later.line('thanks'));
    });

    it('should fill the variant it gives', () => {
      const voice = new Voice(kb, emptyMemory(), 'c');
      expect(voice.optional('resume', { problemTitle: 'missing cot' })).to.match(/^Back to missing cot \([1-4]\)\.$/);
    });
  });

  describe('seeds', () => {
    const seeds = Array.from({ length: 12 }, (_, i) => `19:conversation-${i}@thread.v2`);

    it('should start different conversations on different variants', () => {
      const firsts = new Set(seeds.map((seed) => new Voice(kb, emptyMemory(), seed).line('resume', { problemTitle: 'x' })));
      expect(firsts.size).to.be.above(1);
    });

    it('should say the same lines in the same order for the same conversation', () => {
      const turns: ReplyKey[][] = Array.from({ length: 8 }, () => ['greeting', 'resume', 'thanks']);
      for (const seed of seeds.slice(0, 4)) {
        const once = converse(kb, seed, turns);
        const twice = converse(kb, seed, turns);
        expect([...twice.entries()]).to.deep.equal([...once.entries()]);
      }
    });
  });
});
