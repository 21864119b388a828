import { expect } from 'chai';
import type { BookingRecord, BookingStore } from '../../src/platform';
import { sampleBookings } from '../../src/platform';
import { silentLogger } from '../../src/shared/logger';
import { createStores, type Stores } from '../../src/storage';
import { FakeBookingStore } from '../fakes/fakeBookingStore';
import { ManualClock } from '../fakes/manualClock';
import pg from 'pg';
import { PG_URL, usePgSchema } from '../storage/pgHarness';

const records = (): BookingRecord[] => sampleBookings(new Date('2026-03-02T10:00:00Z')).slice(0, 3).map((booking) => ({ booking, messages: [], requests: [] }));

/** The BookingStore contract, run against every adapter. */
function bookingStoreContract(name: string, open: () => Promise<{ store: BookingStore; close(): Promise<void> }>): void {
  describe(`BookingStore (${name})`, () => {
    let store: BookingStore;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, close } = await open()));
    afterEach(() => close());

    describe('seed()', () => {
      it('should insert only the records that are new', async () => {
        expect(await store.seed(records())).to.equal(3);
        expect(await store.seed(records())).to.equal(0);
        expect((await store.list()).map((r) => r.booking.reference)).to.deep.equal(records().map((r) => r.booking.reference).sort());
      });
    });

    describe('update()', () => {
      it('should change one record and keep the change', async () => {
        await store.seed(records());
        const ref = records()[0].booking.reference;
        const at = '2026-03-02T10:00:00.000Z';
        await store.update(ref, (r) => ({ ...r, messages: [...r.messages, { id: 'm1', bookingReference: ref, actorKind: 'hotel', from: 'traveller', text: 'Hi', at }] }));
        expect((await store.get(ref))!.messages.map((m) => m.id)).to.deep.equal(['m1']);
      });

      it('should answer null for an unknown reference', async () => {
        expect(await store.update('WL-H000000', (r) => r)).to.equal(null);
        expect(await store.get('WL-H000000')).to.equal(null);
      });
    });
  });
}


bookingStoreContract('fake', async () => ({ store: new FakeBookingStore(), close: async () => undefined }));
bookingStoreContract('SQLite', async () => {
  const stores: Stores = await createStores({ dataDir: ':memory:' }, { clock: new ManualClock(), logger: silentLogger });
  return { store: stores.bookings, close: () => stores.close() };
});

const url = PG_URL;
if (url) {
  describe('PostgreSQL', () => {
    const pgSchema = usePgSchema(url);
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    after(() => admin.end());
    bookingStoreContract('PostgreSQL', async () => {
      await admin.query(`DELETE FROM "${pgSchema.schema}".bookings`);
      const stores = await pgSchema.open(new ManualClock());
      return { store: stores.bookings, close: () => stores.close() };
    });
  });
}
