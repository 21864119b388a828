import { expect } from 'chai';
import { canonicalJson, kbContentHash, kbCounts, parseKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { fixtureFiles } from './kbTestKit';

function fixtureKb(): KnowledgeBase {
  const r = parseKnowledgeBase(fixtureFiles());
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

describe('kbContentHash()', () => {
  it('should give the same hash for the same KB, parsed twice', () => {
    expect(kbContentHash(fixtureKb())).to.equal(kbContentHash(fixtureKb())).and.to.match(/^[0-9a-f]{64}$/);
  });

  it('should not depend on the order of object keys', () => {
    const kb = fixtureKb();
    // The same platform section with its keys in reverse order.
    const reordered = { ...kb, platform: Object.fromEntries(Object.entries(kb.platform).reverse()) as KnowledgeBase['platform'] };
    expect(kbContentHash(reordered)).to.equal(kbContentHash(kb));
  });

  const edits: Array<[string, (kb: KnowledgeBase) => void]> = [
    ['an answer', (kb) => (kb.faqs[0]!.answer += ' ')],
    ['a question added', (kb) => kb.faqs[2]!.questions.push('Do you take cash?')],
    ['a step transition', (kb) => (kb.problems[0]!.steps[0]!.onSuccess = 'handoff')],
    ['an utterance order', (kb) => kb.intents[0]!.utterances.reverse()],
    ['a number', (kb) => (kb.escalation.minutesPerCase = 13)],
    ['a flag', (kb) => (kb.compensation.remedies[1]!.agentOnly = false)],
  ];
  for (const [what, change] of edits) {
    it(`should change when ${what} changes`, () => {
      const kb = fixtureKb();
      const before = kbContentHash(kb);
      change(kb);
      expect(kbContentHash(kb)).to.not.equal(before);
    });
  }
});

describe('canonicalJson()', () => {
  it('should sort keys at every level and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).to.equal('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});

describe('kbCounts()', () => {
  it('should count the entries of each kind', () => {
    expect(kbCounts(fixtureKb())).to.deep.equal({
      intents: 5,
      utterances: 10,
      faqs: 3,
      questions: 6,
      problems: 2,
      steps: 5,
      sources: 2,
      actors: 2,
      remedies: 2,
    });
  });
});
