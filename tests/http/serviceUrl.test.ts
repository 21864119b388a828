import { expect } from 'chai';
import { isLoopbackServiceUrl } from '../../src/http/serviceUrl';
import { useTestApp } from '../helpers/testApp';

describe('isLoopbackServiceUrl()', () => {
  it('should accept this machine in every spelling, and nothing else', () => {
    for (const url of ['http://127.0.0.1:9', 'http://localhost:3978/', 'https://LOCALHOST', 'http://[::1]:80/', 'http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://127.8.9.10/x']) {
      expect(isLoopbackServiceUrl(url), url).to.equal(true);
    }
    for (const url of ['https://smba.trafficmanager.net/emea/', 'http://10.255.255.1:9/', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io/', 'file:///etc/passwd', 'not a url', '', 'http://[::2]/']) {
      expect(isLoopbackServiceUrl(url), url).to.equal(false);
    }
  });
});

describe('POST /api/messages without app credentials', () => {
  const app = useTestApp({ RATE_LIMIT_ENABLED: 'false' });

  it('should refuse a serviceUrl that is not loopback with 403 SERVICE_URL_NOT_ALLOWED at once, call nothing and keep no reference', async function () {
    this.timeout(10_000);
    // An unroutable address: before, the bot sent its replies there and retried for seconds.
    for (const [serviceUrl, deliveryMode] of [['http://10.255.255.1:9/', 'normal'], ['https://smba.trafficmanager.net/emea/', 'expectReplies']] as const) {
      const client = app.get().client({ serviceUrl, timeoutMs: 5_000 });
      const started = Date.now();
      const answer = await client.post(client.activity({ type: 'message', text: 'hello', deliveryMode }));
      expect(answer.status, serviceUrl).to.equal(403);
      expect((answer.body?.error as { code?: string }).code).to.equal('SERVICE_URL_NOT_ALLOWED');
      expect(Date.now() - started, serviceUrl).to.be.below(1_000);
      expect(await app.get().app.stores.conversationReferences.get(client.conversationId), serviceUrl).to.equal(null);
    }
  });

  it('should still answer a loopback serviceUrl (local tools, tests, the chat CLI)', async () => {
    const replies = await app.get().client({ serviceUrl: 'http://127.0.0.1:9' }).say('hello');
    expect(replies).not.to.be.empty;
  });
});
