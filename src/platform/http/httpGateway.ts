import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type {
  ActorKind, ActorMessage, Booking, BookingLookup, DirectoryAccount, PlatformGateway, PlatformRequest, PlatformRequestInput, SentMessage,
} from '../ports';
import { bookingListSchema, bookingSchema, directoryUserSchema, messageListSchema, notFoundSchema, requestSchema, sentSchema } from './schemas';

/** Settings of the HTTP adapter (PLATFORM_API_URL, PLATFORM_API_KEY). */
export interface HttpPlatformOptions {
  baseUrl: string;
  apiKey: string;
  /** Each request fails after this long (default 5 s): a slow platform must not hold the traveller's turn. */
  timeoutMs?: number;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

type Answer = { status: number; body: unknown };

/**
 * A real platform's API, as docs/platform.md describes it: JSON over HTTPS with a bearer key. A timeout,
 * a network error, a 5xx, a refused key or an unreadable body become AppError('PLATFORM_UNAVAILABLE');
 * a 400/422 becomes VALIDATION_FAILED and a 404 on a booking's sub-resource NOT_FOUND.
 */
export class HttpPlatformGateway implements PlatformGateway {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: HttpPlatformOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetcher = options.fetch ?? fetch;
  }

  /** GET /bookings/{reference}: 200 a booking, 404 `{ didYouMean? }`. */
  async findBooking(reference: string): Promise<BookingLookup> {
    const answer = await this.call('GET', `/bookings/${encodeURIComponent(reference)}`, undefined, [200, 404]);
    if (answer.status === 404) return { found: false, didYouMean: this.parse(notFoundSchema, answer.body ?? {}, 'not-found body').didYouMean ?? [] };
    return { found: true, booking: this.parse(bookingSchema, answer.body, 'booking') };
  }

  /** GET /bookings?email=&date=: `{ bookings }`. */
  async findBookingsByEmail(email: string, date?: string): Promise<Booking[]> {
    const query = new URLSearchParams({ email, ...(date ? { date } : {}) });
    const answer = await this.call('GET', `/bookings?${query.toString()}`);
    return this.parse(bookingListSchema, answer.body, 'booking list').bookings;
  }

  /** GET /bookings?user=: `{ bookings }` of the signed-in user (in the query, so logs never carry it). */
  async bookingsOfUser(userId: string): Promise<Booking[]> {
    const answer = await this.call('GET', `/bookings?${new URLSearchParams({ user: userId }).toString()}`);
    return this.parse(bookingListSchema, answer.body, 'booking list').bookings;
  }

  /** GET /users?entraObjectId=&tenantId=: `{ userId }`, or 404 for an account the platform does not know. */
  async userOfDirectoryAccount(account: DirectoryAccount): Promise<string | undefined> {
    const query = new URLSearchParams({ entraObjectId: account.aadObjectId, ...(account.tenantId ? { tenantId: account.tenantId } : {}) });
    const answer = await this.call('GET', `/users?${query.toString()}`, undefined, [200, 404]);
    return answer.status === 200 ? this.parse(directoryUserSchema, answer.body, 'directory user').userId : undefined;
  }

  /** POST /bookings/{reference}/messages `{ actorKind, text }`: `{ message, expectedReply? }`. */
  async sendMessage(reference: string, actorKind: ActorKind, text: string): Promise<SentMessage> {
    const answer = await this.call('POST', `/bookings/${encodeURIComponent(reference)}/messages`, { actorKind, text });
    return this.parse(sentSchema, answer.body, 'sent message');
  }

  /** GET /bookings/{reference}/messages?actorKind=&from=actor&after=: `{ messages }`. */
  async readReplies(reference: string, actorKind: ActorKind, after?: string): Promise<ActorMessage[]> {
    const query = new URLSearchParams({ actorKind, from: 'actor', ...(after ? { after } : {}) });
    const answer = await this.call('GET', `/bookings/${encodeURIComponent(reference)}/messages?${query.toString()}`);
    return this.parse(messageListSchema, answer.body, 'message list').messages.filter((m) => m.from === 'actor');
  }

  /** POST /bookings/{reference}/requests `{ kind, reason, amount? }`: the request. */
  async requestChange(reference: string, input: PlatformRequestInput): Promise<PlatformRequest> {
    const answer = await this.call('POST', `/bookings/${encodeURIComponent(reference)}/requests`, input);
    return this.parse(requestSchema, answer.body, 'request');
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, accept: number[] = [200, 201]): Promise<Answer> {
    let res: Response;
    try {
      res = await this.fetcher(`${this.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new AppError('PLATFORM_UNAVAILABLE', timedOut ? `The platform did not answer within ${this.timeoutMs} ms.` : 'The platform cannot be reached.', { method, path: route(path) }, { cause: err });
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      if (accept.includes(res.status)) throw new AppError('PLATFORM_UNAVAILABLE', 'The platform answered with something that is not JSON.', { method, path: route(path), status: res.status });
    }
    if (accept.includes(res.status)) return { status: res.status, body: parsed };
    const details = { method, path: route(path), status: res.status };
    if (res.status === 404) throw new AppError('NOT_FOUND', 'The platform does not know that booking.', details);
    if (res.status === 400 || res.status === 422) throw new AppError('VALIDATION_FAILED', 'The platform refused the request.', { ...details, body: parsed });
    const why = res.status === 401 || res.status === 403 ? 'refused PLATFORM_API_KEY' : `answered ${res.status}`;
    throw new AppError('PLATFORM_UNAVAILABLE', `The platform ${why}.`, details);
  }

  private parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      throw new AppError('PLATFORM_UNAVAILABLE', `The platform sent a ${what} Rebound cannot read.`, { problems });
    }
    return parsed.data;
  }
}

/** The path without its query (which may hold an e-mail address): safe for logs. */
function route(path: string): string {
  return path.split('?')[0];
}
