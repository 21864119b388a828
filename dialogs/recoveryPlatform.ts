import { ActivityTypes, type TurnContext } from 'botbuilder';
import { isAppError } from '../src/shared/errors';
import { bookingContextOf } from '../src/platform/bookingContext';
import type { ActorKind, PlatformRequestInput } from '../src/platform/ports';
import {
  referencesToLookUp, verificationOf, verifiedFor, withBookingLookup, withCandidates, type OwnBooking, type BookingLookupResult, type OfferedRemedy, type RecoveryAction, type RecoveryInput, type RecoverySession, type StepDetail,
} from '../src/recovery';
import type { RecoveryServices } from './services';
import { anyReplyCard } from '../bot/recoveryCards';

/** A message sent to an actor for the traveller: where to look for the reply. */
export interface SentRecord {
  reference: string;
  actorKind: ActorKind;
  actorName: string;
  at: string;
}

const UNREACHABLE = "I can't reach the booking system right now, so I'll carry on without it; nothing you told me is lost.";

/**
 * The recovery's I/O with the travel platform (the engine stays pure): looks references up before the
 * S6 check, sends a drafted message on the traveller's press, reads the actor's reply, and requests a
 * cancellation or refund. A platform that fails never ends the walkthrough: the traveller is told, and
 * the recovery goes on without the booking data.
 */
export class RecoveryPlatform {
  constructor(private readonly services: RecoveryServices) {}

  /** What the platform says about each reference (read-only); stops at the first failure to reach it. */
  async lookUpReferences(context: TurnContext, references: readonly string[]): Promise<BookingLookupResult[]> {
    const out: BookingLookupResult[] = [];
    for (const reference of references) {
      const found = await this.guard(context, () => this.services.platform.findBooking(reference));
      if (!found) break;
      out.push(found.found ? { reference, found: true, booking: bookingContextOf(found.booking) } : { reference, found: false, didYouMean: found.didYouMean });
    }
    return out;
  }

  /** The session with what the platform says about each reference this input would settle. */
  async lookUp(context: TurnContext, session: RecoverySession, input: RecoveryInput): Promise<RecoverySession> {
    const lookups = await this.lookUpReferences(context, referencesToLookUp(this.services.knowledge(), session, input));
    return lookups.reduce((s, l) => withBookingLookup(s, l, this.services.now()), session);
  }

  /** The platform-vouched traveller of this turn and their own bookings; undefined when anonymous (or the platform fails). */
  async vouched(context: TurnContext): Promise<{ userId: string; bookings: OwnBooking[] } | undefined> {
    const trusted = this.services.trusted?.(context);
    // A Teams user whose token was checked is the platform user the platform maps their Entra ID account to.
    const account = trusted?.directoryAccount;
    const userId = trusted?.platformUserId ?? (account ? await this.guard(context, () => this.services.platform.userOfDirectoryAccount(account)) : undefined);
    if (!userId) return undefined;
    const bookings = await this.guard(context, () => this.services.platform.bookingsOfUser(userId));
    return { userId, bookings: (bookings ?? []).map((b) => ({ reference: b.reference, product: b.product, title: b.title })) };
  }

  /**
   * Without a reference: the booking made with the traveller's e-mail on the date they gave. A vouched traveller's
   * own booking is taken at once; otherwise the surname on it is asked first, whether or not there is one (no oracle).
   */
  async findByEmail(context: TurnContext, session: RecoverySession): Promise<RecoverySession> {
    if (session.booking?.reference || verificationOf(session).pending) return session;
    // The alternatives asked for an unknown reference (its e-mail and booking date) come first.
    const alternatives = new Set(session.alternatives ?? []);
    const facts = Object.entries(session.facts).filter(([, f]) => !f.suggestion).sort(([a], [b]) => Number(alternatives.has(b)) - Number(alternatives.has(a))).map(([, f]) => f);
    const email = facts.find((f) => f.kind === 'email')?.value;
    const date = facts.find((f) => f.kind === 'date')?.value;
    const referenceGiven = facts.some((f) => f.kind === 'bookingReference');
    if (!email || !date || referenceGiven) return session;
    const key = `email:${email.toLowerCase()}:${date}`;
    if (verificationOf(session).settled.includes(key)) return session;
    const bookings = await this.guard(context, () => this.services.platform.findBookingsByEmail(email, date));
    if (!bookings) return session;
    const own = bookings.filter((b) => verifiedFor(session, b.reference));
    if (own.length !== 1 && verificationOf(session).vouched) return session;
    if (own.length !== 1) return withCandidates(session, bookings.slice(0, 5).map(bookingContextOf), key, this.services.now());
    const [booking] = own;
    await context.sendActivity(`Good news: I found a booking made with that e-mail address for that date: **${booking.reference}**, ${booking.title} (${booking.status}).`);
    return withBookingLookup(session, { reference: booking.reference, found: true, booking: bookingContextOf(booking) }, this.services.now());
  }

  /** Sends the current step's drafted message (the traveller pressed "Send it for me"), then shows any reply. */
  async send(context: TurnContext, detail: StepDetail | undefined, session: RecoverySession, caseId: string | undefined): Promise<SentRecord | null> {
    if (detail?.kind !== 'contact_actor' || !detail.sendVia || !detail.draft || !detail.contact) {
      await context.sendActivity(`I can't send this one through ${this.services.knowledge().platform.name}, so please send the message above yourself (copy it as it is).`);
      return null;
    }
    const { reference } = detail.sendVia;
    if (!(await this.allowed(context, session, caseId, 'message', reference))) return null;
    const actorKind = detail.contact.kind as ActorKind;
    const sent = await this.guard(context, () => this.services.platform.sendMessage(reference, actorKind, detail.draft!.text));
    if (!sent) return null;
    const when = sent.expectedReply ?? detail.actor.responseTime ?? 'soon';
    await context.sendActivity(`✓ Sent to **${detail.contact.name}** about ${reference}. They usually answer ${lowerFirst(when)}; I'll show you their reply here.`);
    const record: SentRecord = { reference, actorKind, actorName: detail.contact.name, at: sent.message.at };
    await this.showReplies(context, record);
    return record;
  }

  /** Shows the actor's replies since the message was sent, or says none has come yet. */
  async showReplies(context: TurnContext, sent: SentRecord): Promise<void> {
    const replies = await this.guard(context, () => this.services.platform.readReplies(sent.reference, sent.actorKind, sent.at));
    if (!replies) return;
    if (replies.length === 0) {
      await context.sendActivity(anyReplyCard(`No reply from ${sent.actorName} yet. Press the button to check again later.`));
      return;
    }
    for (const reply of replies) await context.sendActivity(`**${sent.actorName}** replied:\n\n> ${reply.text}`);
  }

  /** Requests the cancellation or refund the traveller confirmed; reports the request id and status. */
  async request(context: TurnContext, reference: string | undefined, input: PlatformRequestInput, session: RecoverySession, caseId: string | undefined): Promise<void> {
    if (!reference || !(await this.allowed(context, session, caseId, input.kind, reference))) return;
    const made = await this.guard(context, () => this.services.platform.requestChange(reference, input));
    if (!made) return;
    const what = made.kind === 'cancellation' ? 'cancellation' : 'refund';
    const money = made.amount ? ` of ${made.amount.value} ${made.amount.currency}` : '';
    await context.sendActivity(`I've asked ${this.services.knowledge().platform.name} for the ${what}${money} of ${reference}: request **${made.id}**, status **${made.status}**. ${made.note ?? ''}`.trim());
  }

  /**
   * Whether the traveller is verified for the booking an action is about; the action is recorded on the case with
   * who was verified how. The engine never offers an action on a booking it has not verified: this is the last gate.
   */
  private async allowed(context: TurnContext, session: RecoverySession, caseId: string | undefined, action: string, reference: string): Promise<boolean> {
    const method = verifiedFor(session, reference);
    const userId = verificationOf(session).vouched?.userId;
    if (caseId) await this.services.recordBookingEvent?.(caseId, { action, reference, verifiedBy: method ?? 'not verified', ...(method === 'platform' && userId ? { platformUser: userId } : {}), ...(method ? {} : { refused: true }) });
    if (method) return true;
    this.services.logger.warn({ action }, 'action on an unverified booking refused');
    await context.sendActivity("I can't do that for a booking I haven't been able to confirm is yours.");
    return false;
  }

  /** The refund request an accepted remedy implies (refund kinds only; a voucher or a rebooking is not a platform request). */
  static refundFor(remedy: OfferedRemedy | undefined): PlatformRequestInput | null {
    if (!remedy || (remedy.kind !== 'refund' && remedy.kind !== 'partial_refund')) return null;
    return { kind: 'refund', reason: remedy.label, ...(remedy.maxAmount ? { amount: remedy.maxAmount } : {}) };
  }

  /** The detail of the step the engine shows now (for the draft and the contact). */
  static currentDetail(actions: RecoveryAction[]): StepDetail | undefined {
    return actions.find((a): a is Extract<RecoveryAction, { kind: 'show_step' }> => a.kind === 'show_step')?.detail;
  }

  private async guard<T>(context: TurnContext, call: () => Promise<T>): Promise<T | null> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    try {
      return await call();
    } catch (err) {
      if (!isAppError(err) || (err.code !== 'PLATFORM_UNAVAILABLE' && err.code !== 'NOT_FOUND' && err.code !== 'VALIDATION_FAILED')) throw err;
      this.services.logger.warn({ code: err.code, details: err.details }, 'platform call failed');
      await context.sendActivity(UNREACHABLE);
      return null;
    }
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
