/** One answer of the admin API: status, headers and parsed JSON body (raw text when not JSON). */
export interface AdminAnswer {
  status: number;
  eTag: string | null;
  contentType: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read many shapes
  raw: Buffer;
}

/** The owner and agent tokens the admin tests configure. */
export const OWNER_TOKEN = 'owner-token-0123456789abcdef';
export const AGENT_TOKEN = 'agent-token-0123456789abcdef';
/** Settings that make an app with one owner (olivia) and one agent (ana). */
export const ADMIN_ENV = { REBOUND_OWNERS: `olivia:${OWNER_TOKEN}`, REBOUND_AGENTS: `ana:${AGENT_TOKEN}` };

/** A small client of /api/admin for tests. */
export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null = OWNER_TOKEN,
  ) {}

  /** Calls a route; `ifMatch` sets If-Match; resolves with any status. */
  async call(method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<AdminAnswer> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/admin${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(20_000),
    });
    const raw = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? '';
    let body: unknown = null;
    if (contentType.includes('json') && raw.length) body = JSON.parse(raw.toString('utf8'));
    else if (raw.length) body = raw.toString('utf8');
    return { status: res.status, eTag: res.headers.get('etag'), contentType, body, raw };
  }

  /** Calls a route and fails unless the status is `expected`. */
  async expect(expected: number, method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<AdminAnswer> {
    const answer = await this.call(method, path, options);
    if (answer.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${answer.status}: ${answer.raw.toString('utf8').slice(0, 2000)}`);
    return answer;
  }
}

/** Asks until the bot's replies contain the text (bounded: the NLU retrains in the background). */
export async function answerWithin(ask: () => Promise<unknown>, text: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  do {
    if (JSON.stringify(await ask()).includes(text)) return true;
  } while (Date.now() < until);
  return false;
}
