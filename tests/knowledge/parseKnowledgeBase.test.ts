import { expect } from 'chai';
import { checkKnowledgeFiles, parseKnowledgeBase, type KbFile, type KbProblem } from '../../src/knowledge';
import { contentOf, edit, fixtureFiles, lineOf, problemAt, withFile } from './kbTestKit';

function problemsOf(files: KbFile[]): KbProblem[] {
  const r = parseKnowledgeBase(files);
  expect(r.ok, 'the broken copy is rejected').to.equal(false);
  return r.ok ? [] : r.errors;
}

describe('parseKnowledgeBase()', () => {
  const files = fixtureFiles();

  describe('on the fixture KB', () => {
    it('should accept it and build every section', () => {
      const r = parseKnowledgeBase(files);
      if (!r.ok) expect.fail(JSON.stringify(r.errors, null, 1));
      expect(r.value.platform.name).to.equal('Wanderly');
      expect(r.value.faqs.map((f) => f.id)).to.deep.equal(['booking-reference-format', 'find-booking-in-my-trips', 'payment-methods']);
      expect(r.value.problems.map((p) => p.id)).to.deep.equal(['booking_not_found', 'double_charge']);
      expect(r.value.compensation.remedies).to.have.length(2);
    });

    it('should fill schema defaults (onSuccess resolved, onFailure next, locale en)', () => {
      const r = parseKnowledgeBase(files);
      if (!r.ok) return expect.fail('fixture invalid');
      const step = r.value.problems[0]!.steps[0]!;
      expect([step.onSuccess, step.onFailure]).to.deep.equal(['resolved', 'next']);
      expect(r.value.faqs[0]!.locale).to.equal('en');
    });

    it('should report no warnings either', () => {
      expect(checkKnowledgeFiles(files).problems).to.deep.equal([]);
    });
  });

  describe('on YAML syntax errors', () => {
    it('should give the file and the line of the error', () => {
      const broken = edit(files, 'faqs/payments.yaml', '    answer: Cards and PayPal.', '    answer: [Cards and PayPal.');
      const problems = problemsOf(broken);
      const p = problems.find((x) => x.file === 'faqs/payments.yaml');
      expect(p?.message).to.match(/^YAML syntax/);
      expect(p?.line).to.be.within(lineOf(broken, 'faqs/payments.yaml', 'answer: ['), lineOf(broken, 'faqs/payments.yaml', 'tags:'));
    });

    it('should report a duplicated key', () => {
      const broken = edit(files, 'platform.yaml', 'name: Wanderly', 'name: Wanderly\nname: Other');
      const p = problemsOf(broken).find((x) => x.file === 'platform.yaml');
      expect(p?.message).to.match(/unique/i);
      expect(p?.line).to.equal(3);
    });
  });

  describe('on schema violations', () => {
    it('should place a wrong enum value at its file, line and path', () => {
      const broken = edit(files, 'problems/double_charge.yaml', 'strategy: S6', 'strategy: S9');
      const p = problemAt(problemsOf(broken), 'problems/double_charge.yaml', 'steps[1].strategy');
      expect(p.line).to.equal(lineOf(broken, 'problems/double_charge.yaml', 'strategy: S9'));
      expect(p.kbPath).to.equal('problems[1].steps[1].strategy');
    });

    it('should report a missing required field on its parent entry', () => {
      const broken = edit(files, 'faqs/payments.yaml', '    answer: Cards and PayPal.\n', '');
      const p = problemAt(problemsOf(broken), 'faqs/payments.yaml', 'faqs[0].answer');
      expect(p.message).to.include('"answer" is required');
      expect(p.line).to.equal(lineOf(broken, 'faqs/payments.yaml', '- id: payment-methods'));
    });

    it('should report an unknown field, such as a misspelt onFailure', () => {
      const broken = edit(files, 'problems/double_charge.yaml', 'onFailure: refund', 'onFailur: refund');
      const problems = problemsOf(broken);
      const p = problemAt(problems, 'problems/double_charge.yaml', 'steps[0].onFailur');
      expect(p.message).to.include('unknown field');
      expect(p.line).to.equal(lineOf(broken, 'problems/double_charge.yaml', 'onFailur:'));
    });

    it('should report an invalid id with the place in the FAQ topic file', () => {
      const broken = edit(files, 'faqs/bookings.yaml', 'id: find-booking-in-my-trips', 'id: Find Booking');
      const p = problemAt(problemsOf(broken), 'faqs/bookings.yaml', 'faqs[1].id');
      expect(p.line).to.equal(lineOf(broken, 'faqs/bookings.yaml', 'id: Find Booking'));
      expect(p.kbPath).to.equal('faqs[1].id');
    });
  });

  describe('on the file layout', () => {
    it('should report a missing file', () => {
      const p = problemAt(problemsOf(withFile(files, 'actors.yaml', undefined)), 'actors.yaml', '');
      expect(p.message).to.equal('missing file');
    });

    it('should not also report the steps that name actors of the missing file', () => {
      const problems = problemsOf(withFile(files, 'actors.yaml', undefined));
      expect(problems.filter((p) => p.message.includes('actor'))).to.deep.equal([]);
    });

    it('should report a file that is not part of the layout', () => {
      const p = problemAt(problemsOf(withFile(files, 'extra/notes.yaml', 'a: 1\n')), 'extra/notes.yaml', '');
      expect(p.message).to.include('not part of the knowledge base layout');
    });

    it('should report a problem file whose name is not its id', () => {
      const copy = withFile(files, 'problems/charged_twice.yaml', contentOf(files, 'problems/double_charge.yaml'));
      const p = problemAt(problemsOf(withFile(copy, 'problems/double_charge.yaml', undefined)), 'problems/charged_twice.yaml', 'id');
      expect(p.message).to.include('double_charge.yaml');
      expect(p.line).to.equal(2);
    });

    it('should set the topic of each FAQ from its file name', () => {
      const r = parseKnowledgeBase(files);
      expect(r.ok && r.value.faqs.map((f) => f.topic)).to.deep.equal(['bookings', 'bookings', 'payments']);
    });

    it('should report an FAQ whose explicit topic names another file', () => {
      const broken = edit(files, 'faqs/payments.yaml', '    tags: [payments]', '    tags: [payments]\n    topic: bookings');
      const p = problemAt(problemsOf(broken), 'faqs/payments.yaml', 'faqs[0].topic');
      expect(p.line).to.equal(lineOf(broken, 'faqs/payments.yaml', 'topic: bookings'));
    });

    it('should report a list file without its list key', () => {
      const broken = edit(files, 'faqs/payments.yaml', 'faqs:', 'questions:');
      const problems = problemsOf(broken);
      expect(problems.some((p) => p.file === 'faqs/payments.yaml' && p.message.includes('"faqs:" list'))).to.equal(true);
    });
  });

  describe('with several problems at once', () => {
    it('should list every one of them, sorted by file and line', () => {
      let broken = edit(files, 'problems/double_charge.yaml', 'strategy: S6', 'strategy: S9');
      broken = edit(broken, 'problems/booking_not_found.yaml', 'sources: [confirmation_email]', 'sources: [nowhere]');
      broken = edit(broken, 'intents.yaml', 'handler: system:greeting', 'handler: system:wave');
      broken = edit(broken, 'faqs/payments.yaml', 'Can I pay with PayPal?', 'Where can I see my bookings?');
      broken = edit(broken, 'platform.yaml', '"^WL-F\\\\d{6}$"', '"^WL-F(\\\\d{6}$"');
      const problems = problemsOf(broken);
      expect(problems.map((p) => `${p.file} ${p.path}`)).to.deep.equal([
        'faqs/payments.yaml faqs[0].questions[1]',
        'intents.yaml intents[0].handler',
        'platform.yaml referenceFormats[1].pattern',
        'problems/booking_not_found.yaml steps[1].sources[0]',
        'problems/double_charge.yaml steps[1].strategy',
      ]);
      expect(problems.every((p) => typeof p.line === 'number' && p.line > 1)).to.equal(true);
    });
  });
});
