import { expect } from 'chai';
import type { Decision, Pending } from '../../src/conversation/acts';
import { interpret } from '../../src/conversation/interpret';
import { emptyMemory, remember } from '../../src/conversation/memory';
import { readMessage } from '../../src/nlu/reading';
import { context } from '../nlu/entities/context';
import { checkRows, shippedReader, type Row } from './interpretRows';

// The understanding step's decisions on the shipped knowledge base, with its trained NLU: each row is a
// traveller's message where the conversation stands, and what it must (and must not) be taken for.
describe('interpret() on the shipped knowledge base', function () {
  this.timeout(120_000);
  const reader = shippedReader();
  const check = (rows: Array<[string, Row]>): void => checkRows(reader, rows);

  describe('feedback on a step', () => {
    const step: Pending = { kind: 'step', stepId: 'check_voucher' };
    check([
      ['unclear when the traveller did the step but does not say it worked', { say: 'checked the voucher like you said, it says what i thought it would', problem: 'transfer_driver_no_show', pending: step, decision: { kind: 'step_outcome', outcome: 'unclear' } }],
      ['a failure', { say: 'walked past every exit, no sign with my name anywhere', problem: 'transfer_driver_no_show', pending: step, act: 'feedback', decision: { kind: 'step_outcome', outcome: 'failure' } }],
      ['a success', { say: 'found him, he was at the other exit', problem: 'transfer_driver_no_show', pending: step, decision: { kind: 'step_outcome', outcome: 'success' } }],
      ['a success although "not" is in it', { say: 'manager found it under schmitt not schmidt, we have a room', problem: 'hotel_no_reservation', pending: step, decision: { kind: 'step_outcome', outcome: 'success' } }],
      ['unclear when it only acknowledges the step', { say: 'ok', problem: 'transfer_driver_no_show', pending: step, decision: { kind: 'step_outcome', outcome: 'unclear' } }],
      ['no success from a lexicon that misreads the mood', { say: 'honestly this is a joke', problem: 'transfer_driver_no_show', pending: step, decision: { kind: 'step_outcome', outcome: 'unclear' } }],
      ['a request for a person, not feedback', { say: 'pls can someone from your side just deal with this, the kids are falling asleep on the floor', problem: 'transfer_driver_no_show', pending: step, act: 'request_person', decision: { kind: 'person' } }],
    ]);
  });

  describe('answers and corrections', () => {
    check([
      ['an answer: the reference was not known, "sorry" or not', { say: 'sorry, its WL-F205847', problem: 'flight_changed_cancelled', pending: { kind: 'fact', name: 'bookingReference' }, act: 'answer', decision: { kind: 'facts' } }],
      ['a yes with more said after it', { say: 'yep thats the address, just normal email n password', problem: 'cannot_log_in', pending: { kind: 'confirm' }, known: { email: 'anna.schmidt@gmail.com', signInMethod: 'E-mail and password' }, decision: { kind: 'confirm' } }],
      ['a correction: it replaces the reference known', { say: 'sorry typo, its WL-F205874', problem: 'flight_changed_cancelled', pending: { kind: 'confirm' }, known: { bookingReference: 'WL-F205847' }, act: 'correction', decision: { kind: 'facts' } }],
      ['the value shown said again, which changes nothing', { say: '642 pounds', problem: 'booking_not_found', pending: { kind: 'confirm' }, known: { chargeAmount: '642.00 GBP' }, act: 'answer', decision: { kind: 'facts' }, notDecision: 'rephrase' }],
      ['a question answered, with the value asked for kept', { say: 'WL-H590144. how long does a refund normally take to show up?', problem: 'refund_not_received', pending: { kind: 'fact', name: 'bookingReference' }, act: 'question', decision: { kind: 'answer_faq' }, facts: ['bookingReference'] }],
      ['feedback on this tour, not another problem', { say: "they replied, no seats left. i'd rather go another day if there is one", problem: 'tour_cancelled_by_operator', pending: { kind: 'step', stepId: 'contact_operator' }, act: 'feedback' }],
      ['"I don\'t have it" for a file reference not given yet', { say: 'ok. no file number yet, still queuing', problem: 'baggage_lost_delayed', pending: { kind: 'fact', name: 'fileReference' }, act: 'answer', notDecision: 'rephrase' }],
    ]);
  });

  describe('outside any walkthrough', () => {
    check([
      ['a report, not a "no"', { say: 'no confirmation whatsoever for my car hire in malaga', notDecision: 'system', notAct: 'answer' }],
      ['a "no" that opens a longer answer', { say: 'no thats not the right booking at all', problem: 'wrong_details_entered', pending: { kind: 'confirm' }, known: { bookingReference: 'WL-H590144' }, decision: { kind: 'change' } }],
      ['a request to change their own booking, named by a choice of its playbook', { say: 'my friend wants to come along sunday, can i add a third person to WL-T402577?', act: 'problem_report', decision: { kind: 'start_problem', problemId: 'change_or_cancel_booking' } as Partial<Decision> }],
      ['a request to move the dates of their own booking', { say: 'can you move WL-H590144 to the 20th-23rd instead?', act: 'problem_report', decision: { kind: 'start_problem', problemId: 'change_or_cancel_booking' } as Partial<Decision> }],
      ['a question for an answer, not a change, however close the words', { say: 'WL-H590144: what time can i check in at the earliest?', notDecision: 'start_problem' }],
      ['a hypothetical, not a request', { say: 'say I cancel WL-H590144 tomorrow, would I get all my money back?', notDecision: 'start_problem' }],
      ['not a request for a person when the traveller refuses one', { say: 'i dont want to talk to anyone, i just want my 138 euros back', notAct: 'request_person' }],
    ]);
  });

  describe('with a person offered and a fact asked after it', () => {
    const rows: Array<[string, string, Decision['kind'] | undefined]> = [
      ['the person offered, accepted', 'yes please, a person', 'offer_answer'],
      ['the person offered, accepted in other words', 'yeah connect me to someone', 'offer_answer'],
      ['not an answer to the offer', 'terminal 1, by the pharmacy', 'facts'],
    ];
    for (const [what, say, kind] of rows) {
      it(`should read ${JSON.stringify(say)} as ${what}`, () => {
        const { kb, nlu } = reader;
        const reading = readMessage(say, nlu, context());
        const problem = kb.problems.find((p) => p.id === 'transfer_driver_no_show')!;
        const got = interpret(reading, { pending: { kind: 'fact', name: 'pickupPoint' }, offer: 'high_stakes', offerLast: false, problem, known: {}, memory: remember(emptyMemory(), reading) }, kb, nlu);
        expect(got.decision.kind).to.equal(kind);
        if (kind === 'offer_answer') expect(got.decision).to.deep.include({ accept: true });
      });
    }
  });

  describe('while a person has the case', () => {
    const person: Pending = { kind: 'person', status: 'queued' };
    check([
      ['where the case stands', { say: 'k how long', pending: person, act: 'command', decision: { kind: 'system', name: 'status' } as Partial<Decision> }],
      ['a question answered by the bot', { say: 'how long does a refund usually take to reach my card?', pending: person, act: 'question', decision: { kind: 'answer_faq' } }],
      ['a message for the person', { say: 'the receptionist says they can give us a room at 6pm', pending: person, decision: { kind: 'relay' } }],
    ]);
  });

  describe('after a resolution', () => {
    const resolved = { lastResolved: { caseId: 'case-1', problemId: 'locked_out', turn: 5 }, turn: 6 };
    check([
      ['the fix that did not hold', { say: 'it didnt work after all, the code stopped working this morning', memory: resolved, act: 'feedback', decision: { kind: 'came_back', caseId: 'case-1' } }],
      ['the same problem back, said as a failure', { say: 'locked out again, the keypad code is refused', memory: resolved, decision: { kind: 'came_back', caseId: 'case-1' } }],
      ['a new report once the resolution is long past', { say: 'it didnt work after all, the code stopped working this morning', memory: { ...resolved, turn: 20 }, notDecision: 'came_back' }],
      ['feedback on the answer given since, not on the resolution', { say: "that didn't work", memory: { ...resolved, turn: 8, lastAnswer: { faqId: 'refund-timeline', text: 'how long does a refund take', turn: 7 } }, decision: { kind: 'faq_failed', faqId: 'refund-timeline' } }],
      ['thanks: the fix held', { say: 'he just called!! he was at the other exit. found him, thanks', memory: resolved, act: 'small_talk', decision: { kind: 'system', name: 'thanks' } as Partial<Decision> }],
      ['a question, not a relapse', { say: 'how do i rate the help i got?', memory: resolved, notDecision: 'came_back' }],
    ]);
  });
});
