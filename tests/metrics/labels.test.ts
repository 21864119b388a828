import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { channelLabel, limitLabel, operationLabel, problemLabel, statusLabel } from '../../src/metrics/labels';
import { createPrometheusMetrics } from '../../src/metrics/prometheus';
import { useTestApp } from '../helpers/testApp';
import { Scrape, scrape } from './exposition';

const OWNER = { authorization: 'Bearer olga-token-0123456789abcdef' };

describe('metric labels', () => {
  describe('the label functions', () => {
    const known = (id: string) => id === 'cannot_log_in';
    const cases: Array<[string, unknown, (value: never) => string, string]> = [
      ['channel', 'msteams', channelLabel, 'msteams'],
      ['channel', 'conv-1234-from-a-client', channelLabel, 'other'],
      ['channel', undefined, channelLabel, 'other'],
      ['problem', 'cannot_log_in', (id: string) => problemLabel(id, known), 'cannot_log_in'],
      ['problem', 'made_up_problem', (id: string) => problemLabel(id, known), 'other'],
      ['problem', 'I lost my passport in Rome', (id: string) => problemLabel(id, known), 'other'],
      ['problem', undefined, (id: string) => problemLabel(id, known), 'none'],
      ['status', 404, statusLabel, '404'],
      ['status', 9999, statusLabel, 'other'],
      ['limit', 'messages per conversation', limitLabel, 'messages per conversation'],
      ['limit', 'per user anna@example.com', limitLabel, 'other'],
      ['operation', 'state.write', operationLabel, 'state.write'],
      ['operation', 'SELECT * FROM state', operationLabel, 'other'],
    ];
    for (const [kind, input, label, expected] of cases) {
      it(`should label the ${kind} ${JSON.stringify(input)} as "${expected}"`, () => expect(label(input as never)).to.equal(expected));
    }
  });

  describe('createPrometheusMetrics()', () => {
    it('should keep two apps in one process apart (a registry each, not the global one)', async () => {
      const a = createPrometheusMetrics({ version: 't', knownProblem: () => true });
      const b = createPrometheusMetrics({ version: 't', knownProblem: () => true });
      a.recorder.turn('webchat', 'answered', 0.01);
      expect(new Scrape(await a.scrape()).value('rebound_turns_total')).to.equal(1);
      expect(new Scrape(await b.scrape()).value('rebound_turns_total')).to.equal(0);
    });

    it('should count a publish only when the version in service changes', async () => {
      const m = createPrometheusMetrics({ version: 't', knownProblem: () => true });
      m.recorder.knowledgeInService(3);
      m.recorder.knowledgeInService(3);
      m.recorder.knowledgeInService(4);
      const s = new Scrape(await m.scrape());
      expect(s.value('rebound_knowledge_base_version')).to.equal(4);
      expect(s.value('rebound_knowledge_base_publishes_total')).to.equal(1);
    });
  });

  describe('a scrape after traffic that carries ids and words', () => {
    const app = useTestApp({ REBOUND_OWNERS: 'Olga:olga-token-0123456789abcdef', RATE_LIMIT_CONVERSATION_PER_MINUTE: '3' });

    it('should hold no conversation id, user id, channel id or user text', async () => {
      const marker = `zq${randomBytes(6).toString('hex')}`;
      const client = app.get().client({ channelId: `chan-${marker}`, conversationId: `conv-${marker}`, userId: `user-${marker}` });
      await client.say(`my booking ${marker} is gone, mail ${marker}@example.com`);
      await client.say("I can't log in to my account");
      expect((await fetch(`${app.get().url}/nowhere/${marker}`)).status).to.equal(404);
      expect((await fetch(`${app.get().url}/api/agent/cases/${marker}`)).status).to.equal(401);
      const text = (await scrape(app.get().url, OWNER)).text;
      expect(text).to.not.include(marker);
      const s = new Scrape(text);
      expect(s.value('rebound_turns_total', { channel: 'other' })).to.equal(2);
      expect(s.value('rebound_http_requests_total', { route: 'unmatched', status: '404' })).to.equal(1);
      expect(s.value('rebound_http_requests_total', { route: '/api/agent/cases/:id', status: '401' })).to.equal(1);
    });

    it('should count a rate limit rejection by its limit', async () => {
      const client = app.get().client();
      const statuses: number[] = [];
      for (const text of ['hello', 'hello again', 'and again', 'once more']) statuses.push((await client.post(client.activity({ type: 'message', text }))).status);
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
      const s = await scrape(app.get().url, OWNER);
      expect(s.value('rebound_rate_limit_rejections_total', { limit: 'messages per conversation' })).to.equal(1);
      expect(s.value('rebound_http_requests_total', { route: '/api/messages', status: '429' })).to.equal(1);
    });
  });
});
