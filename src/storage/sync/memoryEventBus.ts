import type { Logger } from '../../shared/logger';
import type { EventBus, Unsubscribe } from '../ports';

/** The single-instance EventBus: delivers asynchronously in-process, like LISTEN/NOTIFY does across instances. */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly logger: Logger) {}

  /** Delivers a copy of payload to each subscriber on a later tick. */
  async publish(channel: string, payload: unknown): Promise<void> {
    const text = JSON.stringify(payload);
    const handlers = [...(this.handlers.get(channel) ?? [])];
    setImmediate(() => {
      for (const handler of handlers) deliver(handler, JSON.parse(text), this.logger, channel);
    });
  }

  /** Subscribes handler to the channel. */
  async subscribe(channel: string, handler: (payload: unknown) => void): Promise<Unsubscribe> {
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }
}

/** Calls one handler, logging (never throwing) its failure. */
export function deliver(handler: (payload: unknown) => void, payload: unknown, logger: Logger, channel: string): void {
  try {
    handler(payload);
  } catch (err) {
    logger.error({ err, channel }, 'event handler failed');
  }
}
