import { expect } from 'chai';
import { parse } from 'yaml';
import { parseKnowledgeBase, serializeKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { fixtureFiles } from './kbTestKit';

function fixtureKb(): KnowledgeBase {
  const r = parseKnowledgeBase(fixtureFiles());
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

describe('serializeKnowledgeBase()', () => {
  it('should write the folder layout, one file per problem and per FAQ topic', () => {
    expect(serializeKnowledgeBase(fixtureKb()).map((f) => f.path)).to.deep.equal([
      'actors.yaml',
      'compensation.yaml',
      'escalation.yaml',
      'faqs/bookings.yaml',
      'faqs/payments.yaml',
      'intents.yaml',
      'platform.yaml',
      'problems/booking_not_found.yaml',
      'problems/double_charge.yaml',
      'sources.yaml',
    ]);
  });

  it('should give back the same KB when parsed again (round trip)', () => {
    const kb = fixtureKb();
    const again = parseKnowledgeBase(serializeKnowledgeBase(kb));
    if (!again.ok) return expect.fail(JSON.stringify(again.errors));
    expect(again.value).to.deep.equal(kb);
  });

  it('should round-trip multi-line Markdown answers and special characters exactly', () => {
    const kb = fixtureKb();
    kb.faqs[0]!.answer = '| a | b |\n|---|---|\n| "x" | #1: y |\n\n- **bold** é ✈️\n\n  indented: `code`';
    kb.faqs[1]!.answer = 'no trailing newline: yes';
    const again = parseKnowledgeBase(serializeKnowledgeBase(kb));
    if (!again.ok) return expect.fail(JSON.stringify(again.errors));
    expect(again.value.faqs.map((f) => f.answer)).to.deep.equal(kb.faqs.map((f) => f.answer));
  });

  it('should start each file with its JSON Schema header', () => {
    const files = serializeKnowledgeBase(fixtureKb());
    expect(files.find((f) => f.path === 'platform.yaml')!.content.split('\n')[0]).to.equal('# yaml-language-server: $schema=./schema/platform.schema.json');
    expect(files.find((f) => f.path === 'problems/double_charge.yaml')!.content.split('\n')[0]).to.equal(
      '# yaml-language-server: $schema=../schema/problem.schema.json',
    );
  });

  it('should leave out fields equal to their default, as a person writes them', () => {
    const files = serializeKnowledgeBase(fixtureKb());
    const problem = parse(files.find((f) => f.path === 'problems/booking_not_found.yaml')!.content) as { steps: Array<Record<string, unknown>> };
    expect(problem.steps[0]).to.not.have.any.keys('onSuccess', 'onFailure');
    expect(problem.steps[2]!.onFailure).to.equal('handoff');
  });

  it('should group FAQs by their first tag, "general" without tags', () => {
    const kb = fixtureKb();
    kb.faqs.push({ id: 'misc', questions: ['Is there a newsletter?'], answer: 'Yes.', tags: [], locale: 'en' });
    const files = serializeKnowledgeBase(kb);
    expect(files.map((f) => f.path)).to.include('faqs/general.yaml');
  });
});
