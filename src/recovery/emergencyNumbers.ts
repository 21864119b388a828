import type { Escalation } from '../knowledge/schema';
import type { BookingContext } from './types';

/** The country a traveller is in, or going to, for a booking: its destination (arrival country for a flight). */
export function destinationCountry(booking: BookingContext | undefined): string | undefined {
  const v = booking?.values ?? {};
  const code = v.arrivalCountry ?? v.country;
  return code && /^[a-z]{2}$/i.test(code) ? code.toUpperCase() : undefined;
}

/** What {emergencyNumber} says: the destination's number from the escalation rules, or what to say when it is unknown. */
export function emergencyNumberFor(rules: Pick<Escalation, 'emergencyNumbers'>, booking: BookingContext | undefined): string | undefined {
  const numbers = rules.emergencyNumbers;
  if (!numbers) return undefined;
  const country = destinationCountry(booking);
  return (country && numbers.byCountry[country]) || numbers.unknown;
}
