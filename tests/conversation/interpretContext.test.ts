import type { Decision, Pending } from '../../src/conversation/acts';
import { checkRows, shippedReader } from './interpretRows';

// Decisions that depend on where the conversation stands: the problem being walked through, the last
// answer, the question pending and how many messages in a row missed it. Messages in travellers' words.
describe('interpret() in context', function () {
  this.timeout(120_000);
  const reader = shippedReader();
  const lastAnswer = (faqId: string, text: string) => ({ turn: 4, lastAnswer: { faqId, text, turn: 3 } });

  describe('a question asked in the middle of a recovery', () => {
    checkRows(reader, [
      ['the answer read with the problem in mind', { say: 'how long is it supposed to take for the email to come?', problem: 'booking_not_found', pending: { kind: 'fact', name: 'email' }, act: 'question', decision: { kind: 'answer_faq' } }],
      ['a question while the outcome is asked, not the outcome', { say: 'wait, do i get compensation for this or only a new flight?', problem: 'flight_changed_cancelled', pending: { kind: 'outcome', choices: [] }, act: 'question', decision: { kind: 'answer_faq' } }],
      ['a wish phrased as a question, while the outcome is asked', { say: 'can i just get my money back?', problem: 'flight_changed_cancelled', pending: { kind: 'outcome', choices: [] }, act: 'answer', topic: 'outcome' }],
    ]);
  });

  describe('a follow-up to the last answer', () => {
    checkRows(reader, [
      ['the same subject, pointing back at it', { say: 'cant you just send it to my paypal instead?', memory: lastAnswer('refund-method', 'will the refund go back to my card'), act: 'question', decision: { kind: 'answer_faq' } }],
      ['a follow-up after an acknowledgement', { say: 'hm ok, and if im only running late on the day?', memory: lastAnswer('no-show-policy', 'what happens if i dont show up'), act: 'question', decision: { kind: 'answer_faq', faqId: 'no-show-policy' } as Partial<Decision> }],
    ]);
  });

  describe('"is this right?"', () => {
    const confirm: Pending = { kind: 'confirm' };
    const known = { bookingReference: 'WL-F318622', flightNumber: 'KL1007', currentAirport: 'AMS' };
    checkRows(reader, [
      ['a wish said instead of a yes: the facts stand and the wish is kept', { say: 'honestly i just want to be in london tonight', problem: 'missed_connection', pending: confirm, known, act: 'answer', topic: 'outcome', decision: { kind: 'confirm', wish: 'honestly i just want to be in london tonight' } as Partial<Decision> }],
      ['a correction, not a wish', { say: 'no wait, i want to correct the flight, it was KL1009', problem: 'missed_connection', pending: confirm, known, notDecision: 'confirm' }],
    ]);
  });

  describe('a question never asked in a loop', () => {
    const phone: Pending = { kind: 'fact', name: 'phone' };
    checkRows(reader, [
      ['re-asked the first time it is missed', { say: 'no sign of them still', problem: 'transfer_driver_no_show', pending: phone, unplaced: 0, decision: { kind: 'rephrase', nonsense: false } as Partial<Decision> }],
      ['given up the second time: on without it', { say: 'no sign of them still', problem: 'transfer_driver_no_show', pending: phone, unplaced: 1, decision: { kind: 'fact_unknown', name: 'phone' } as Partial<Decision> }],
      ['a bare yes to a question that wants a value counts as missed', { say: 'ok sent', problem: 'transfer_driver_no_show', pending: phone, unplaced: 1, decision: { kind: 'fact_unknown', name: 'phone' } as Partial<Decision> }],
      ['nonsense is not counted: the question stands', { say: 'asdfgh', problem: 'transfer_driver_no_show', pending: phone, unplaced: 1, decision: { kind: 'rephrase', nonsense: true } as Partial<Decision> }],
      ['a value already on the booking said again: heard, the question stands', { say: 'it was meant to be this sunday', problem: 'tour_cancelled_by_operator', pending: { kind: 'fact', name: 'cancellationReason' }, known: { bookingReference: 'WL-T402577', activityDate: '2026-03-08' }, act: 'answer', topic: 'fact:activityDate', decision: { kind: 'facts' } }],
    ]);
  });

  describe('what else a message says where a value is asked', () => {
    const bookingDate: Pending = { kind: 'fact', name: 'bookingDate' };
    checkRows(reader, [
      ['a value with a question mark of doubt, not a question', { say: 'end of january i think, the 31st?', problem: 'booking_not_found', pending: bookingDate, act: 'answer', decision: { kind: 'facts' }, facts: ['bookingDate'] }],
      ['a clause saying when, not a question', { say: 'when we arrived, the 3rd', problem: 'property_extra_charge', pending: { kind: 'fact', name: 'chargeDate' }, act: 'answer', facts: ['chargeDate'] }],
      ['a goodbye, whatever was asked', { say: 'ok thanks, bye', problem: 'formal_complaint', pending: { kind: 'confirm' }, known: { bookingReference: 'WL-X287340' }, act: 'small_talk', decision: { kind: 'system', name: 'goodbye' } as Partial<Decision> }],
      ['a wish that mentions cancelling, not a stop', { say: 'actually id rather move it to april than cancel', problem: 'cancel_illness_disaster', pending: { kind: 'outcome', choices: [] }, notDecision: 'system' }],
      ['the question after a "never mind"', { say: 'ok never mind then. how do i stop all the promo emails instead', act: 'question', decision: { kind: 'answer_faq' } }],
      ['the item left behind, from the words around it', { say: 'i think i left my wedding ring at the hotel, checked out this morning', problem: 'left_item_behind', facts: ['itemDescription'] }],
    ]);
  });

  describe('another problem, or this one', () => {
    const step: Pending = { kind: 'step', stepId: 'call_driver' };
    checkRows(reader, [
      ['this problem in other words, not a second one', { say: 'no reply from them yet', problem: 'transfer_driver_no_show', pending: { kind: 'confirm' }, known: { bookingReference: 'WL-X287340' }, notDecision: 'queue_problem' }],
      ['a second problem said as one', { say: 'also my card was charged twice for this booking', problem: 'transfer_driver_no_show', pending: step, decision: { kind: 'queue_problem', problemId: 'double_charge' } as Partial<Decision> }],
      ['a request about their own booking, however much it reads like the general question', { say: 'can I move WL-H590144 to the 18th-21st of march instead?', act: 'problem_report', decision: { kind: 'start_problem', problemId: 'change_or_cancel_booking' } as Partial<Decision> }],
    ]);
  });
});
