import pg from 'pg';
import type { Logger } from '../../shared/logger';
import type { EventBus, Unsubscribe } from '../ports';
import type { SqlRunner } from '../sql/sql';
import { deliver } from './memoryEventBus';

/**
 * EventBus on LISTEN/NOTIFY: one PostgreSQL channel per schema carries {c: channel, p: payload}, dispatched
 * in-process. One dedicated connection listens (opened on the first subscribe) and reconnects after a failure;
 * notifications sent while it is down are lost, which is why consumers treat events as hints and reload.
 */
export class PgEventBus implements EventBus {
  private readonly handlers = new Map<string, Set<(payload: unknown) => void>>();
  private readonly pgChannel: string;
  private listener: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(
    private readonly db: SqlRunner,
    private readonly connectionString: string,
    schema: string,
    private readonly logger: Logger,
    /** Bound of connecting and of LISTEN (STORAGE_TIMEOUT_MS), so a subscribe never waits on a hung database. */
    private readonly timeoutMs = 4000,
  ) {
    this.pgChannel = `rebound_events_${schema}`.slice(0, 63);
  }

  /** Notifies every instance (this one included). */
  async publish(channel: string, payload: unknown): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [this.pgChannel, JSON.stringify({ c: channel, p: payload })]);
  }

  /** Subscribes once the listening connection is up. */
  async subscribe(channel: string, handler: (payload: unknown) => void): Promise<Unsubscribe> {
    await this.listen();
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    if (listener) await (await listener.catch(() => null))?.end().catch(() => undefined);
  }

  private listen(): Promise<pg.Client> {
    this.listener ??= this.connect().catch((err: unknown) => {
      this.listener = null;
      throw err;
    });
    return this.listener;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: this.timeoutMs, query_timeout: this.timeoutMs });
    client.on('error', (err) => {
      this.logger.warn({ err: err.message }, 'event listener connection failed; reconnecting');
      this.listener = null;
      client.end().catch(() => undefined);
      if (!this.closed && this.handlers.size) setTimeout(() => this.listen().catch(() => undefined), 500).unref();
    });
    client.on('notification', (message) => this.dispatch(message.payload));
    await client.connect();
    await client.query(`LISTEN "${this.pgChannel}"`);
    return client;
  }

  private dispatch(text: string | undefined): void {
    if (!text) return;
    let message: { c: string; p: unknown };
    try {
      message = JSON.parse(text) as { c: string; p: unknown };
    } catch {
      return;
    }
    for (const handler of [...(this.handlers.get(message.c) ?? [])]) deliver(handler, message.p, this.logger, message.c);
  }
}
