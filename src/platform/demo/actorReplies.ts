import type { ActorKind, Booking, BookingActor } from '../ports';

/** How fast each kind of actor usually answers, as the demo tells the traveller. */
export const DEMO_REPLY_TIMES: Record<ActorKind, string> = {
  hotel: 'within 2 hours (the front desk answers the phone at once)',
  host: 'within a few hours during the day',
  airline: 'within 1-4 hours through our airline desk',
  driver: 'within minutes around pick-up time',
  guide: 'within an hour on the day of the tour',
  tour_operator: 'within 24 hours',
  payment_provider: 'within 1 working day',
  car_rental: 'at once during the desk’s opening hours',
};

function dates(b: Booking): string {
  return b.endDate ? `${b.startDate} to ${b.endDate}` : b.startDate;
}

/**
 * The demo actor's answer to a message about a booking: plausible, specific to the booking, and
 * helpful, so a walkthrough of "send it for me" then "read their reply" shows something real.
 */
export function demoReply(booking: Booking, actor: BookingActor): string {
  const guest = booking.travellerNames[0] ?? 'the guest';
  const d = booking.details ?? {};
  switch (actor.kind) {
    case 'hotel':
      return `Hello, this is ${actor.name} reservations. We found booking ${booking.reference} for ${guest} (${dates(booking)}): it was in our channel-manager arrivals list, not yet assigned to a room. The front desk has it now and the room is ready. Apologies for the wait.`;
    case 'host':
      return `Hi, ${actor.name} here, so sorry for the slow reply! Everything is ready for ${guest} on ${booking.startDate}. ${d.checkIn ? `Check-in: ${d.checkIn}.` : ''} You can also call me on ${actor.phone ?? 'the number in My trips'}.`.replace(/\s+/g, ' ').trim();
    case 'airline':
      return `${actor.name} rebooking desk: request received for airline booking ${d.airlineBookingCode ?? booking.reference}. We have protected a seat for ${guest} on the next available flight on the same route; it shows in Manage booking within 30 minutes. Meal and hotel vouchers apply if you wait overnight.`;
    case 'driver':
      return `Hello ${guest}, this is ${actor.name}. I'm waiting at ${d.pickupPoint ?? 'the pick-up point'} with a Wanderly sign showing your name. If you can't see me, call me on ${actor.phone ?? 'the number on your voucher'}.`;
    case 'guide':
      return `Hi ${guest}, ${actor.name} here. I can wait a few minutes at ${d.meetingPoint ?? 'the meeting point'}; call me on ${actor.phone ?? 'my number'} if you're running late.`;
    case 'tour_operator':
      return `${actor.name}: we're sorry about booking ${booking.reference}. We can move you to another date this week at no cost, or Wanderly refunds you in full; just tell us which you prefer.`;
    case 'payment_provider':
      return `${actor.name}: for booking ${booking.reference} we see one captured payment of ${booking.totalAmount} ${booking.currency}. Any second amount is an authorisation that has now been voided; your bank releases it within 3-7 days.`;
    case 'car_rental':
      return `${actor.name}: we have reservation ${d.supplierConfirmation ?? booking.reference} for ${guest} from ${booking.startDate}. The car is held at the desk; bring your licence, passport and the card used to book.`;
  }
}
