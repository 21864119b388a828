import { expect } from 'chai';
import { checkKnowledgeBase, parseKnowledgeBase, validateKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { fixtureFiles } from './kbTestKit';

function fixtureKb(): KnowledgeBase {
  const r = parseKnowledgeBase(fixtureFiles());
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

describe('validateKnowledgeBase()', () => {
  it('should accept a valid KB given as a plain JSON object', () => {
    const json: unknown = JSON.parse(JSON.stringify(fixtureKb()));
    const r = validateKnowledgeBase(json);
    expect(r.ok).to.equal(true);
    if (r.ok) expect(r.value).to.deep.equal(fixtureKb());
  });

  it('should report the same reference problems as the file check, placed in the exported layout', () => {
    const kb = fixtureKb();
    kb.problems[0]!.steps[1]!.sources = ['nowhere'];
    const r = validateKnowledgeBase(kb);
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors).to.deep.equal([
      {
        file: 'problems/booking_not_found.yaml',
        path: 'steps[1].sources[0]',
        kbPath: 'problems[0].steps[1].sources[0]',
        message: 'unknown source "nowhere" (not in sources.yaml)',
        severity: 'error',
      },
    ]);
  });

  it('should place an FAQ problem in its topic file at its index there', () => {
    const kb = fixtureKb();
    kb.faqs.push({ id: 'payment-methods', questions: ['Do you take cash?'], answer: 'No.', tags: ['payments'], locale: 'en' });
    const r = validateKnowledgeBase(kb);
    if (r.ok) return expect.fail('duplicate id accepted');
    expect(r.errors.map((p) => [p.file, p.path, p.kbPath])).to.deep.equal([['faqs/payments.yaml', 'faqs[1].id', 'faqs[3].id']]);
  });

  it('should list every schema problem of a malformed draft without throwing', () => {
    const r = validateKnowledgeBase({ platform: 7, intents: [{ id: 'X Y', handler: 'nowhere', utterances: [] }], faqs: 'none', extra: true });
    if (r.ok) return expect.fail('malformed draft accepted');
    const kbPaths = r.errors.map((p) => p.kbPath);
    expect(kbPaths).to.include.members(['platform', 'intents[0].id', 'intents[0].handler', 'intents[0].utterances', 'faqs', 'problems', 'extra']);
  });

  it('should not throw on input that is not an object', () => {
    for (const input of [null, 42, 'kb', []]) expect(validateKnowledgeBase(input).ok).to.equal(false);
  });
});

describe('checkKnowledgeBase()', () => {
  it('should keep warnings apart from errors and still return the KB', () => {
    const kb = fixtureKb();
    kb.escalation.highStakesTags.push('safety');
    kb.escalation.highStakesPaths = { ...kb.escalation.highStakesPaths, safety: 'safetySteps' };
    const report = checkKnowledgeBase(kb);
    expect(report.kb).to.deep.equal(kb);
    expect(report.problems.map((p) => [p.severity, p.kbPath])).to.deep.equal([['warning', 'escalation.highStakesTags[1]']]);
  });
});
