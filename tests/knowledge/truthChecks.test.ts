import * as path from 'node:path';
import { expect } from 'chai';
import { checkKnowledgeFiles, errorsOf, formatProblem, type KbFile, type KbProblem } from '../../src/knowledge';
import { readKnowledgeDir } from '../../src/storage/knowledgeFiles';
import { edit } from './kbTestKit';

const SHIPPED = path.join(__dirname, '..', '..', 'knowledge');
const NOW = new Date('2026-03-02T09:30:00Z');

/** The problems whose message matches, in a file. */
function found(problems: KbProblem[], file: string, message: RegExp): KbProblem[] {
  return problems.filter((p) => p.file === file && message.test(p.message));
}

describe('kb:check truth rules (broken copies of the shipped knowledge base)', () => {
  let files: KbFile[];
  const check = (broken: KbFile[], now = NOW) => checkKnowledgeFiles(broken, { now }).problems;

  before(async () => {
    files = await readKnowledgeDir(SHIPPED);
  });

  it('should find no problem, warnings included, on the shipped knowledge base at a known date', () => {
    expect(check(files).map(formatProblem)).to.deep.equal([]);
  });

  describe('one value per fact', () => {
    it('should report a hard-coded value of a defined fact', () => {
      const broken = edit(files, 'faqs/refunds.yaml', '**{refundTimeCard}**, sometimes', '**5-10 business days**, sometimes');
      expect(found(check(broken), 'faqs/refunds.yaml', /hard-coded value of \{refundTimeCard\}/)).to.have.length(1);
    });

    it('should report a conflicting value of a fact of a known kind', () => {
      const broken = edit(files, 'problems/double_charge.yaml', 'within {holdReleaseTime}', 'within 2-4 working days');
      expect(found(check(broken), 'problems/double_charge.yaml', /conflicting fact value: "2-4 working days"/)).to.have.length(1);
    });

    it('should report another sender domain in the phishing advice', () => {
      const broken = edit(files, 'faqs/privacy.yaml', '**@{senderDomain}**', '**@wanderly.com**');
      expect(found(check(broken), 'faqs/privacy.yaml', /conflicting fact value: "@wanderly.com"/)).to.have.length(1);
    });

    it('should report a menu item named without its path', () => {
      const broken = edit(files, 'faqs/bookings.yaml', '2. Go to {resendConfirmation}.', '2. Tap **Resend confirmation**.');
      expect(found(check(broken), 'faqs/bookings.yaml', /names "Resend confirmation" without \{resendConfirmation\}/)).to.have.length(1);
    });
  });

  describe('scope on every rule', () => {
    it('should reject a rule source without its scope', () => {
      const broken = edit(files, 'sources.yaml', '    rule: montreal\n    scope: >-', '    rule: montreal\n    x-scope: >-');
      expect(errorsOf(check(broken)).length).to.be.greaterThan(0);
      const noScope = edit(files, 'sources.yaml', `    rule: montreal
    scope: >-
      Montreal Convention 1999 (limits revised on 28 December 2024): international flights between countries that
      are parties to it, and, through EU Regulation 2027/97, every flight of an airline licensed in the EU. Liability
      for delayed, lost or damaged checked baggage up to 1,519 SDR per passenger; written complaints within 7 days of
      receipt for damage and 21 days from delivery for delay.
`, '    rule: montreal\n');
      expect(found(check(noScope), 'sources.yaml', /states the rule montreal but not its scope/)).to.have.length(1);
    });

    it('should warn about a source reviewed more than a year before now, and only with a clock', () => {
      const later = new Date('2027-06-01T00:00:00Z');
      expect(check(files, later).filter((p) => p.severity === 'warning' && /more than a year ago/.test(p.message)).length).to.be.greaterThan(5);
      expect(checkKnowledgeFiles(files).problems.filter((p) => /more than a year ago/.test(p.message))).to.deep.equal([]);
    });

    it('should reject EU261 amounts quoted for lost baggage', () => {
      const broken = edit(files, 'problems/baggage_lost_delayed.yaml', 'Fixed flight-delay compensation is a different rule and doesn\'t cover bags.\n    why:', 'You may also get 250-600 EUR.\n    why:');
      expect(found(check(broken), 'problems/baggage_lost_delayed.yaml', /states the rule eu261 without its scope/)).to.have.length(1);
    });

    it('should reject a rule-scoped step that says nothing when the rule does not apply', () => {
      const broken = edit(files, 'problems/tour_cancelled_by_operator.yaml', '    outOfScope:\n      say: |-\n        You bought this tour on its own', '    x:\n      say: |-\n        You bought this tour on its own');
      expect(errorsOf(check(broken)).length).to.be.greaterThan(0);
    });

    it('should reject an FAQ that states the 24-hour rule without naming it', () => {
      const broken = edit(files, 'faqs/rights-and-emergencies.yaml', '    rules: [usDot24h, usDotRefund]\n', '');
      expect(found(check(broken), 'faqs/rights-and-emergencies.yaml', /states the rule usDot24h without its scope/)).to.have.length(1);
    });
  });

  describe('no promise beyond the policy', () => {
    it('should reject "we\'ll cover any price difference"', () => {
      const broken = edit(files, 'problems/hotel_no_reservation.yaml', 'and pay the price difference, {remedyRebookingEquivalentStay}.', 'and we\'ll cover any price difference.');
      expect(found(check(broken), 'problems/hotel_no_reservation.yaml', /promise beyond the policy/)).to.have.length(1);
    });

    it('should reject an agent-only amount promised literally', () => {
      const broken = edit(files, 'problems/host_not_responding.yaml', 'reimbursed against the receipt,\n      {remedyOutOfPocketReimbursement}, so', 'reimbursed against the receipt up to 300 EUR, so');
      expect(found(check(broken), 'problems/host_not_responding.yaml', /states an amount literally/)).to.have.length(1);
    });

    it('should reject a taxi "at our cost" in an FAQ', () => {
      const broken = edit(files, 'faqs/transfers.yaml', 'Keep your phone on after landing.', 'If the driver is late, take a taxi at our cost.');
      expect(found(check(broken), 'faqs/transfers.yaml', /promise beyond the policy/)).to.have.length(1);
    });

    it('should reject fault admitted before any check shows it', () => {
      const broken = edit(files, 'problems/double_charge.yaml', '    faultShownBy: payments_tab\n', '');
      expect(found(check(broken), 'problems/double_charge.yaml', /admits the platform's fault/)).to.have.length(1);
    });

    it('should reject a faultShownBy step that can be skipped', () => {
      const broken = edit(files, 'problems/double_charge.yaml', 'faultShownBy: payments_tab', 'faultShownBy: confirm_charges');
      expect(errorsOf(check(broken)).length).to.equal(0);
      const skippable = edit(files, 'problems/double_charge.yaml', 'faultShownBy: payments_tab', 'faultShownBy: card_dispute');
      expect(found(check(skippable), 'problems/double_charge.yaml', /can be reached without passing "card_dispute"/)).to.have.length(1);
    });
  });

  describe('safety coverage', () => {
    it('should reject a high-stakes tag with no path at every hour', () => {
      const broken = edit(files, 'escalation.yaml', '  medical: safetySteps\n', '');
      expect(found(check(broken), 'escalation.yaml', /high-stakes tag "medical" has no path at every hour/)).to.have.length(1);
    });

    it('should reject a stranded problem without a safety step', () => {
      const broken = edit(files, 'problems/transfer_driver_no_show.yaml', '    safety: true\n', '');
      expect(found(check(broken), 'problems/transfer_driver_no_show.yaml', /no step is marked safety: true/)).to.have.length(1);
    });

    it('should reject a safety step without the emergency number', () => {
      const broken = edit(files, 'problems/locked_out.yaml', 'call **{emergencyNumber}** now. If it\'s late', 'call the police now. If it\'s late');
      expect(found(check(broken), 'problems/locked_out.yaml', /a safety step says \{emergencyNumber\}/)).to.have.length(1);
    });

    it('should reject a danger tag that is not high-stakes', () => {
      const broken = edit(files, 'escalation.yaml', 'money_lost, locked_out, minors', 'money_lost, minors');
      expect(found(check(broken), 'problems/locked_out.yaml', /names a danger to the traveller/)).to.have.length(1);
    });

    it('should reject "prioritised at any hour" while nobody is on duty at night', () => {
      const broken = edit(files, 'faqs/support.yaml', 'go to the front of the queue when the team is in.', 'are prioritised at any hour by our team.');
      expect(found(check(broken), 'faqs/support.yaml', /claims a person at any hour/)).to.have.length(1);
    });
  });

  describe('product-correct wording', () => {
    it('should reject a change request sent to the hotel for every product', () => {
      const start = 'why: Providers often agree to move dates rather than lose the booking altogether.\n    success: The provider agreed to the change or a refund.\n';
      const file = files.find((f) => f.path === 'problems/change_or_cancel_booking.yaml')!.content;
      const from = file.slice(file.indexOf(start) + start.length, file.indexOf('    draft: |-', file.indexOf(start)));
      const broken = edit(files, 'problems/change_or_cancel_booking.yaml', from, '');
      expect(found(check(broken), 'problems/change_or_cancel_booking.yaml', /reaches the hotel for rental, flight, tour, transfer, car bookings/)).to.have.length(1);
    });

    it('should reject a name fix sent to the airline in text said for every product', () => {
      const broken = edit(files, 'problems/wrong_details_entered.yaml', 'I\'ll ask {provider} to correct it;', 'I\'ll ask the airline to correct it;');
      expect(found(check(broken), 'problems/wrong_details_entered.yaml', /names (only )?the flight provider/)).to.have.length(1);
    });
  });
});
