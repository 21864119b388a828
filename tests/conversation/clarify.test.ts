import { expect } from 'chai';
import { clarificationChoices, guessesWorthAsking } from '../../src/conversation/clarify';
import { parseTarget, targetOf } from '../../src/conversation/target';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import type { Understanding } from '../../src/nlu/types';

const kb = {
  faqs: [{ id: 'refund-time', questions: ['How long does a refund take?'], answer: 'x', tags: [], locale: 'en' }],
  problems: [
    { id: 'double_charge', title: 'Charged twice' },
    { id: 'booking_not_found', title: 'Booking not found' },
  ],
  intents: [
    { id: 'report.double_charge', handler: 'problem:double_charge', utterances: ['charged twice'] },
    { id: 'human', handler: 'system:human', utterances: ['agent'] },
  ],
} as unknown as KnowledgeBase;

const understanding = (candidates: Understanding['alternatives']): Understanding => ({
  verdict: 'ambiguous',
  best: candidates[0] ?? null,
  alternatives: candidates.slice(1),
  normalized: '',
});

describe('clarificationChoices()', () => {
  it('should offer the guesses first, then a person, then "none of these"', () => {
    const choices = clarificationChoices(
      understanding([
        { kind: 'faq', id: 'refund-time', confidence: 0.4, question: 'How long does a refund take?' },
        { kind: 'intent', id: 'report.double_charge', confidence: 0.35 },
      ]),
      kb,
    );
    expect(choices.map((c) => c.target)).to.deep.equal(['faq:refund-time', 'problem:double_charge', 'system:human', 'none']);
  });

  it('should not offer system intents or guesses below the floor, and fall back to common problems', () => {
    const choices = clarificationChoices(understanding([{ kind: 'intent', id: 'human', confidence: 0.5 }, { kind: 'faq', id: 'refund-time', confidence: 0.05, question: 'q' }]), kb);
    expect(choices.map((c) => c.target)).to.deep.equal(['problem:double_charge', 'problem:booking_not_found', 'system:human', 'none']);
  });
});

describe('guessesWorthAsking()', () => {
  const outOfScope = (candidates: Understanding['alternatives']): Understanding => ({ ...understanding(candidates), verdict: 'out_of_scope' });
  const cases: Array<[string, Understanding, boolean]> = [
    ['a problem guessed under the threshold ("your app wont let me in")', outOfScope([{ kind: 'intent', id: 'report.double_charge', confidence: 0.24 }]), true],
    ['an FAQ guessed under the threshold', outOfScope([{ kind: 'faq', id: 'refund-time', confidence: 0.21, question: 'q' }]), true],
    ['only noise ("best pizza topping")', outOfScope([{ kind: 'intent', id: 'report.double_charge', confidence: 0.12 }]), false],
    ['only a system intent, however sure', outOfScope([{ kind: 'intent', id: 'human', confidence: 0.9 }]), false],
    ['a guess the KB no longer has', outOfScope([{ kind: 'faq', id: 'gone', confidence: 0.5, question: 'q' }]), false],
    ['nothing at all', outOfScope([]), false],
    ['two close guesses (ambiguous)', understanding([{ kind: 'faq', id: 'refund-time', confidence: 0.3, question: 'q' }]), true],
  ];
  for (const [what, u, expected] of cases) {
    it(`should say ${expected ? '"did you mean"' : '"outside what I can help with"'} for ${what}`, () => {
      expect(guessesWorthAsking(u, kb)).to.equal(expected);
    });
  }
});

describe('parseTarget()', () => {
  it('should read system, problem and faq references and refuse the rest', () => {
    expect(parseTarget('system:help')).to.deep.equal({ kind: 'system', name: 'help' });
    expect(parseTarget('problem:double_charge')).to.deep.equal({ kind: 'problem', id: 'double_charge' });
    expect(parseTarget('system:unknown')).to.equal(null);
    expect(parseTarget('other:x')).to.equal(null);
    expect(parseTarget('faq:')).to.equal(null);
  });
});

describe('targetOf()', () => {
  it('should follow an intent to its handler and drop candidates the KB no longer has', () => {
    expect(targetOf({ kind: 'intent', id: 'report.double_charge', confidence: 1 }, kb)).to.deep.equal({ kind: 'problem', id: 'double_charge' });
    expect(targetOf({ kind: 'faq', id: 'gone', confidence: 1, question: '' }, kb)).to.equal(null);
  });
});
