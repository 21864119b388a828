import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import type { BotClient } from '../helpers/botClient';
import { useTestApp } from '../helpers/testApp';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/**
 * A test-only RSA key that no channel publishes. Kept as a file: generating one with generateKeyPairSync in the
 * middle of the suite can deadlock Node 20 (a garbage collection during the key's details waits on the job's own
 * lock; seen in CI as a run that never ends).
 */
const UNPUBLISHED_KEY = readFileSync(path.join(__dirname, '../fixtures/keys/unpublished-rsa.pem'), 'utf8');

/** A Bot Framework-shaped channel token signed with a key nobody published. */
function forgedToken(expiresInSeconds: number): string {
  const privateKey = UNPUBLISHED_KEY;
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = Math.min(now, now + expiresInSeconds - 3600);
  return jwt.sign(
    { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'http://127.0.0.1:9', iat: issuedAt, nbf: issuedAt, exp: now + expiresInSeconds },
    privateKey,
    { algorithm: 'RS256', keyid: 'not-a-published-key' },
  );
}

describe('POST /api/messages with channel authentication', () => {
  const running = useTestApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-password-0123' });

  /** Sends an out-of-scope message (a turn would store state and a 'not_understood' event) and expects a 401 and no trace. */
  async function expectRejected(client: BotClient): Promise<void> {
    const answer = await client.post(client.activity({ type: 'message', text: 'asdf qwerty' }));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(401);
    expect((answer.body?.error as { code: string }).code).to.equal('UNAUTHENTICATED');
    const { stores } = running.get().app;
    expect(await stores.state.read([client.stateKey])).to.deep.equal({});
    const events = await stores.analytics.query({ from: new Date(0), to: new Date(Date.now() + 86_400_000) });
    expect(events.filter((e) => e.conversationId === client.conversationId)).to.deep.equal([]);
    expect(await stores.transcripts.list(client.conversationId)).to.deep.equal([]);
  }

  // Without network the SDK cannot fetch the channel's signing keys; the request must still end, fast, as a 401.
  describe('a request without a token', () => {
    it('should be refused with 401 UNAUTHENTICATED and run no turn', async function () {
      this.timeout(10_000);
      await expectRejected(running.get().client({ timeoutMs: 8_000 }));
    });
  });

  describe('a request with a forged token', () => {
    it('should be refused with 401 UNAUTHENTICATED and run no turn', async function () {
      this.timeout(10_000);
      await expectRejected(running.get().client({ authorization: `Bearer ${forgedToken(3600)}`, timeoutMs: 8_000 }));
    });
  });

  describe('a request with an expired token', () => {
    it('should be refused with 401 UNAUTHENTICATED and run no turn', async function () {
      this.timeout(10_000);
      await expectRejected(running.get().client({ authorization: `Bearer ${forgedToken(-3600)}`, timeoutMs: 8_000 }));
    });
  });

  describe('GET /healthz', () => {
    it('should say that channel tokens are checked', async () => {
      const body = (await (await fetch(`${running.get().url}/healthz`)).json()) as { authentication: string };
      expect(body.authentication).to.equal('channel-tokens');
    });
  });
});
