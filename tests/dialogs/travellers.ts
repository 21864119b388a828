import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import type { Problem } from '../../src/knowledge/schema';
import { dateExpectationFor } from '../../src/recovery';
import { buttonsOf, cardText, textOf, type Conversation } from './harness';

/*
 * What a traveller answers for each starter problem, on the demo platform's sample bookings (the clock
 * of the harness is 2026-03-02). Facts not listed get a value by kind.
 */
export const ANSWERS: Record<string, Record<string, string>> = {
  baggage_lost_delayed: { bookingReference: 'WL-F550190', flightNumber: 'LH400', fileReference: 'JFKLH12345' },
  booking_not_found: { email: 'anna.schmidt@gmail.com', bookingReference: 'WL-H482913', chargeAmount: '386.00 EUR' },
  cannot_log_in: { email: 'anna.schmidt@gmail.com' },
  change_or_cancel_booking: { bookingReference: 'WL-H590144' },
  double_charge: { bookingReference: 'WL-H482913', chargeAmount: '386.00 EUR', chargeCurrency: 'EUR' },
  flight_changed_cancelled: { bookingReference: 'WL-F205847', flightNumber: 'AF1234' },
  host_not_responding: { bookingReference: 'WL-H731502', guestName: 'Lena Novak' },
  hotel_no_reservation: { bookingReference: 'WL-H482913', guestName: 'Anna Schmidt' },
  missed_connection: { bookingReference: 'WL-F318622', flightNumber: 'KL1692', currentAirport: 'Amsterdam Schiphol' },
  payment_declined: { paymentAmount: '250.00 EUR', paymentCurrency: 'EUR', errorMessage: 'Payment refused' },
  promo_code_refused: { promoCode: 'SPRING15', bookingTotal: '1196.00 USD', bookingReference: 'WL-H263871' },
  refund_not_received: { bookingReference: 'WL-H590144', refundAmount: '642.00 GBP' },
  tour_cancelled_by_operator: { bookingReference: 'WL-T660318' },
  transfer_driver_no_show: { bookingReference: 'WL-X119274', guestName: 'Lena Novak', pickupPoint: 'Arrivals hall, Terminal 1' },
  visa_entry_documents: { nationality: 'Indian', destination: 'United Kingdom', bookingReference: 'WL-F772013' },
  wrong_details_entered: { bookingReference: 'WL-H263871', correctValue: 'Maria García' },
  cancel_illness_disaster: { bookingReference: 'WL-H590144' },
  car_hire_problem: { bookingReference: 'WL-C845061', chargeAmount: '120.00 EUR' },
  cot_extra_bed_missing: { bookingReference: 'WL-H482913' },
  flight_delay_claim: { bookingReference: 'WL-F550190', flightNumber: 'LH400' },
  formal_complaint: { bookingReference: 'WL-H590144', wantedOutcome: 'An apology and a partial refund' },
  left_item_behind: { bookingReference: 'WL-H482913', itemDescription: 'A black phone charger', whereLeft: 'Room 204' },
  locked_out: { bookingReference: 'WL-H731502' },
  lost_passport_abroad: { nationality: 'German', currentPlace: 'Lisbon', bookingReference: 'WL-F318622' },
  medical_emergency_abroad: { currentPlace: 'Lisbon', bookingReference: 'WL-H731502' },
  property_extra_charge: { bookingReference: 'WL-H482913', chargeAmount: '45.00 EUR' },
  ticket_not_issued_price_changed: { bookingReference: 'WL-F772013', chargeAmount: '498.00 GBP' },
  unsafe_accommodation: { bookingReference: 'WL-H731502' },
};

const BY_KIND: Record<string, (name: string) => string> = {
  date: (name) => (dateExpectationFor(name) === 'past' ? '2026-02-20' : '2026-03-20'),
  dateRange: () => '2026-03-20 to 2026-03-22',
  phone: () => '+44 20 7946 0958',
  amount: () => '120 EUR',
  currency: () => 'EUR',
  text: () => 'As on my confirmation',
  email: () => 'anna.schmidt@gmail.com',
};

/** The answer to a fact of a problem. */
export function answerFor(problem: Problem, name: string): string {
  const spec = problem.facts.find((f) => f.name === name)!;
  const given = ANSWERS[problem.id]?.[name];
  if (given) return given;
  if (spec.kind === 'choice') return spec.choices![0];
  const byKind = BY_KIND[spec.kind];
  if (!byKind) throw new Error(`no test answer for ${problem.id}.${name} (${spec.kind})`);
  return byKind(name);
}

type Replies = Array<Partial<Activity>>;

/** The reply whose text or card shows `needle`, or a failed assertion listing what the bot said. */
export function replyShowing(replies: Replies, needle: string | RegExp): Partial<Activity> {
  const found = replies.find((r) => (typeof needle === 'string' ? cardText(r).includes(needle) : needle.test(cardText(r))));
  expect(found, `expected a reply showing ${String(needle)}; the bot said:\n${replies.map(textOf).join('\n---\n')}`).to.not.equal(undefined);
  return found!;
}

/** Presses the button titled `title` on the reply. */
export function pressButton(conversation: Conversation, reply: Partial<Activity>, title: string | RegExp): Promise<Replies> {
  const button = buttonsOf(reply).find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
  expect(button, `no button ${String(title)} among ${buttonsOf(reply).map((b) => b.title).join(', ')}`).to.not.equal(undefined);
  return conversation.press(button!.data);
}

/** The reply that asks "is this right?" about the facts (its "Yes, that's right" button), if any. */
export function confirmation(replies: Replies): Partial<Activity> | undefined {
  return replies.find((r) => buttonsOf(r).some((b) => b.title === "Yes, that's right"));
}

/** The fact of the problem a reply asks for (its prompt shown), if any. */
export function askedFact(problem: Problem, replies: Replies): string | undefined {
  return problem.facts.find((f) => replies.some((r) => cardText(r).includes(f.prompt)))?.name;
}

/**
 * Starts the problem (as the router's "did you mean" button would), answers each fact the bot asks (the
 * booking fills the rest) and confirms the one-line summary; returns the replies that follow the
 * confirmation (the first step, or the generic wished-outcome question) and everything said on the way.
 */
export async function throughFacts(conversation: Conversation, problem: Problem): Promise<{ replies: Replies; all: Replies }> {
  const all: Replies = [];
  let replies = await conversation.press({ rebound: 'choose', target: `problem:${problem.id}` });
  all.push(...replies);
  const answered = new Set<string>();
  for (let n = 0; n <= problem.facts.length && !confirmation(replies); n += 1) {
    const name = askedFact(problem, replies);
    expect(name, `the bot asks a fact of ${problem.id} or confirms them; it said:\n${replies.map(textOf).join('\n---\n')}`).to.not.equal(undefined);
    expect(answered.has(name!), `${name} asked twice`).to.equal(false);
    answered.add(name!);
    replies = await conversation.say(answerFor(problem, name!));
    all.push(...replies);
  }
  const summary = confirmation(replies);
  expect(summary, `a confirmation of the facts; the bot said:\n${replies.map(textOf).join('\n---\n')}`).to.not.equal(undefined);
  replies = await pressButton(conversation, summary!, "Yes, that's right");
  all.push(...replies);
  return { replies, all };
}
