import type { ClosedGapRecord, GapStatusStore } from '../ports';
import { fromTs, toTs, type Sql } from '../sql/sql';

/** Closed knowledge gaps on SQL (table gap_status, migration 3). */
export class SqlGapStatusStore implements GapStatusStore {
  constructor(private readonly db: Sql) {}

  /** Upserts one row per text key, in one transaction. */
  async close(records: readonly ClosedGapRecord[]): Promise<void> {
    await this.db.tx(async (q) => {
      for (const r of records) {
        await q.query(
          `INSERT INTO gap_status (text_key, gap_id, faq_id, actor, closed_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (text_key) DO UPDATE SET gap_id = excluded.gap_id, faq_id = excluded.faq_id, actor = excluded.actor, closed_at = excluded.closed_at`,
          [r.textKey, r.gapId, r.faqId, r.actor, toTs(r.closedAt)],
        );
      }
    });
  }

  /** Every closed record, oldest first. */
  async list(): Promise<ClosedGapRecord[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM gap_status ORDER BY closed_at, text_key');
    return rows.map((r) => ({
      textKey: String(r.text_key),
      gapId: String(r.gap_id),
      faqId: String(r.faq_id),
      actor: String(r.actor),
      closedAt: fromTs(r.closed_at),
    }));
  }
}
