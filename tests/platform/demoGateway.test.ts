import { expect } from 'chai';
import { DemoPlatformGateway, sampleBookings } from '../../src/platform';
import { FakeBookingStore } from '../fakes/fakeBookingStore';
import { ManualClock } from '../fakes/manualClock';

describe('DemoPlatformGateway', () => {
  let clock: ManualClock;
  let store: FakeBookingStore;
  let gateway: DemoPlatformGateway;
  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T10:00:00.000Z');
    store = new FakeBookingStore();
    gateway = new DemoPlatformGateway(store, clock);
    await gateway.seedIfEmpty();
  });

  describe('seedIfEmpty()', () => {
    it('should seed the sample bookings once, dated from the first start', async () => {
      expect(store.records.size).to.equal(sampleBookings(clock.now()).length).and.to.be.at.least(15);
      expect(store.records.get('WL-H482913')!.booking.startDate).to.equal('2026-03-02');
      expect(await gateway.seedIfEmpty()).to.equal(0);
    });

    it('should cover every product line', () => {
      const products = new Set([...store.records.values()].map((r) => r.booking.product));
      expect([...products].sort()).to.deep.equal(['car', 'flight', 'hotel', 'rental', 'tour', 'transfer']);
    });
  });

  describe('findBooking()', () => {
    it('should find a booking by its reference, in any case', async () => {
      const found = await gateway.findBooking('wl-h482913');
      expect(found.found && found.booking.actors.map((a) => a.kind)).to.deep.equal(['hotel', 'payment_provider']);
    });

    it('should offer the references one or two edits away when not found', async () => {
      expect(await gateway.findBooking('WL-H482914')).to.deep.equal({ found: false, didYouMean: ['WL-H482913'] });
      expect(await gateway.findBooking('WL-H000000')).to.deep.equal({ found: false, didYouMean: [] });
    });
  });

  describe('findBookingsByEmail()', () => {
    it('should find the bookings of an e-mail address, on a date when given', async () => {
      expect((await gateway.findBookingsByEmail('Anna.Schmidt@gmail.com')).map((b) => b.reference).sort()).to.deep.equal(['WL-F205847', 'WL-H482913']);
      expect((await gateway.findBookingsByEmail('anna.schmidt@gmail.com', '2026-03-03')).map((b) => b.reference)).to.deep.equal(['WL-H482913']);
    });
  });

  describe('sendMessage()', () => {
    it('should store the message and a plausible reply from the actor', async () => {
      const sent = await gateway.sendMessage('WL-X119274', 'driver', 'Where are you?');
      expect(sent.expectedReply).to.include('minutes');
      const replies = await gateway.readReplies('WL-X119274', 'driver', sent.message.at);
      expect(replies).to.have.length(1);
      expect(replies[0].text).to.include('Arrivals hall, Terminal 1');
    });

    it('should refuse an actor the booking does not have', async () => {
      const err = await gateway.sendMessage('WL-X119274', 'hotel', 'Hello').then(() => null, (e: unknown) => e);
      expect(err).to.have.property('code', 'NOT_FOUND');
      expect(store.records.get('WL-X119274')!.messages).to.deep.equal([]);
    });
  });

  describe('requestChange()', () => {
    it('should approve a cancellation before the start and mark the booking cancelled', async () => {
      const made = await gateway.requestChange('WL-H590144', { kind: 'cancellation', reason: 'plans changed' });
      expect(made).to.include({ status: 'approved', kind: 'cancellation' });
      expect(made.id).to.match(/^REQ-[0-9A-F]{8}$/);
      expect(store.records.get('WL-H590144')!.booking.status).to.equal('cancelled');
    });

    it('should submit a refund for review with the amount asked', async () => {
      const made = await gateway.requestChange('WL-T660318', { kind: 'refund', reason: 'tour cancelled', amount: { value: 138, currency: 'EUR' } });
      expect(made).to.deep.include({ status: 'submitted', amount: { value: 138, currency: 'EUR' } });
    });
  });
});
