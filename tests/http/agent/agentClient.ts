/** An HTTP answer of the agent API. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Calls the agent API with one token, as the console does. */
export class AgentClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
  ) {}

  /** GET or POST a path under the base URL; the body is parsed JSON. */
  async call<T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Opens GET /api/agent/events; resolves once the stream said "ready". */
  async stream(): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    await reader.open(`${this.baseUrl}/api/agent/events`, this.token);
    return reader;
  }
}

/** Reads a server-sent event stream with fetch (EventSource cannot send an Authorization header). */
export class EventStreamReader {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private readonly abort = new AbortController();
  private readonly waiters = new Set<() => void>();
  private done: Promise<void> = Promise.resolve();

  /** Connects and waits for the ready event. */
  async open(url: string, token: string | null): Promise<void> {
    const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: this.abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}: ${await res.text()}`);
    this.done = this.pump(res.body);
    await this.waitFor((e) => e.event === 'ready');
  }

  /** The first event matching the predicate, waiting up to timeoutMs. */
  async waitFor(match: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0 || this.ended) throw new Error(`no matching event; got ${JSON.stringify(this.events)}`);
      await this.changed(left);
    }
  }

  /** Resolves when the server ended the stream (or after timeoutMs, with false). */
  async untilEnded(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) await this.changed(deadline - Date.now());
    return this.ended;
  }

  /** Resolves after the next comment line (heartbeat). */
  async nextComment(timeoutMs = 5000): Promise<string> {
    const seen = this.comments.length;
    const deadline = Date.now() + timeoutMs;
    while (this.comments.length === seen) {
      if (Date.now() >= deadline || this.ended) throw new Error('no comment line arrived');
      await this.changed(deadline - Date.now());
    }
    return this.comments[seen]!;
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    this.abort.abort();
    await this.done.catch(() => undefined);
  }

  private changed(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
        for (const wake of [...this.waiters]) wake();
      }
    } finally {
      this.ended = true;
      for (const wake of [...this.waiters]) wake();
    }
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (data.length) this.events.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }
}
