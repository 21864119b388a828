import { expect } from 'chai';
import { checkKnowledgeBase } from '../../src/knowledge/validate';
import { placeholdersIn, REPLY_PLACEHOLDERS } from '../../src/knowledge/checkPlaceholders';
import type { KbProblem } from '../../src/knowledge/kbProblem';
import { DEFAULT_REPLIES, REPLY_VALUES } from '../../src/knowledge/defaultReplies';
import { REPLY_KEYS, type KnowledgeBase, type Problem, type ReplyKey } from '../../src/knowledge/schema';
import { shippedKb } from '../helpers/shippedKb';

/** The problems of a kb:check report that mention a placeholder ({name} when given). */
function aboutPlaceholder(problems: readonly KbProblem[], name?: string): KbProblem[] {
  return problems.filter((p) => p.message.includes(name === undefined ? 'placeholder' : `{${name}}`));
}

/** The problems kb:check reports that mention a placeholder ({name} when given). */
function placeholderProblems(kb: KnowledgeBase, name?: string): KbProblem[] {
  return aboutPlaceholder(checkKnowledgeBase(kb).problems, name);
}

/** The one problem about {name}, asserted to be a single error at `kbPath` that keeps the KB from being built. */
function oneErrorAt(kb: KnowledgeBase, name: string, kbPath: string): KbProblem {
  const report = checkKnowledgeBase(kb);
  const found = aboutPlaceholder(report.problems, name);
  expect(found, JSON.stringify(found, null, 1)).to.have.length(1);
  expect(found[0]).to.deep.include({ kbPath, severity: 'error' });
  expect(report.kb, 'a KB with an error is not built').to.equal(undefined);
  return found[0];
}

describe('checkPlaceholders()', () => {
  let shipped: KnowledgeBase;
  let kb: KnowledgeBase;
  const problemIndex = (id: string): number => {
    const i = kb.problems.findIndex((p) => p.id === id);
    expect(i, `problem ${id} in the shipped KB`).to.be.at.least(0);
    return i;
  };
  const problem = (id: string): Problem => kb.problems[problemIndex(id)];

  before(async () => {
    shipped = await shippedKb();
  });
  beforeEach(() => {
    kb = structuredClone(shipped);
  });

  describe('placeholdersIn()', () => {
    it('should list the names between braces, and nothing for no text', () => {
      expect(placeholdersIn('Call {hotelName} on {hotelPhone}; {hotelName} again')).to.deep.equal(['hotelName', 'hotelPhone', 'hotelName']);
      expect(placeholdersIn('a {} b { spaced } c {{nested}}')).to.deep.equal(['nested']);
      expect(placeholdersIn(undefined)).to.deep.equal([]);
    });
  });

  describe('on the shipped knowledge base', () => {
    it('should report nothing', () => {
      expect(placeholderProblems(kb)).to.deep.equal([]);
      expect(checkKnowledgeBase(kb).kb).to.not.equal(undefined);
    });
  });

  describe('walkthrough texts', () => {
    it('should report a fact placeholder whose fact has no fallback, where it is used', () => {
      const pi = problemIndex('baggage_lost_delayed');
      const fact = problem('baggage_lost_delayed').facts.find((f) => f.name === 'fileReference')!;
      delete fact.fallback;
      expect(placeholderProblems(kb, 'fileReference'), 'a fact without fallback that no text uses is fine').to.deep.equal([]);
      kb.problems[pi].steps[2].say += ' Quote your file reference {fileReference}.';
      const found = oneErrorAt(kb, 'fileReference', `problems[${pi}].steps[2].say`);
      expect(found.message).to.include('fact "fileReference" may be unknown or skipped and has no fallback');
    });

    it('should accept the same placeholder once the fact has a fallback', () => {
      const pi = problemIndex('baggage_lost_delayed');
      kb.problems[pi].steps[2].say += ' Quote your file reference {fileReference}.';
      expect(problem('baggage_lost_delayed').facts.find((f) => f.name === 'fileReference')?.fallback).to.be.a('string');
      expect(placeholderProblems(kb, 'fileReference')).to.deep.equal([]);
    });

    it('should report a booking placeholder without a fallback in platform.placeholders', () => {
      const pi = problemIndex('host_not_responding');
      const si = kb.problems[pi].steps.findIndex((s) => s.action === 'contact_actor');
      kb.problems[pi].steps[si].why = `${kb.problems[pi].steps[si].why ?? ''} Your host's number is {hostPhone}.`;
      const found = oneErrorAt(kb, 'hostPhone', `problems[${pi}].steps[${si}].why`);
      expect(found.message).to.include('neither a fact of this problem nor a value with a fallback in platform.yaml placeholders');

      kb.platform.placeholders.hostPhone = "your host's phone number (on your confirmation e-mail)";
      expect(placeholderProblems(kb, 'hostPhone')).to.deep.equal([]);
    });

    it('should report a fact of another problem as unknown in this one', () => {
      const pi = problemIndex('locked_out');
      kb.problems[pi].steps[0].say += ' Your flight {flightNumber}.';
      oneErrorAt(kb, 'flightNumber', `problems[${pi}].steps[0].say`);
    });

    it('should accept the values every walkthrough has', () => {
      const pi = problemIndex('locked_out');
      kb.problems[pi].steps[0].say += ' {platform} {assistant} {provider} {caseReference}';
      expect(placeholderProblems(kb)).to.deep.equal([]);
    });

    it('should report a fact used in its own prompt, as asked before it is known', () => {
      const pi = problemIndex('double_charge');
      const fi = kb.problems[pi].facts.findIndex((f) => f.name === 'chargeAmount');
      kb.problems[pi].facts[fi].prompt = 'How much was each {chargeAmount} charge?';
      const found = oneErrorAt(kb, 'chargeAmount', `problems[${pi}].facts[${fi}].prompt`);
      expect(found.message).to.include('is used before the fact is asked');
    });

    it('should report a fact used in the acknowledgement, said before any fact is asked', () => {
      const pi = problemIndex('double_charge');
      kb.problems[pi].acknowledge = 'Being charged {chargeAmount} twice is stressful.';
      const found = oneErrorAt(kb, 'chargeAmount', `problems[${pi}].acknowledge`);
      expect(found.message).to.include('is used before the fact is asked');
    });
  });

  describe('outside sources', () => {
    it("should report a lookFor placeholder that one of the source's problems cannot fill, naming those problems", () => {
      const si = kb.sources.findIndex((s) => s.id === 'eu_112');
      const users = kb.problems.filter((p) => kb.sources[si].problems.includes(p.id) || p.steps.some((st) => st.sources?.includes('eu_112')));
      const without = users.filter((p) => !p.facts.some((f) => f.name === 'currentPlace')).map((p) => p.id);
      const withIt = users.filter((p) => p.facts.some((f) => f.name === 'currentPlace')).map((p) => p.id);
      expect(without, 'problems of eu_112 without a currentPlace fact').to.not.be.empty;
      expect(withIt, 'problems of eu_112 with a currentPlace fact').to.not.be.empty;

      kb.sources[si].lookFor += ' Tell them you are at {currentPlace}.';
      const found = oneErrorAt(kb, 'currentPlace', `sources[${si}].lookFor`);
      expect(found.message).to.include(`could reach a traveller unfilled in ${without.join(', ')}`);
      for (const id of withIt) expect(found.message).to.not.include(id);
    });

    it('should accept a lookFor placeholder every problem of the source fills', () => {
      const si = kb.sources.findIndex((s) => s.id === 'eu_112');
      kb.sources[si].lookFor += ' Quote {bookingReference} if asked, on {platform}.';
      expect(placeholderProblems(kb)).to.deep.equal([]);
    });
  });

  describe('FAQ answers', () => {
    it('should report a placeholder that is not {platform}, {assistant} or a platform value', () => {
      const fi = kb.faqs.findIndex((f) => !f.answer.includes('{refundPolicyUrl}'));
      kb.faqs[fi].answer += ' See {refundPolicyUrl}.';
      const found = oneErrorAt(kb, 'refundPolicyUrl', `faqs[${fi}].answer`);
      expect(found.message).to.include('in an FAQ answer is not {platform}, {assistant} or a platform value');
    });

    it('should accept {platform}, {assistant} and platform values, but not walkthrough values', () => {
      kb.faqs[0].answer += ' {platform} {assistant} {refundTimeCard}';
      expect(placeholderProblems(kb)).to.deep.equal([]);
      kb.faqs[0].answer += ' {caseReference}';
      oneErrorAt(kb, 'caseReference', 'faqs[0].answer');
    });
  });

  describe('fixed messages', () => {
    it('should report any placeholder, even {platform}', () => {
      kb.platform.messages.welcome += ' Ask {platform} anything.';
      const found = oneErrorAt(kb, 'platform', 'platform.messages.welcome');
      expect(found.message).to.include('in a fixed message is never filled');
    });
  });

  describe('replies', () => {
    it('should report a placeholder that is neither a reply placeholder nor a platform value', () => {
      const greetings = kb.platform.replies.greeting ?? [];
      kb.platform.replies.greeting = [...greetings, 'Hi {travellerName}!'];
      const found = oneErrorAt(kb, 'travellerName', `platform.replies.greeting[${greetings.length}]`);
      expect(found.message).to.include('is not filled in the greeting reply');
    });

    it('should report a case reference in the greeting, which is said before any case exists', () => {
      kb.platform.replies.greeting = ['Hello! Your case is {caseReference}.'];
      const found = oneErrorAt(kb, 'caseReference', 'platform.replies.greeting[0]');
      expect(found.message).to.include('is not filled in the greeting reply, which gets {assistant}, {platform} and the platform values');
    });

    // A reply placeholder is allowed only in the situations whose callers pass it.
    const misplaced: Array<[ReplyKey, string]> = [
      ['thanks', 'problemTitle'],
      ['staleButton', 'caseReference'], // said by the main dialog too, outside any walkthrough
      ['nonsense', 'problemTitle'],
      ['afterFailure', 'caseReference'], // the engine's encouragement is said without values
      ['caseReference', 'problemTitle'],
      ['resume', 'caseReference'],
      ['alreadyHave', 'problemTitle'],
      ['priorityRaised', 'problemTitle'], // the handoff relay passes only the case
      ['addedToCase', 'value'],
    ];
    for (const [key, name] of misplaced) {
      it(`should report {${name}} in the ${key} reply`, () => {
        kb.platform.replies[key] = [`Something about {${name}}.`];
        oneErrorAt(kb, name, `platform.replies.${key}[0]`);
      });
    }

    it('should accept in each situation the values its callers pass, {platform}, {assistant} and the platform values', () => {
      for (const key of REPLY_KEYS) {
        kb.platform.replies[key] = [`On {platform} with {assistant} ({supportHours}): ${REPLY_VALUES[key].map((v) => `{${v}}`).join(' ')}`];
      }
      expect(placeholderProblems(kb)).to.deep.equal([]);
    });

    it('should list in REPLY_PLACEHOLDERS exactly what some situation gets', () => {
      const some = new Set(['assistant', 'platform', ...Object.values(REPLY_VALUES).flat()]);
      expect([...REPLY_PLACEHOLDERS].sort()).to.deep.equal([...some].sort());
    });

    it('should accept the built-in replies, which use only their situation\'s values', () => {
      kb.platform.replies = structuredClone(DEFAULT_REPLIES) as KnowledgeBase['platform']['replies'];
      expect(placeholderProblems(kb)).to.deep.equal([]);
    });
  });

  describe('after-hours text', () => {
    it('should report a placeholder that is not one of the business hours values', () => {
      kb.escalation.afterHoursText += ' We close at {closesAt}.';
      const found = oneErrorAt(kb, 'closesAt', 'escalation.afterHoursText');
      expect(found.message).to.include('is not one of {open}, {close}, {zone}, {opensDay}, {opensAt}, {opensIn}');
    });

    it('should accept every business hours value', () => {
      kb.escalation.afterHoursText = '{open} {close} {zone} {opensDay} {opensAt} {opensIn}';
      expect(placeholderProblems(kb)).to.deep.equal([]);
    });
  });
});
