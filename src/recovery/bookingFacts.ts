import type { FactSpec, Problem } from '../knowledge/schema';
import type { BookingContext } from './types';

/** A booking's value for a fact's `fromBooking` key, or undefined when the booking does not say. */
export function bookingValueFor(key: NonNullable<FactSpec['fromBooking']>, booking: BookingContext): string | undefined {
  const v = booking.values ?? {};
  switch (key) {
    case 'travellerName':
      return booking.travellerNames?.[0];
    case 'email':
      return v.travellerEmail;
    case 'bookedOn':
      return v.bookedOn;
    case 'startDate':
      return v.bookingStart;
    case 'endDate':
      return v.bookingEnd;
    case 'dates':
      return v.bookingStart && v.bookingEnd ? `${v.bookingStart}/${v.bookingEnd}` : undefined;
    case 'totalAmount':
      return booking.totalAmount !== undefined && booking.currency ? `${booking.totalAmount.toFixed(2)} ${booking.currency}` : undefined;
    case 'currency':
      return booking.currency;
    case 'product':
      return booking.product;
    case 'ticketType':
      // One booking with a connection is one ticket: the airline must rebook a missed connection.
      return v.ticketType ?? (v.connectingFlight ? 'one ticket' : undefined);
    default:
      return v[key];
  }
}

/** The choice a booking's value stands for: the label itself, or the one label that starts with it ("weather"). */
export function choiceFromValue(choices: readonly string[], value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const exact = choices.find((c) => c.toLowerCase() === v);
  if (exact) return exact;
  const starting = choices.filter((c) => c.toLowerCase().startsWith(v));
  return starting.length === 1 ? starting[0] : undefined;
}

/** The facts of a problem the booking holds (each fact's `fromBooking`), as raw values for the S6 checks. */
export function factsFromBooking(problem: Problem, booking: BookingContext): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const spec of problem.facts) {
    if (!spec.fromBooking) continue;
    const raw = bookingValueFor(spec.fromBooking, booking);
    if (raw === undefined || raw === '') continue;
    const value = spec.kind === 'choice' ? choiceFromValue(spec.choices ?? [], raw) : raw;
    if (value !== undefined) out.push({ name: spec.name, value });
  }
  return out;
}
