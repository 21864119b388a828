import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DemoPlatformGateway, HttpPlatformGateway, sampleBookings } from '../../src/platform';
import { FakeBookingStore } from '../fakes/fakeBookingStore';
import { ManualClock } from '../fakes/manualClock';

describe('PlatformGateway.bookingsOfUser() (issue 12: the signed-in traveller\'s own bookings)', () => {
  it('should give the demo user (an e-mail of its sample travellers) their bookings, and nobody else\'s', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    const gateway = new DemoPlatformGateway(new FakeBookingStore(), clock);
    await gateway.seedIfEmpty();
    expect((await gateway.bookingsOfUser('anna.schmidt@gmail.com')).map((b) => b.reference).sort()).to.deep.equal(['WL-F205847', 'WL-H482913']);
    expect(await gateway.bookingsOfUser('WL-H482913')).to.deep.equal([]);
    expect(await gateway.bookingsOfUser('nobody@example.com')).to.deep.equal([]);
  });

  it('should ask the HTTP platform GET /bookings?user= (the id in the query, never in a logged path)', async () => {
    const asked: string[] = [];
    const gateway = new HttpPlatformGateway({
      baseUrl: 'https://platform.example/api',
      apiKey: 'k',
      fetch: (async (url: string) => {
        asked.push(url);
        return new Response(JSON.stringify({ bookings: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
      }) as unknown as typeof fetch,
    });
    expect(await gateway.bookingsOfUser('u-42')).to.deep.equal([]);
    expect(asked).to.deep.equal(['https://platform.example/api/bookings?user=u-42']);
  });

  it('should never use a real booking reference as a prompt example of the knowledge base', () => {
    const platform = parse(readFileSync(path.resolve(__dirname, '../../knowledge/platform.yaml'), 'utf8')) as { referenceFormats: Array<{ example: string }> };
    const real = new Set(sampleBookings(new Date()).map((b) => b.reference));
    for (const f of platform.referenceFormats) expect(real.has(f.example), f.example).to.equal(false);
  });
});
