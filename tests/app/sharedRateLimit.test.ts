import { expect } from 'chai';
import type { RunningApp } from '../helpers/testApp';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../helpers/pgApps';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;

if (PG_URL) {
  const url = PG_URL;
  describe('Rate limits across two Rebound instances on one PostgreSQL', () => {
    const schema = freshSchema('rb_rate');
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(60_000);
      [a, b] = await startTwoApps(url, schema, { RATE_LIMIT_TOKENS_PER_MINUTE: '4', RATE_LIMIT_CONVERSATION_PER_MINUTE: '3' });
    });
    after(async () => stopAndDropSchema(url, schema, [a, b]));

    const tokenRequest = (app: RunningApp) =>
      fetch(`${app.url}/api/webchat/token`, { method: 'POST', body: '{"fresh":true}', headers: { 'content-type': 'application/json' } });

    it('should share the per-client token budget: 4 requests spread over both instances, the 5th refused on either', async () => {
      const statuses: number[] = [];
      for (const app of [a, b, a, b, a, b]) statuses.push((await tokenRequest(app)).status);
      expect(statuses).to.deep.equal([200, 200, 200, 200, 429, 429]);
    });

    it('should share the per-conversation budget of /api/messages across instances', async () => {
      const client = a.client();
      const activity = client.activity({ type: 'conversationUpdate', membersAdded: [] });
      const statuses: number[] = [];
      for (const app of [a, b, a, b]) {
        const res = await fetch(`${app.url}/api/messages`, { method: 'POST', body: JSON.stringify(activity), headers: { 'content-type': 'application/json' } });
        statuses.push(res.status);
      }
      expect(statuses.map((s) => (s < 400 ? 'ok' : s))).to.deep.equal(['ok', 'ok', 'ok', 429]);
    });
  });
}
