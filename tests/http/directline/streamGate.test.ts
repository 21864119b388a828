import { expect } from 'chai';
import { RateLimits } from '../../../src/http/rateLimitRules';
import { StreamGate, isRefusal, type StreamSlot } from '../../../src/http/directline/streamLimits';
import { MemoryRateLimitStore } from '../../../src/storage/rateLimit';

const SETTINGS = { enabled: true, conversationPerMinute: 100, clientPerMinute: 100, tokensPerMinute: 100, authFailuresPer15Minutes: 100, trustProxy: false };

function gate(perConversation: number, perClient: number): StreamGate {
  return new StreamGate({ perConversation, perClient, trustProxy: false, tokenLifetimeSeconds: 300 }, new RateLimits(SETTINGS, new MemoryRateLimitStore(() => 0)));
}

async function slot(g: StreamGate, client: string, conversation: string, token: string): Promise<StreamSlot> {
  const reserved = await g.reserve(client, conversation, token);
  if (isRefusal(reserved)) throw new Error(`refused: ${reserved.limit}`);
  return reserved;
}

describe('StreamGate', () => {
  describe('reserve()', () => {
    it('should give a conversation its slot back when a stream closes, once however often it is released', async () => {
      const g = gate(2, 10);
      const a = await slot(g, 'ip', 'c1', 't1');
      await slot(g, 'ip', 'c1', 't2');
      expect(await g.reserve('ip', 'c1', 't3')).to.include({ limit: 'open streams per conversation' });
      a.release();
      a.release();
      expect(g.openStreams()).to.equal(1);
      await slot(g, 'ip', 'c1', 't4');
      expect(await g.reserve('ip', 'c1', 't5')).to.include({ limit: 'open streams per conversation' });
    });

    it('should count a client over its conversations and free it on release', async () => {
      const g = gate(4, 2);
      const a = await slot(g, 'ip', 'c1', 't1');
      await slot(g, 'ip', 'c2', 't2');
      expect(await g.reserve('ip', 'c3', 't3')).to.include({ limit: 'open streams per client' });
      expect(isRefusal(await g.reserve('other', 'c3', 't4')), 'another client').to.equal(false);
      a.release();
      expect(isRefusal(await g.reserve('ip', 'c3', 't5'))).to.equal(false);
    });

    it('should spend a token on every attempt, refused ones included', async () => {
      const g = gate(2, 10);
      const a = await slot(g, 'ip', 'c1', 'same');
      const b = await slot(g, 'ip', 'c1', 'same');
      a.release();
      b.release();
      expect(await g.reserve('ip', 'c1', 'same')).to.include({ limit: 'upgrades per stream token' });
      expect(g.openStreams()).to.equal(0);
    });
  });
});
