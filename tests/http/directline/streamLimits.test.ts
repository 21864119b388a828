import { expect } from 'chai';
import WebSocket from 'ws';
import { useTestApp } from '../../helpers/testApp';

/** How an upgrade ended: open (the socket, to close later) or refused (the HTTP status, headers and body). */
type Upgrade = { open: true; socket: WebSocket } | { open: false; status: number; retryAfter: string | undefined; body: string };

function upgrade(url: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ open: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ open: false, status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
    });
    socket.once('error', reject);
  });
}

async function closeAll(upgrades: Upgrade[]): Promise<void> {
  const open = upgrades.flatMap((u) => (u.open && u.socket.readyState !== WebSocket.CLOSED ? [u.socket] : []));
  await Promise.all(
    open.map(
      (socket) =>
        new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
}

function expectRefused(u: Upgrade, status: number): { code: string; message: string } {
  if (u.open) throw new Error(`expected the upgrade refused with ${status}, but the socket opened`);
  expect(u.status).to.equal(status);
  expect(Number(u.retryAfter), 'Retry-After').to.be.greaterThan(0);
  return (JSON.parse(u.body) as { error: { code: string; message: string } }).error;
}

describe('Direct Line stream limits (through the app)', () => {
  const app = useTestApp({ DIRECTLINE_STREAMS_PER_CONVERSATION: '2', DIRECTLINE_STREAMS_PER_CLIENT: '5', TRUST_PROXY: 'true' });
  let ip = 0;
  // Each test is its own client (behind the trusted proxy), so the per-client budgets of one test do not leak into the next.
  const client = () => ({ 'x-forwarded-for': `198.51.100.${(ip += 1)}` });

  async function conversation(headers: Record<string, string>): Promise<{ token: string; streamUrl: string; conversationId: string }> {
    const base = app.get().url;
    const session = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', body: JSON.stringify({ fresh: true }), headers: { 'content-type': 'application/json', ...headers } })).json()) as { token: string };
    const started = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}`, ...headers } });
    expect(started.status).to.be.oneOf([200, 201]);
    return (await started.json()) as { token: string; streamUrl: string; conversationId: string };
  }

  /** A fresh stream URL of the conversation, as the clients get on reconnect (a new stream token). */
  async function freshStreamUrl(conv: { token: string; conversationId: string }, headers: Record<string, string>): Promise<string> {
    const again = await fetch(`${app.get().url}/v3/directline/conversations/${encodeURIComponent(conv.conversationId)}`, { headers: { authorization: `Bearer ${conv.token}`, ...headers } });
    return ((await again.json()) as { streamUrl: string }).streamUrl;
  }

  it('should open up to the cap of streams per conversation and refuse the next upgrade with 429 RATE_LIMITED, whatever its token', async () => {
    const headers = client();
    const conv = await conversation(headers);
    const opened = [await upgrade(conv.streamUrl, headers), await upgrade(await freshStreamUrl(conv, headers), headers)];
    try {
      expect(opened.map((u) => u.open)).to.deep.equal([true, true]);
      const error = expectRefused(await upgrade(await freshStreamUrl(conv, headers), headers), 429);
      expect(error.code).to.equal('RATE_LIMITED');
      expect(error.message).to.match(/open streams per conversation/);
    } finally {
      await closeAll(opened);
    }
  });

  it('should refuse a stream token reused past its upgrades even after its sockets closed', async () => {
    const headers = client();
    const conv = await conversation(headers);
    const first = [await upgrade(conv.streamUrl, headers), await upgrade(conv.streamUrl, headers)];
    expect(first.map((u) => u.open)).to.deep.equal([true, true]);
    await closeAll(first);
    const error = expectRefused(await upgrade(conv.streamUrl, headers), 429);
    expect(error.message).to.match(/upgrades per stream token/);
  });

  it('should cap the open streams of one client across its conversations', async () => {
    const headers = client();
    const opened: Upgrade[] = [];
    try {
      for (let i = 0; i < 3; i += 1) {
        const conv = await conversation(headers);
        opened.push(await upgrade(conv.streamUrl, headers), await upgrade(conv.streamUrl, headers));
      }
      // 6 attempts, a cap of 5 per client: the sixth is refused.
      expect(opened.map((u) => u.open)).to.deep.equal([true, true, true, true, true, false]);
      expect(expectRefused(opened[5]!, 429).message).to.match(/open streams per client/);
    } finally {
      await closeAll(opened);
    }
  });
});

describe('Direct Line stream upgrades and the rate limiter (through the app)', () => {
  const app = useTestApp({ RATE_LIMIT_CLIENT_PER_MINUTE: '4', RATE_LIMIT_TOKENS_PER_MINUTE: '10' });

  it('should count each upgrade in the per-client request budget and refuse past it', async () => {
    const base = app.get().url;
    // 2 requests: the web chat token and the conversation start, both on the per-client budget of 4.
    const session = (await (await fetch(`${base}/api/webchat/token`, { method: 'POST', body: '{"fresh":true}', headers: { 'content-type': 'application/json' } })).json()) as { token: string };
    const conv = (await (await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } })).json()) as { streamUrl: string };
    const first = await upgrade(conv.streamUrl);
    const second = await upgrade(conv.streamUrl);
    try {
      expect([first.open, second.open]).to.deep.equal([true, true]);
      const error = expectRefused(await upgrade(conv.streamUrl), 429);
      expect(error.message).to.match(/requests per client/);
    } finally {
      await closeAll([first, second]);
    }
  });
});
