import type { Clock } from '../../shared/clock';
import type { BookingRecord, BookingStore } from '../../platform/ports';
import { fromJson, toJson, type Sql } from '../sql/sql';

type Row = { doc: unknown };

/** The demo platform's bookings on SQL (table `bookings`, migration 5): one JSON document per booking. */
export class SqlBookingStore implements BookingStore {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** One record, or null. */
  async get(reference: string): Promise<BookingRecord | null> {
    const { rows } = await this.db.query<Row>('SELECT doc FROM bookings WHERE reference = $1', [reference]);
    return rows[0] ? fromJson<BookingRecord>(rows[0].doc) : null;
  }

  /** Every record, by reference. */
  async list(): Promise<BookingRecord[]> {
    const { rows } = await this.db.query<Row>('SELECT doc FROM bookings ORDER BY reference');
    return rows.map((r) => fromJson<BookingRecord>(r.doc));
  }

  /** Inserts the records whose reference is new. */
  async seed(records: BookingRecord[]): Promise<number> {
    const now = this.clock.now().toISOString();
    return this.db.tx(async (q) => {
      let inserted = 0;
      for (const r of records) {
        const result = await q.query(
          'INSERT INTO bookings (reference, email, product, updated_at, doc) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reference) DO NOTHING',
          [r.booking.reference, r.booking.email.toLowerCase(), r.booking.product, now, toJson(r)],
        );
        inserted += result.rowCount;
      }
      return inserted;
    });
  }

  /** Read-change-write in one transaction (row-locked on PostgreSQL, so two instances never lose a message). */
  async update(reference: string, change: (record: BookingRecord) => BookingRecord): Promise<BookingRecord | null> {
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE' : '';
    return this.db.tx(async (q) => {
      const { rows } = await q.query<Row>(`SELECT doc FROM bookings WHERE reference = $1 ${lock}`, [reference]);
      if (!rows[0]) return null;
      const next = change(fromJson<BookingRecord>(rows[0].doc));
      await q.query('UPDATE bookings SET email = $2, product = $3, updated_at = $4, doc = $5 WHERE reference = $1', [
        reference,
        next.booking.email.toLowerCase(),
        next.booking.product,
        this.clock.now().toISOString(),
        toJson(next),
      ]);
      return next;
    });
  }
}
