import type { Decision, Pending } from '../../src/conversation/acts';
import { checkRows, shippedReader } from './interpretRows';

// Where the traveller is, what they did not book with us, what they ask again for another case, and a
// reference given for a problem told just before. Messages in travellers' words, not the knowledge base's.
describe('interpret(): where they are, what they booked, what they ask again', function () {
  this.timeout(120_000);
  const reader = shippedReader();
  const confirm: Pending = { kind: 'confirm' };

  describe('the airport the traveller is at', () => {
    const airport: Pending = { kind: 'fact', name: 'currentAirport' };
    checkRows(reader, [
      ['an airport they fly to is not where they are', { say: 'missed my connecting flight to Heathrow, WL-F318622', problem: 'missed_connection', notDecision: 'facts', facts: ['bookingReference'] }],
      ['a city with one airport, said where they are', { say: 'im stuck in zurich since this morning', problem: 'missed_connection', pending: airport, act: 'answer', topic: 'fact:currentAirport', facts: ['currentAirport'] }],
      ['an airport named in lower case when asked', { say: 'gatwick, south terminal', problem: 'missed_connection', pending: airport, act: 'answer', facts: ['currentAirport'] }],
      ['a city said at "is this right?" corrects the airport shown', { say: 'no im still airside in munich', problem: 'missed_connection', pending: confirm, known: { bookingReference: 'WL-F318622', currentAirport: 'LHR' }, act: 'correction', topic: 'fact:currentAirport' }],
      ['where they want to be is no correction of where they are', { say: 'all i want is to be in paris by tonight', problem: 'missed_connection', pending: confirm, known: { bookingReference: 'WL-F318622', currentAirport: 'AMS' }, notAct: 'correction' }],
    ]);
  });

  describe('a booking made elsewhere, said for the reference', () => {
    const reference: Pending = { kind: 'fact', name: 'bookingReference' };
    checkRows(reader, [
      ['not booked with the platform: on without it, nothing to search', { say: 'i didnt book that flight with you, only the hotel', problem: 'missed_connection', pending: reference, act: 'answer', topic: 'fact:bookingReference', decision: { kind: 'fact_unknown', name: 'bookingReference', elsewhere: true } as Partial<Decision> }],
      ['booked directly, words apart', { say: 'we booked the train back ourselves directly on the rail site', problem: 'lost_passport_abroad', pending: reference, act: 'answer', topic: 'fact:bookingReference' }],
      ['not booked yet', { say: 'havent booked anything yet tbh', problem: 'visa_entry_documents', pending: reference, act: 'answer', topic: 'fact:bookingReference' }],
    ]);
  });

  describe('the same value said again at "is this right?"', () => {
    checkRows(reader, [
      ['an outcome named without "I want": the facts stand and the wish is kept', { say: 'a full refund to my visa, nothing else', problem: 'tour_cancelled_by_operator', pending: confirm, known: { bookingReference: 'WL-T660318' }, act: 'answer', topic: 'outcome', decision: { kind: 'confirm', wish: 'a full refund to my visa, nothing else' } as Partial<Decision> }],
      ['a failure told at "is this right?" is no wish', { say: 'the refund they promised never came', problem: 'tour_cancelled_by_operator', pending: confirm, known: { bookingReference: 'WL-T660318' }, notDecision: 'confirm' }],
      ['a choice already shown, in other words', { say: 'we only get there in like two weeks', problem: 'host_not_responding', pending: confirm, known: { bookingReference: 'WL-H915406', urgency: 'My trip is more than a day away' }, act: 'answer', topic: 'fact:urgency', decision: { kind: 'facts' } }],
    ]);
  });

  describe('a value for a fact the booking gave', () => {
    const known = { bookingReference: 'WL-H590144', bookingTotal: '642.00 GBP' };
    checkRows(reader, [
      ['is an answer: the traveller never said the other one', { say: 'it was 650 pounds in the end', problem: 'promo_code_refused', pending: confirm, known, fromBooking: ['bookingReference', 'bookingTotal'], act: 'answer', topic: 'fact:bookingTotal' }],
      ['is a correction when the traveller had said it', { say: 'it was 650 pounds in the end', problem: 'promo_code_refused', pending: confirm, known, act: 'correction', topic: 'fact:bookingTotal' }],
    ]);
  });

  describe('the surname that proves the booking', () => {
    checkRows(reader, [
      ['a surname alone is the answer', { say: 'novak', problem: 'transfer_driver_no_show', pending: { kind: 'fact', name: 'bookingOwner' }, act: 'answer', topic: 'fact:bookingOwner', decision: { kind: 'facts' } }],
      ['not knowing it leads on', { say: 'no idea sorry, my partner booked', problem: 'transfer_driver_no_show', pending: { kind: 'fact', name: 'bookingOwner' }, act: 'answer', decision: { kind: 'fact_unknown', name: 'bookingOwner' } as Partial<Decision> }],
    ]);
  });

  describe('a person offered', () => {
    checkRows(reader, [
      ['a yes that names a person answers the offer', { say: 'yes get me someone please', problem: 'locked_out', pending: confirm, offer: 'high_stakes', known: { bookingReference: 'WL-H731502' }, act: 'answer', topic: 'offer' }],
    ]);
  });

  describe('while the outcome is asked', () => {
    checkRows(reader, [
      ['"if ..., do they have to ...?" asks how things work', { say: 'ok so if the weather is bad on the day, do they have to give us our money back?', problem: 'tour_cancelled_by_operator', pending: { kind: 'outcome', choices: [] }, act: 'question' }],
      ['"if possible, ..." is still what they want', { say: 'if possible a full refund to my card', problem: 'tour_cancelled_by_operator', pending: { kind: 'outcome', choices: [] }, act: 'answer', topic: 'outcome' }],
    ]);
  });

  describe('the last question asked again for another case', () => {
    const after = (faqId: string, text: string) => ({ turn: 4, lastAnswer: { faqId, text, turn: 3 } });
    checkRows(reader, [
      ['another way of paying, same question', { say: 'and if it was on amex?', memory: after('refund-timeline', 'how many days before my refund lands on my card'), act: 'question', decision: { kind: 'answer_faq', faqId: 'refund-timeline' } as Partial<Decision> }],
      ['a question of its own after the condition is read on its own', { say: 'and if i get ill before we leave, can i cancel for free?', memory: after('refund-timeline', 'how many days before my refund lands on my card'), act: 'question', decision: { kind: 'answer_faq', faqId: 'cancel-for-illness' } as Partial<Decision> }],
    ]);
  });

  describe('a reference given after a problem the bot answered instead', () => {
    checkRows(reader, [
      ['the problem told just before is started', { say: 'WL-F550190', memory: { turn: 2, recent: ['our flight home got in more than four hours late last friday, do we get anything for that?'] }, act: 'answer', topic: 'fact:bookingReference', decision: { kind: 'start_problem', problemId: 'flight_delay_claim' } as Partial<Decision> }],
      ['a reference alone, nothing told before: noted', { say: 'WL-F550190', memory: { turn: 1, recent: ['hello'] }, decision: { kind: 'noted' } }],
    ]);
  });
});
