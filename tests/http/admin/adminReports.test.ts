import { expect } from 'chai';
import { useTestApp } from '../../helpers/testApp';
import { ADMIN_ENV, AdminClient } from './adminClient';

describe('AdminApi', () => {
  const app = useTestApp({ ...ADMIN_ENV, RATE_LIMIT_ENABLED: 'false' });
  const owner = () => new AdminClient(app.get().url);

  describe('GET /api/admin/analytics', () => {
    it('should count the scripted conversations of the window, with a per-day series', async function () {
      this.timeout(20_000);
      await app.get().client().say('how long does a refund take?');
      await app.get().client().say('do you organise karaoke on the cruise?');
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const report = (await owner().expect(200, 'GET', `/analytics?from=${from}`)).body;
      expect(report.conversations).to.equal(2);
      expect(report.contained).to.deep.equal({ count: 2, rate: 1 });
      // An hour may span midnight: the series then has two days.
      expect((report.series as Array<{ conversations: number }>).reduce((sum, d) => sum + d.conversations, 0)).to.equal(2);
      expect((await owner().call('GET', '/analytics?from=yesterday')).status).to.equal(400);
    });
  });

  describe('GET /api/admin/users/{id}/export, then POST /api/admin/users/{id}/erase', () => {
    it('should export then erase a traveller, and record both in the audit trail', async function () {
      this.timeout(20_000);
      const traveller = app.get().client();
      await traveller.say('how long does a refund take?');
      const exported = (await owner().expect(200, 'GET', `/users/${traveller.userId}/export`)).body;
      expect(exported.conversationIds).to.deep.equal([traveller.conversationId]);
      expect(exported.analytics.length).to.be.above(0);
      const erased = (await owner().expect(200, 'POST', `/users/${traveller.userId}/erase`)).body;
      expect(erased.erased.analytics).to.be.above(0);
      expect((await owner().expect(200, 'GET', `/users/${traveller.userId}/export`)).body.analytics).to.deep.equal([]);
      const audit = (await owner().expect(200, 'GET', `/audit?target=user:${traveller.userId}`)).body.entries as Array<{ action: string; actor: string }>;
      expect(audit.map((e) => e.action)).to.deep.equal(['user.export', 'user.erase', 'user.export']);
    });
  });
});
