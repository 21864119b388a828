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

  /** An HTTP gateway to a fake platform that answers `answer(url)` and records the URLs asked. */
  function recordingGateway(answer: (url: string) => [number, unknown]): { gateway: HttpPlatformGateway; asked: string[] } {
    const asked: string[] = [];
    const fetcher = async (url: string) => {
      asked.push(url);
      const [status, body] = answer(url);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    };
    return { gateway: new HttpPlatformGateway({ baseUrl: 'https://platform.example/api', apiKey: 'k', fetch: fetcher as unknown as typeof fetch }), asked };
  }

  it('should ask the HTTP platform GET /bookings?user= (the id in the query, never in a logged path)', async () => {
    const { gateway, asked } = recordingGateway(() => [200, { bookings: [] }]);
    expect(await gateway.bookingsOfUser('u-42')).to.deep.equal([]);
    expect(asked).to.deep.equal(['https://platform.example/api/bookings?user=u-42']);
  });

  it('should map a Microsoft Entra ID account to its demo traveller, and an unknown one to nobody', async () => {
    const gateway = new DemoPlatformGateway(new FakeBookingStore(), new ManualClock('2026-03-02T10:00:00.000Z'));
    expect(await gateway.userOfDirectoryAccount({ aadObjectId: 'a0e1c2d3-0001-4a5b-9c8d-000000000001' })).to.equal('anna.schmidt@gmail.com');
    expect(await gateway.userOfDirectoryAccount({ aadObjectId: 'ffffffff-0000-4000-8000-000000000000' })).to.equal(undefined);
  });

  it('should ask the HTTP platform GET /users?entraObjectId=&tenantId= for a directory account (404: nobody)', async () => {
    const { gateway, asked } = recordingGateway((url) => (url.includes('entraObjectId=aaaaaaaa-0000-4000-8000-000000000001') ? [200, { userId: 'u-42' }] : [404, { error: 'unknown' }]));
    expect(await gateway.userOfDirectoryAccount({ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', tenantId: 't-1' })).to.equal('u-42');
    expect(await gateway.userOfDirectoryAccount({ aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002' })).to.equal(undefined);
    expect(asked).to.deep.equal([
      'https://platform.example/api/users?entraObjectId=aaaaaaaa-0000-4000-8000-000000000001&tenantId=t-1',
      'https://platform.example/api/users?entraObjectId=bbbbbbbb-0000-4000-8000-000000000002',
    ]);
  });

  it('should never use a real booking reference as a prompt example of the knowledge base', () => {
    const platform = parse(readFileSync(path.resolve(__dirname, '../../knowledge/platform.yaml'), 'utf8')) as { referenceFormats: Array<{ example: string }> };
    const real = new Set(sampleBookings(new Date()).map((b) => b.reference));
    for (const f of platform.referenceFormats) expect(real.has(f.example), f.example).to.equal(false);
  });
});
