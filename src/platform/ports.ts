/*
 * The travel platform as Rebound sees it (strategy S3 and the booking facts behind S6 and remedies).
 * Framework-free: adapters live in ./demo (sample bookings in the embedded store) and ./http (a real
 * platform's API). Expected outcomes are unions; an unreachable or failing platform throws
 * AppError('PLATFORM_UNAVAILABLE'), which the dialogs turn into "I can't reach the booking system".
 */
import type { ACTOR_KINDS, PRODUCTS } from '../knowledge/schema';

/** A kind of actor on a booking (the knowledge base's actor kinds). */
export type ActorKind = (typeof ACTOR_KINDS)[number];
/** A product line (the knowledge base's products). */
export type Product = (typeof PRODUCTS)[number];

/** Someone on a booking the traveller may need to reach: the hotel, host, airline, driver... */
export interface BookingActor {
  kind: ActorKind;
  name: string;
  phone?: string;
  email?: string;
  /** Named links, e.g. airline { status, manageBooking, baggage }; each a full URL. */
  links?: Record<string, string>;
}

/** A booking as the platform holds it. Dates are ISO (YYYY-MM-DD); amounts in `currency`. */
export interface Booking {
  reference: string;
  product: Product;
  status: 'confirmed' | 'pending' | 'cancelled' | 'completed';
  /** What was booked, in a few words ("Hôtel Lumière Opéra, 2 nights"). */
  title: string;
  travellerNames: string[];
  email: string;
  bookedOn: string;
  startDate: string;
  endDate?: string;
  totalAmount: number;
  currency: string;
  actors: BookingActor[];
  /** Product details (flightNumber, airlineBookingCode, pickupPoint...). */
  details?: Record<string, string>;
}

/** The answer to a lookup by reference: the booking, or not found with the nearest existing references. */
export type BookingLookup = { found: true; booking: Booking } | { found: false; didYouMean: string[] };

/** A message between the traveller's side (sent by Rebound on their behalf) and an actor. */
export interface ActorMessage {
  id: string;
  bookingReference: string;
  actorKind: ActorKind;
  /** 'traveller': sent on the traveller's behalf; 'actor': the actor's reply. */
  from: 'traveller' | 'actor';
  text: string;
  /** ISO time. */
  at: string;
}

/** What sending a message returned. */
export interface SentMessage {
  message: ActorMessage;
  /** When the actor usually answers, in words, if the platform knows. */
  expectedReply?: string;
}

/** A cancellation or refund request and where it stands. */
export interface PlatformRequest {
  id: string;
  bookingReference: string;
  kind: 'cancellation' | 'refund';
  status: 'submitted' | 'approved' | 'rejected' | 'completed';
  amount?: { value: number; currency: string };
  /** ISO time. */
  at: string;
  /** What the platform said about it, in words. */
  note?: string;
}

/** What a cancellation or refund request carries. */
export interface PlatformRequestInput {
  kind: PlatformRequest['kind'];
  reason: string;
  /** For a refund: the amount asked (absent: what the platform's rules allow). */
  amount?: { value: number; currency: string };
}

/** The platform, as the recovery needs it. Every method may throw AppError('PLATFORM_UNAVAILABLE'). */
/** A Microsoft Entra ID account, as Teams names its user: the object id, in its tenant. */
export interface DirectoryAccount {
  aadObjectId: string;
  tenantId?: string;
}

export interface PlatformGateway {
  /** The booking with this reference (normalised, e.g. WL-H482913). */
  findBooking(reference: string): Promise<BookingLookup>;
  /** Bookings made with this e-mail address, on `date` (booked on or travelling on) when given; newest first. */
  findBookingsByEmail(email: string, date?: string): Promise<Booking[]>;
  /**
   * The bookings of a signed-in platform user (the id the platform vouched for in its signed assertion), newest
   * first: the bookings this traveller needs no proof for. An unknown user has none.
   */
  bookingsOfUser(userId: string): Promise<Booking[]>;
  /**
   * The platform user behind a Microsoft Entra ID account (a Teams user whose channel token was checked):
   * undefined when the platform does not know that account.
   */
  userOfDirectoryAccount(account: DirectoryAccount): Promise<string | undefined>;
  /** Sends a message to an actor on the booking, on the traveller's behalf (only after they confirmed it). */
  sendMessage(reference: string, actorKind: ActorKind, text: string): Promise<SentMessage>;
  /** The actor's replies on this booking, oldest first; `after` (ISO time) keeps only newer ones. */
  readReplies(reference: string, actorKind: ActorKind, after?: string): Promise<ActorMessage[]>;
  /** Asks the platform to cancel or refund the booking. */
  requestChange(reference: string, request: PlatformRequestInput): Promise<PlatformRequest>;
}

/** Where the demo adapter keeps its sample bookings, messages and requests (a `bookings` table). */
export interface BookingStore {
  /** One record, or null. */
  get(reference: string): Promise<BookingRecord | null>;
  /** Every record (the demo holds a handful). */
  list(): Promise<BookingRecord[]>;
  /** Inserts the records that do not exist yet; returns how many were inserted. */
  seed(records: BookingRecord[]): Promise<number>;
  /** Reads, changes and writes one record atomically; null when it does not exist. */
  update(reference: string, change: (record: BookingRecord) => BookingRecord): Promise<BookingRecord | null>;
}

/** A booking with what happened on it (demo adapter). */
export interface BookingRecord {
  booking: Booking;
  messages: ActorMessage[];
  requests: PlatformRequest[];
}
