import type { KnowledgeRepository, KnowledgeService } from '../knowledge';
import type { EventBus, Unsubscribe } from '../storage/ports';
import type { Logger } from '../shared/logger';

/** The event-bus channel that announces a newly published KB version. */
export const KB_PUBLISHED_CHANNEL = 'kb.published';
/** How often an instance checks for a newer version in case an announcement was lost. */
export const DEFAULT_KB_POLL_MS = 10_000;

/**
 * Keeps every instance on the latest published KB: a publish is announced on the event bus, and each
 * instance reloads the published version from the store when it hears one (the payload is only a hint);
 * a poll catches announcements lost while the bus was down. Reloads run one at a time and only move forward.
 */
export class KnowledgeSync {
  private unsubscribe: Unsubscribe | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: KnowledgeRepository,
    private readonly knowledge: KnowledgeService,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly pollMs: number = DEFAULT_KB_POLL_MS,
  ) {}

  /** Subscribes to announcements and starts polling. */
  async start(): Promise<void> {
    this.unsubscribe = await this.events.subscribe(KB_PUBLISHED_CHANNEL, () => void this.refresh());
    if (this.pollMs > 0) {
      this.timer = setInterval(() => void this.refresh(), this.pollMs);
      this.timer.unref();
    }
  }

  /** Tells every instance (this one too) that a version was published. Best effort: the poll is the fallback. */
  async announce(version: number): Promise<void> {
    await this.events.publish(KB_PUBLISHED_CHANNEL, { version }).catch((e: unknown) => {
      this.logger.warn({ err: (e as Error).message, version }, 'could not announce the new knowledge base version; instances will poll');
    });
  }

  /** Swaps in the published version if it is newer than the one in service; resolves when done. */
  refresh(): Promise<void> {
    this.running = this.running.then(() => this.reload()).catch((e: unknown) => {
      this.logger.warn({ err: (e as Error).message }, 'could not reload the published knowledge base');
    });
    return this.running;
  }

  /** Stops listening and polling. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    if (unsubscribe) await unsubscribe().catch(() => undefined);
  }

  private async reload(): Promise<void> {
    const latest = (await this.repo.listVersions(1))[0];
    const current = this.knowledge.current().version;
    if (!latest || (typeof current === 'number' && latest.version <= current)) return;
    const version = await this.repo.getVersion(latest.version);
    if (!version) return;
    this.knowledge.swap(version.kb, version.version);
    this.logger.info({ version: version.version }, 'knowledge base reloaded from the store');
  }
}
