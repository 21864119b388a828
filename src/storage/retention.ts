import type { PurgeReport, Stores } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Purges transcripts, analytics and finished follow-ups older than retentionDays before now; run it periodically. */
export async function sweepRetention(stores: Pick<Stores, 'purgeOlderThan'>, now: Date, retentionDays: number): Promise<PurgeReport & { cutoff: string }> {
  if (!Number.isFinite(retentionDays) || retentionDays < 1) throw new RangeError(`retentionDays must be at least 1, got ${retentionDays}`);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  return { ...(await stores.purgeOlderThan(cutoff)), cutoff: cutoff.toISOString() };
}
