import { expect } from 'chai';
import { checkKnowledgeFiles, parseKnowledgeBase, type KbFile, type KbProblem } from '../../src/knowledge';
import { edit, fixtureFiles, lineOf, problemAt } from './kbTestKit';

const files = fixtureFiles();
const BNF = 'problems/booking_not_found.yaml';
const DC = 'problems/double_charge.yaml';

function rejected(broken: KbFile[]): KbProblem[] {
  const r = parseKnowledgeBase(broken);
  expect(r.ok, 'the broken copy is rejected').to.equal(false);
  return r.ok ? [] : r.errors;
}

/** One broken copy: the edit, and the problem it must produce (file, path, line text, message part). */
interface Case {
  name: string;
  file: string;
  from: string;
  to: string;
  /** `line` is the text on the expected line, searched from the line holding `after` when given. */
  at: { file: string; path: string; line: string; after?: string; message: RegExp };
}

const CASES: Case[] = [
  { name: 'a step naming an unknown source', file: BNF, from: 'sources: [confirmation_email]', to: 'sources: [nowhere]',
    at: { file: BNF, path: 'steps[1].sources[0]', line: 'sources: [nowhere]', message: /unknown source "nowhere"/ } },
  { name: 'a step whose actor kind has no entry in actors', file: BNF, from: 'actor: hotel', to: 'actor: driver',
    at: { file: BNF, path: 'steps[2].actor', line: 'actor: driver', message: /"driver" has no entry/ } },
  { name: 'a transition to a step that does not exist', file: DC, from: 'onFailure: refund', to: 'onFailure: refnud',
    at: { file: DC, path: 'steps[0].onFailure', line: 'onFailure: refnud', message: /"refnud", which is not a step/ } },
  { name: 'a last step whose next is dangling', file: DC, from: '    onFailure: handoff', to: '    onFailure: next',
    at: { file: DC, path: 'steps[1].onFailure', line: 'onFailure: next', message: /last step/ } },
  { name: 'a step that goes back to itself', file: DC, from: 'onFailure: refund', to: 'onFailure: pending_or_posted',
    at: { file: DC, path: 'steps[0].onFailure', line: 'onFailure: pending_or_posted', message: /loop/ } },
  { name: 'two steps with the same id', file: BNF, from: 'id: ask_hotel', to: 'id: search_mailbox',
    at: { file: BNF, path: 'steps[2].id', line: '- id: search_mailbox', after: 'sources: [confirmation_email]', message: /used twice .*also at problems\/booking_not_found.yaml:22 steps\[1\]\.id/ } },
  { name: 'an unknown system handler', file: 'intents.yaml', from: 'handler: system:human', to: 'handler: system:person',
    at: { file: 'intents.yaml', path: 'intents[1].handler', line: 'system:person', message: /unknown system handler "person"/ } },
  { name: 'a handler naming a missing FAQ', file: 'intents.yaml', from: 'faq:booking-reference-format', to: 'faq:booking-ref',
    at: { file: 'intents.yaml', path: 'intents[4].handler', line: 'faq:booking-ref', message: /FAQ "booking-ref", which does not exist/ } },
  { name: 'a problem no intent reaches', file: 'intents.yaml', from: 'handler: problem:double_charge', to: 'handler: system:help',
    at: { file: DC, path: 'id', line: 'id: double_charge', message: /no intent routes to problem "double_charge"/ } },
  { name: 'an offered remedy that does not exist', file: DC, from: 'remedies: [refund_duplicate_charge]', to: 'remedies: [free_night]',
    at: { file: DC, path: 'steps[1].remedies[0]', line: 'remedies: [free_night]', message: /unknown remedy "free_night"/ } },
  { name: 'an offered remedy that does not cover the problem', file: 'compensation.yaml', from: 'problems: [double_charge]\n', to: 'problems: [booking_not_found]\n',
    at: { file: DC, path: 'steps[1].remedies[0]', line: 'remedies: [refund_duplicate_charge]', message: /does not cover problem "double_charge"/ } },
  { name: 'a checked fact the problem does not declare', file: BNF, from: 'facts: [bookingReference, email]', to: 'facts: [bookingReference, phone]',
    at: { file: BNF, path: 'steps[0].facts[1]', line: 'facts: [bookingReference, phone]', message: /fact "phone" is not declared/ } },
  { name: 'a remedy naming an unknown problem', file: 'compensation.yaml', from: 'problems: [double_charge, booking_not_found]', to: 'problems: [double_charge, lost_luggage]',
    at: { file: 'compensation.yaml', path: 'remedies[1].problems[1]', line: 'lost_luggage', message: /unknown problem "lost_luggage"/ } },
  { name: 'a source naming an unknown problem', file: 'sources.yaml', from: 'problems: [double_charge]', to: 'problems: [charged_twice]',
    at: { file: 'sources.yaml', path: 'sources[1].problems[0]', line: 'charged_twice', message: /unknown problem "charged_twice"/ } },
  { name: 'a duplicated FAQ id', file: 'faqs/payments.yaml', from: 'id: payment-methods', to: 'id: booking-reference-format',
    at: { file: 'faqs/payments.yaml', path: 'faqs[0].id', line: 'id: booking-reference-format', message: /FAQ id "booking-reference-format" is used twice \(also at faqs\/bookings.yaml:3 faqs\[0\]\.id\)/ } },
  { name: 'a duplicated intent id', file: 'intents.yaml', from: 'id: human', to: 'id: greeting',
    at: { file: 'intents.yaml', path: 'intents[1].id', line: '- id: greeting', after: 'system:greeting', message: /intent id "greeting" is used twice \(also at intents.yaml:3 intents\[0\]\.id\)/ } },
  { name: 'a duplicated source id', file: 'sources.yaml', from: 'id: bank_app', to: 'id: confirmation_email',
    at: { file: 'sources.yaml', path: 'sources[1].id', line: '- id: confirmation_email', after: 'title: Your confirmation', message: /source id "confirmation_email" is used twice/ } },
  { name: 'a question duplicated across FAQs (case, spacing and punctuation aside)', file: 'faqs/payments.yaml', from: 'Can I pay with PayPal?', to: 'where  can i see my BOOKINGS',
    at: { file: 'faqs/payments.yaml', path: 'faqs[0].questions[1]', line: 'where  can i see', message: /duplicates a text of FAQ "find-booking-in-my-trips"/ } },
  { name: 'an utterance duplicated across intents', file: 'intents.yaml', from: 'get me a human agent', to: 'Hello!',
    at: { file: 'intents.yaml', path: 'intents[1].utterances[1]', line: 'Hello!', message: /intent "greeting"/ } },
  { name: 'an utterance repeating an FAQ question of another handler', file: 'intents.yaml', from: 'I was charged twice', to: 'Which payment methods do you accept',
    at: { file: 'intents.yaml', path: 'intents[3].utterances[0]', line: 'Which payment methods', message: /FAQ "payment-methods"/ } },
  { name: 'an invalid reference format regex', file: 'platform.yaml', from: '"^WL-F\\\\d{6}$"', to: '"^WL-F(\\\\d{6}$"',
    at: { file: 'platform.yaml', path: 'referenceFormats[1].pattern', line: '^WL-F(', message: /not a valid regular expression/ } },
  { name: 'a reference example that does not match its pattern', file: 'platform.yaml', from: 'example: WL-F205847', to: 'example: WL-F2058',
    at: { file: 'platform.yaml', path: 'referenceFormats[1].example', line: 'example: WL-F2058', message: /does not match/ } },
  { name: 'an impossible opening time', file: 'escalation.yaml', from: 'open: "08:00"', to: 'open: "25:00"',
    at: { file: 'escalation.yaml', path: 'businessHours.open', line: 'open: "25:00"', message: /not a time of day/ } },
  { name: 'a malformed closing time', file: 'escalation.yaml', from: 'close: "22:00"', to: 'close: "10pm"',
    at: { file: 'escalation.yaml', path: 'businessHours.close', line: 'close: "10pm"', message: /Invalid string/ } },
  { name: 'an unknown time zone', file: 'escalation.yaml', from: 'timezone: Europe/Paris', to: 'timezone: Europe/Pariss',
    at: { file: 'escalation.yaml', path: 'businessHours.timezone', line: 'Europe/Pariss', message: /unknown time zone/ } },
  { name: 'an outside_source step without sources', file: BNF, from: '    sources: [confirmation_email]\n', to: '',
    at: { file: BNF, path: 'steps[1].sources', line: '- id: search_mailbox', message: /names at least one source/ } },
];

describe('parseKnowledgeBase() reference checks', () => {
  for (const c of CASES) {
    it(`should reject ${c.name}`, () => {
      const broken = edit(files, c.file, c.from, c.to);
      // Other rules may also speak about the same place (a driver is also the wrong actor for a hotel): this case's one.
      const p = problemAt(rejected(broken).filter((x) => c.at.message.test(x.message)), c.at.file, c.at.path);
      expect(p.message).to.match(c.at.message);
      expect(p.line).to.equal(lineOf(broken, c.at.file, c.at.line, c.at.after));
      expect(p.severity).to.equal('error');
    });
  }

  it('should let an intent that routes to an FAQ repeat its questions', () => {
    expect(parseKnowledgeBase(files).ok).to.equal(true);
  });

  it('should reject a duplicated problem id with both files named', () => {
    const copy = { path: 'problems/double_charge_copy.yaml', content: files.find((f) => f.path === DC)!.content };
    const problems = rejected([...files, copy]);
    const p = problemAt(problems.filter((x) => x.message.includes('used twice')), copy.path, 'id');
    expect(p.message).to.equal('problem id "double_charge" is used twice (also at problems/double_charge.yaml:2 id)');
  });

  it('should only warn about a high-stakes tag no problem uses, and keep the KB valid', () => {
    const tagged = edit(files, 'escalation.yaml', 'highStakesTags: [money_lost]', 'highStakesTags: [money_lost, stranded]');
    const broken = edit(tagged, 'escalation.yaml', '  money_lost: anyHourSteps', '  money_lost: anyHourSteps\n  stranded: safetySteps');
    const report = checkKnowledgeFiles(broken);
    expect(report.kb).to.not.equal(undefined);
    const p = problemAt(report.problems, 'escalation.yaml', 'highStakesTags[1]');
    expect(p.severity).to.equal('warning');
    expect(p.message).to.include('"stranded"');
  });

  it('should reject a placeholder that names no fact of the problem: it would reach a traveller unfilled', () => {
    const broken = edit(files, BNF, 'draft: Could you confirm booking {bookingReference}?', 'draft: Could you confirm booking {bookingRef}?');
    const report = checkKnowledgeFiles(broken);
    expect(report.kb).to.equal(undefined);
    const p = problemAt(report.problems, BNF, 'steps[2].draft');
    expect(p.severity).to.equal('error');
    expect(p.message).to.include('{bookingRef} could reach a traveller unfilled');
  });

  it('should reject a fact placeholder whose fact has no fallback (any fact may be unknown or skipped)', () => {
    const broken = edit(files, BNF, '    fallback: your e-mail address\n', '');
    const p = problemAt(rejected(broken), BNF, 'steps[0].say');
    expect(p.message).to.include('fact "email" may be unknown or skipped and has no fallback');
  });
});
