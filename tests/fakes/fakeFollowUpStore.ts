import type { FollowUp, FollowUpStore, NewFollowUp } from '../../src/storage/ports';

const clone = <T>(v: T): T => structuredClone(v);

/** In-memory FollowUpStore with leases, like the SQL adapters. */
export class FakeFollowUpStore implements FollowUpStore {
  readonly followUps = new Map<string, FollowUp>();

  /** Ignores a known id. */
  async schedule(f: NewFollowUp): Promise<boolean> {
    if (this.followUps.has(f.id)) return false;
    this.followUps.set(f.id, { ...clone(f), dueAt: new Date(f.dueAt).toISOString(), status: 'scheduled', attempts: 0 });
    return true;
  }

  /** One follow-up. */
  async get(id: string): Promise<FollowUp | null> {
    return clone(this.followUps.get(id) ?? null);
  }

  /** Cancels a scheduled one. */
  async cancel(id: string): Promise<boolean> {
    const f = this.followUps.get(id);
    if (f?.status !== 'scheduled') return false;
    f.status = 'cancelled';
    return true;
  }

  /** Due or lease-expired ones, earliest first. */
  async claimDue(now: Date, owner: string, limit: number, leaseMs = 5 * 60_000): Promise<FollowUp[]> {
    const at = now.toISOString();
    const due = [...this.followUps.values()]
      .filter((f) => (f.status === 'scheduled' && f.dueAt <= at) || (f.status === 'claimed' && (f.leaseUntil ?? '') <= at))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
      .slice(0, limit);
    for (const f of due) Object.assign(f, { status: 'claimed', owner, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts: f.attempts + 1 });
    return due.map(clone);
  }

  /** Done if still held. */
  async complete(id: string, owner: string): Promise<boolean> {
    const f = this.held(id, owner);
    if (!f) return false;
    f.status = 'done';
    delete f.leaseUntil;
    return true;
  }

  /** Retry or fail if still held. */
  async fail(id: string, owner: string, error: string, retryAt?: Date): Promise<boolean> {
    const f = this.held(id, owner);
    if (!f) return false;
    f.lastError = error;
    delete f.leaseUntil;
    if (retryAt) Object.assign(f, { status: 'scheduled', dueAt: retryAt.toISOString(), owner: undefined });
    else f.status = 'failed';
    if (f.owner === undefined) delete f.owner;
    return true;
  }

  private held(id: string, owner: string): FollowUp | undefined {
    const f = this.followUps.get(id);
    return f?.status === 'claimed' && f.owner === owner ? f : undefined;
  }
}
