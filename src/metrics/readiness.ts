/** Why an instance does not take traffic now. */
export type NotReadyReason = 'starting' | 'migrating' | 'loading knowledge base' | 'loading NLU model' | 'storage unreachable' | 'shutting down';

/** What /readyz answers. */
export interface ReadinessReport {
  ready: boolean;
  reasons: NotReadyReason[];
  storage?: { ok: boolean; backend: string; detail?: string };
}

/** Start-up phases, in order; each holds /readyz at 503 until it ends. */
export type StartupPhase = 'starting' | 'migrating' | 'loading knowledge base' | 'loading NLU model';

/** How the storage is probed: the stores' own health check. */
export type StorageProbe = () => Promise<{ ok: boolean; backend: string; detail?: string }>;

/**
 * Whether this instance should get travellers: not while it starts (migrations, the knowledge base, the NLU
 * model), not while its storage is unreachable, and not from the moment it begins to shut down, so a load
 * balancer takes it out before it stops listening. The storage probe is bounded (a load balancer's probe
 * times out after a second or two) and shared by concurrent probes, so a busy prober costs one ping at a time.
 */
export class Readiness {
  private readonly phases = new Set<StartupPhase>(['starting']);
  private draining = false;
  private probe: StorageProbe | null = null;
  private inFlight: Promise<ReadinessReport['storage']> | null = null;

  constructor(private readonly probeTimeoutMs = 1000) {}

  /** Marks a start-up phase begun; /readyz answers 503 until it ends. */
  begin(phase: StartupPhase): void {
    this.phases.add(phase);
  }

  /** Marks a start-up phase over. */
  end(phase: StartupPhase): void {
    this.phases.delete(phase);
  }

  /** Runs fn as a start-up phase. */
  async during<T>(phase: StartupPhase, fn: () => Promise<T>): Promise<T> {
    this.begin(phase);
    try {
      return await fn();
    } finally {
      this.end(phase);
    }
  }

  /** Start-up is over; from now on the storage probe decides. */
  started(probe: StorageProbe): void {
    this.probe = probe;
    this.phases.clear();
  }

  /** Shutdown began: 503 from now on, for good. */
  drain(): void {
    this.draining = true;
  }

  /** Whether the instance is shutting down. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** Ready as far as known without probing the storage (the rebound_ready gauge; /readyz probes). */
  get readyWithoutProbe(): boolean {
    return !this.draining && this.phases.size === 0 && this.probe !== null;
  }

  /** Probes the storage unless start-up or shutdown already answers. */
  async report(): Promise<ReadinessReport> {
    const reasons: NotReadyReason[] = [...this.phases];
    if (this.draining) reasons.push('shutting down');
    if (reasons.length || !this.probe) return { ready: false, reasons: reasons.length ? reasons : ['starting'] };
    const storage = await this.probeStorage(this.probe);
    if (!storage?.ok) reasons.push('storage unreachable');
    // Shutdown may have begun while the probe ran.
    if (this.draining) reasons.push('shutting down');
    return { ready: reasons.length === 0, reasons, ...(storage ? { storage } : {}) };
  }

  private probeStorage(probe: StorageProbe): Promise<ReadinessReport['storage']> {
    this.inFlight ??= bounded(probe, this.probeTimeoutMs).finally(() => (this.inFlight = null));
    return this.inFlight;
  }
}

/** The probe's answer, or "not ok" when it fails or takes longer than ms. */
export async function bounded(probe: StorageProbe, ms: number): Promise<ReadinessReport['storage']> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadinessReport['storage']>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, backend: 'unknown', detail: `no answer within ${ms} ms` }), ms);
  });
  try {
    return await Promise.race([probe().catch((e: unknown) => ({ ok: false, backend: 'unknown', detail: (e as Error).message })), late]);
  } finally {
    clearTimeout(timer);
  }
}
