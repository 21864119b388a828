import type { Request, Response } from 'restify';
import { CASES_CHANNEL, type CaseNotice } from '../../handoff';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../storage/ports';

/** Comments keep idle streams open through proxies and let clients notice a dead connection. */
export const HEARTBEAT_MS = 15_000;

interface OpenStream {
  end(): void;
}

/** Writes one server-sent event. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * GET /api/agent/events: case changes and chat messages as server-sent events. Each stream subscribes to
 * the event bus (LISTEN/NOTIFY on PostgreSQL), so it hears what happens on every instance; close() ends
 * every open stream so the server can stop.
 */
export class AgentEventStreams {
  private readonly open = new Set<OpenStream>();
  private closed = false;

  constructor(
    private readonly bus: Pick<EventBus, 'subscribe'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  /** Serves one stream until the client goes away or the server stops. */
  async serve(req: Request, res: Response): Promise<void> {
    if (this.closed) throw new Error('the server is stopping');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    let ended = false;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const unsubscribe = await this.bus.subscribe(CASES_CHANNEL, (payload) => {
      const { kind, ...data } = payload as CaseNotice;
      if (!ended && typeof kind === 'string') res.write(frame(kind, data));
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    const stream: OpenStream = {
      end: () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        this.open.delete(stream);
        unsubscribe().catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'event stream unsubscribe failed'));
        res.end();
        done();
      },
    };
    this.open.add(stream);
    req.on('close', () => stream.end());
    res.on('close', () => stream.end());
    res.write(frame('ready', { at: this.clock.now().toISOString() }));
    await finished;
  }

  /** Open streams on this instance (the metrics read it). */
  get size(): number {
    return this.open.size;
  }

  /** Ends every open stream; new ones are refused. */
  close(): void {
    this.closed = true;
    for (const stream of [...this.open]) stream.end();
  }
}
