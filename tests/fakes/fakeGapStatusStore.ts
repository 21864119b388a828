import type { ClosedGapRecord, GapStatusStore } from '../../src/storage/ports';

/** In-memory GapStatusStore. */
export class FakeGapStatusStore implements GapStatusStore {
  readonly records = new Map<string, ClosedGapRecord>();

  /** Upserts by text key. */
  async close(records: readonly ClosedGapRecord[]): Promise<void> {
    for (const r of records) this.records.set(r.textKey, { ...r });
  }

  /** Every record, oldest first. */
  async list(): Promise<ClosedGapRecord[]> {
    return [...this.records.values()].sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.textKey.localeCompare(b.textKey));
  }
}
