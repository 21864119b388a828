import type { BookingContext } from '../recovery/types';
import type { Booking } from './ports';

/**
 * What the recovery needs to know about a platform booking: the names on it (S6 name check), its
 * currency and value (currency check, remedy limits), its actors (S3 contacts; {hotelName},
 * {airlineManageBookingUrl}... placeholders) and its product details as further placeholder values.
 */
export function bookingContextOf(booking: Booking): BookingContext {
  return {
    reference: booking.reference,
    travellerNames: booking.travellerNames,
    currency: booking.currency,
    totalAmount: booking.totalAmount,
    product: booking.product,
    contacts: booking.actors.map((a) => ({ kind: a.kind, name: a.name, ...(a.phone ? { phone: a.phone } : {}), ...(a.email ? { email: a.email } : {}), ...(a.links ? { links: a.links } : {}) })),
    values: {
      bookingTitle: booking.title,
      bookingStatus: booking.status,
      bookingStart: booking.startDate,
      bookedOn: booking.bookedOn,
      travellerEmail: booking.email,
      ...(booking.endDate ? { bookingEnd: booking.endDate } : {}),
      ...booking.details,
    },
  };
}
