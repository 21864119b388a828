import { z } from 'zod';
import { ACTOR_KINDS, PRODUCTS } from '../../knowledge/schema';

/*
 * What the HTTP adapter accepts from a platform's API (docs/platform.md lists the endpoints). Unknown
 * fields are ignored, so a platform may send more; missing required ones are a PLATFORM_UNAVAILABLE
 * error naming the field, never a half-filled booking.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date (YYYY-MM-DD)').transform((v) => v.slice(0, 10));
const money = z.object({ value: z.number(), currency: z.string().min(3).max(3) });

/** An actor on a booking. */
export const actorSchema = z.object({
  kind: z.enum(ACTOR_KINDS),
  name: z.string().min(1),
  phone: z.string().optional(),
  email: z.string().optional(),
  links: z.record(z.string(), z.url()).optional(),
});

/** A booking. */
export const bookingSchema = z.object({
  reference: z.string().min(1),
  product: z.enum(PRODUCTS),
  status: z.enum(['confirmed', 'pending', 'cancelled', 'completed']),
  title: z.string().min(1),
  travellerNames: z.array(z.string()),
  email: z.string(),
  bookedOn: isoDate,
  startDate: isoDate,
  endDate: isoDate.optional(),
  totalAmount: z.number(),
  currency: z.string().min(3).max(3),
  actors: z.array(actorSchema),
  details: z.record(z.string(), z.string()).optional(),
});

/** A message to or from an actor. */
export const messageSchema = z.object({
  id: z.string().min(1),
  bookingReference: z.string().min(1),
  actorKind: z.enum(ACTOR_KINDS),
  from: z.enum(['traveller', 'actor']),
  text: z.string(),
  at: z.string().min(1),
});

/** GET /bookings/{ref} 404 body. */
export const notFoundSchema = z.object({ didYouMean: z.array(z.string()).optional() }).loose();
/** GET /bookings?email= body. */
export const bookingListSchema = z.object({ bookings: z.array(bookingSchema) });
/** GET /users?entraObjectId= body: the platform user behind a Microsoft Entra ID account. */
export const directoryUserSchema = z.object({ userId: z.string().min(1).max(200) });
/** POST /bookings/{ref}/messages body. */
export const sentSchema = z.object({ message: messageSchema, expectedReply: z.string().optional() });
/** GET /bookings/{ref}/messages body. */
export const messageListSchema = z.object({ messages: z.array(messageSchema) });
/** POST /bookings/{ref}/requests body. */
export const requestSchema = z.object({
  id: z.string().min(1),
  bookingReference: z.string().min(1),
  kind: z.enum(['cancellation', 'refund']),
  status: z.enum(['submitted', 'approved', 'rejected', 'completed']),
  amount: money.optional(),
  at: z.string().min(1),
  note: z.string().optional(),
});
