import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import { DamerauLevenshteinDistance } from '../../nlu/natural';
import type {
  ActorKind, ActorMessage, Booking, BookingLookup, BookingRecord, BookingStore, DirectoryAccount, PlatformGateway, PlatformRequest, PlatformRequestInput, SentMessage,
} from '../ports';
import { demoReply, DEMO_REPLY_TIMES } from './actorReplies';
import { DEMO_DIRECTORY, sampleBookings } from './sampleBookings';

/** A reference this many edits from an existing one is offered as "did you mean ...?". */
const NEAR_EDITS = 2;

function onDate(b: Booking, date: string): boolean {
  return b.bookedOn === date || b.startDate === date || (!!b.endDate && b.startDate <= date && date <= b.endDate);
}

/**
 * The demo platform: sample bookings in the embedded store (the `bookings` table), so the quick start and
 * the tests walk every problem with real booking data. Actors answer at once with a plausible reply.
 */
export class DemoPlatformGateway implements PlatformGateway {
  constructor(
    private readonly store: BookingStore,
    private readonly clock: Clock,
  ) {}

  /** Seeds the sample bookings on first start (an empty table); returns how many were added. */
  async seedIfEmpty(): Promise<number> {
    if ((await this.store.list()).length > 0) return 0;
    return this.store.seed(sampleBookings(this.clock.now()).map((booking) => ({ booking, messages: [], requests: [] })));
  }

  /** The booking, or the references one or two edits away. */
  async findBooking(reference: string): Promise<BookingLookup> {
    const wanted = reference.trim().toUpperCase();
    const record = await this.store.get(wanted);
    if (record) return { found: true, booking: record.booking };
    const near = (await this.store.list())
      .map((r) => ({ ref: r.booking.reference, d: DamerauLevenshteinDistance(wanted, r.booking.reference, { restricted: true }) }))
      .filter((c) => c.d <= NEAR_EDITS)
      .sort((a, b) => a.d - b.d || a.ref.localeCompare(b.ref));
    return { found: false, didYouMean: near.map((c) => c.ref) };
  }

  /** Bookings made with the e-mail (case-insensitive), on the date when given; newest first. */
  async findBookingsByEmail(email: string, date?: string): Promise<Booking[]> {
    const wanted = email.trim().toLowerCase();
    return (await this.store.list())
      .map((r) => r.booking)
      .filter((b) => b.email.toLowerCase() === wanted && (!date || onDate(b, date)))
      .sort((a, b) => b.bookedOn.localeCompare(a.bookedOn));
  }

  /** The demo's user ids are its travellers' e-mail addresses: the bookings made with it, newest first. */
  async bookingsOfUser(userId: string): Promise<Booking[]> {
    return userId.includes('@') ? this.findBookingsByEmail(userId) : [];
  }

  /** The demo's directory: each sample traveller has one Entra object id (DEMO_DIRECTORY), in any tenant. */
  async userOfDirectoryAccount(account: DirectoryAccount): Promise<string | undefined> {
    return DEMO_DIRECTORY[account.aadObjectId.toLowerCase()];
  }

  /** Stores the message and the actor's demo reply. */
  async sendMessage(reference: string, actorKind: ActorKind, text: string): Promise<SentMessage> {
    const at = this.clock.now().toISOString();
    const message: ActorMessage = { id: `MSG-${randomUUID().slice(0, 8)}`, bookingReference: reference, actorKind, from: 'traveller', text, at };
    await this.change(reference, (r) => {
      const actor = r.booking.actors.find((a) => a.kind === actorKind);
      if (!actor) throw new AppError('NOT_FOUND', `Booking ${reference} has no ${actorKind}.`, { reference, actorKind });
      const reply: ActorMessage = { id: `MSG-${randomUUID().slice(0, 8)}`, bookingReference: reference, actorKind, from: 'actor', text: demoReply(r.booking, actor), at };
      return { ...r, messages: [...r.messages, message, reply] };
    });
    return { message, expectedReply: DEMO_REPLY_TIMES[actorKind] };
  }

  /** The actor's replies, oldest first. */
  async readReplies(reference: string, actorKind: ActorKind, after?: string): Promise<ActorMessage[]> {
    const record = await this.store.get(reference);
    if (!record) throw new AppError('NOT_FOUND', `No booking ${reference}.`, { reference });
    return record.messages.filter((m) => m.from === 'actor' && m.actorKind === actorKind && (!after || m.at >= after));
  }

  /** A cancellation before the start is approved at once; anything else is submitted for review. */
  async requestChange(reference: string, input: PlatformRequestInput): Promise<PlatformRequest> {
    const now = this.clock.now();
    let made: PlatformRequest | undefined;
    await this.change(reference, (r) => {
      const b = r.booking;
      const amount = input.amount ?? { value: b.totalAmount, currency: b.currency };
      const early = b.startDate > now.toISOString().slice(0, 10) && b.status === 'confirmed';
      const base = { id: `REQ-${randomUUID().slice(0, 8).toUpperCase()}`, bookingReference: b.reference, kind: input.kind, amount, at: now.toISOString() };
      made =
        input.kind === 'cancellation' && early
          ? { ...base, status: 'approved', note: `Cancelled. ${amount.value} ${amount.currency} goes back to the original payment method within 5-10 working days.` }
          : { ...base, status: 'submitted', note: input.kind === 'refund' ? 'Our payments team checks it within 1 working day, then the refund goes back to the original payment method.' : 'The provider reviews it within 24 hours.' };
      const booking: Booking = made.status === 'approved' ? { ...b, status: 'cancelled' } : b;
      return { ...r, booking, requests: [...r.requests, made] };
    });
    return made!;
  }

  private async change(reference: string, fn: (r: BookingRecord) => BookingRecord): Promise<void> {
    const updated = await this.store.update(reference, fn);
    if (!updated) throw new AppError('NOT_FOUND', `No booking ${reference}.`, { reference });
  }
}
