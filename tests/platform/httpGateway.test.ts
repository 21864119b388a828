import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpPlatformGateway, sampleBookings } from '../../src/platform';

type Handler = (req: IncomingMessage, body: string) => { status: number; body?: unknown; raw?: string } | 'hang';

/** A tiny fake platform API on 127.0.0.1, port 0: each test sets what it answers and sees what it was asked. */
function fakePlatform() {
  const seen: Array<{ method: string; url: string; auth?: string; body: string }> = [];
  let handler: Handler = () => ({ status: 500 });
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      const answer = handler(req, body);
      if (answer === 'hang') return void hanging.push(res);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
    });
  });
  return {
    seen,
    answer: (h: Handler) => (handler = h),
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/`))),
    stop: () => new Promise<void>((resolve) => {
      hanging.forEach((r) => r.destroy());
      server.close(() => resolve());
    }),
  };
}

const booking = sampleBookings(new Date('2026-03-02T10:00:00Z')).find((b) => b.reference === 'WL-F205847')!;
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

describe('HttpPlatformGateway', () => {
  const fake = fakePlatform();
  let gateway: HttpPlatformGateway;
  before(async () => {
    gateway = new HttpPlatformGateway({ baseUrl: await fake.start(), apiKey: 'k-123', timeoutMs: 300 });
  });
  after(() => fake.stop());

  describe('findBooking()', () => {
    it('should GET the booking with the bearer key and read it', async () => {
      fake.answer(() => ({ status: 200, body: { ...booking, extra: 'ignored' } }));
      const found = await gateway.findBooking('WL-F205847');
      expect(found.found && found.booking.actors[0].links?.manageBooking).to.equal('https://wwws.airfrance.fr/en/manage-booking');
      expect(fake.seen.at(-1)).to.include({ method: 'GET', url: '/api/v1/bookings/WL-F205847', auth: 'Bearer k-123' });
    });

    it('should read a 404 as not found with its near misses', async () => {
      fake.answer(() => ({ status: 404, body: { didYouMean: ['WL-F205847'] } }));
      expect(await gateway.findBooking('WL-F205848')).to.deep.equal({ found: false, didYouMean: ['WL-F205847'] });
    });

    it('should refuse a booking without its required fields as PLATFORM_UNAVAILABLE', async () => {
      fake.answer(() => ({ status: 200, body: { reference: 'WL-F205847' } }));
      expect(await codeOf(gateway.findBooking('WL-F205847'))).to.equal('PLATFORM_UNAVAILABLE');
    });

    it('should map a timeout, a 5xx, a refused key and a non-JSON body to PLATFORM_UNAVAILABLE', async () => {
      for (const answer of ['hang', { status: 503 }, { status: 401 }, { status: 200, raw: '<html>' }] as const) {
        fake.answer(() => answer);
        expect(await codeOf(gateway.findBooking('WL-F205847')), JSON.stringify(answer)).to.equal('PLATFORM_UNAVAILABLE');
      }
    });
  });

  describe('findBookingsByEmail()', () => {
    it('should pass the e-mail and date as query parameters', async () => {
      fake.answer(() => ({ status: 200, body: { bookings: [booking] } }));
      expect(await gateway.findBookingsByEmail('anna@example.com', '2026-03-05')).to.have.length(1);
      expect(fake.seen.at(-1)!.url).to.equal('/api/v1/bookings?email=anna%40example.com&date=2026-03-05');
    });
  });

  describe('sendMessage()', () => {
    it('should POST the message and return what the platform stored', async () => {
      const message = { id: 'm1', bookingReference: 'WL-F205847', actorKind: 'airline', from: 'traveller', text: 'Please reroute', at: '2026-03-02T10:00:00Z' };
      fake.answer(() => ({ status: 201, body: { message, expectedReply: 'within 4 hours' } }));
      const sent = await gateway.sendMessage('WL-F205847', 'airline', 'Please reroute');
      expect(sent).to.deep.equal({ message, expectedReply: 'within 4 hours' });
      expect(JSON.parse(fake.seen.at(-1)!.body)).to.deep.equal({ actorKind: 'airline', text: 'Please reroute' });
    });
  });

  describe('readReplies()', () => {
    it('should ask for the actor replies after a time and keep only those', async () => {
      const reply = { id: 'm2', bookingReference: 'WL-F205847', actorKind: 'airline', from: 'actor', text: 'Rebooked', at: '2026-03-02T10:05:00Z' };
      fake.answer(() => ({ status: 200, body: { messages: [reply, { ...reply, id: 'm3', from: 'traveller' }] } }));
      expect((await gateway.readReplies('WL-F205847', 'airline', '2026-03-02T10:00:00Z')).map((m) => m.id)).to.deep.equal(['m2']);
      expect(fake.seen.at(-1)!.url).to.equal('/api/v1/bookings/WL-F205847/messages?actorKind=airline&from=actor&after=2026-03-02T10%3A00%3A00Z');
    });

    it('should map a 404 to NOT_FOUND', async () => {
      fake.answer(() => ({ status: 404, body: {} }));
      expect(await codeOf(gateway.readReplies('WL-F000000', 'airline'))).to.equal('NOT_FOUND');
    });
  });

  describe('requestChange()', () => {
    it('should POST the request and map a 422 to VALIDATION_FAILED', async () => {
      fake.answer(() => ({ status: 201, body: { id: 'R1', bookingReference: 'WL-F205847', kind: 'refund', status: 'submitted', at: '2026-03-02T10:00:00Z' } }));
      expect(await gateway.requestChange('WL-F205847', { kind: 'refund', reason: 'cancelled' })).to.include({ id: 'R1', status: 'submitted' });
      fake.answer(() => ({ status: 422, body: { error: 'not refundable' } }));
      expect(await codeOf(gateway.requestChange('WL-F205847', { kind: 'refund', reason: 'cancelled' }))).to.equal('VALIDATION_FAILED');
    });
  });
});
