import type { Clock } from '../shared/clock';

/** Wrong proofs of booking ownership one client may make in a window, across all its conversations. */
export const CLIENT_PROOF_FAILURES = 10;
const WINDOW_MS = 60 * 60_000;
/** Clients remembered at most: the oldest is forgotten first (memory stays bounded under a flood). */
const MAX_CLIENTS = 50_000;

/**
 * Counts wrong surnames or e-mails per client (the address the Direct Line request came from, or the channel's
 * user), so a guesser cannot start conversation after conversation to try names. Per instance, in memory:
 * each conversation also has its own limit (MAX_PROOF_FAILURES) kept in its state.
 */
export class ProofAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = CLIENT_PROOF_FAILURES,
  ) {}

  /** True when this client made too many wrong proofs lately. */
  blocked(client: string): boolean {
    return this.recent(client).length >= this.limit;
  }

  /** Counts one wrong proof. */
  failed(client: string): void {
    const times = [...this.recent(client), this.clock.now().getTime()];
    this.failures.delete(client);
    this.failures.set(client, times);
    if (this.failures.size > MAX_CLIENTS) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(client: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    return (this.failures.get(client) ?? []).filter((t) => t > since);
  }
}
