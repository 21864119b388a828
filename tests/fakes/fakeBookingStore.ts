import type { BookingRecord, BookingStore } from '../../src/platform/ports';

const clone = <T>(v: T): T => structuredClone(v);

/** In-memory BookingStore (the demo platform's bookings table). */
export class FakeBookingStore implements BookingStore {
  readonly records = new Map<string, BookingRecord>();

  /** One record, or null. */
  async get(reference: string): Promise<BookingRecord | null> {
    const r = this.records.get(reference);
    return r ? clone(r) : null;
  }

  /** Every record, by reference. */
  async list(): Promise<BookingRecord[]> {
    return [...this.records.values()].sort((a, b) => a.booking.reference.localeCompare(b.booking.reference)).map(clone);
  }

  /** Inserts the new ones. */
  async seed(records: BookingRecord[]): Promise<number> {
    let n = 0;
    for (const r of records) {
      if (this.records.has(r.booking.reference)) continue;
      this.records.set(r.booking.reference, clone(r));
      n += 1;
    }
    return n;
  }

  /** Read-change-write. */
  async update(reference: string, change: (record: BookingRecord) => BookingRecord): Promise<BookingRecord | null> {
    const r = this.records.get(reference);
    if (!r) return null;
    const next = change(clone(r));
    this.records.set(reference, clone(next));
    return clone(next);
  }
}
