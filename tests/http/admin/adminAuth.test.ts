import { expect } from 'chai';
import { useTestApp } from '../../helpers/testApp';
import { ADMIN_ENV, AGENT_TOKEN, AdminClient } from './adminClient';

/** Every admin route, with a body where it takes one. */
const ROUTES: Array<[string, string, unknown?]> = [
  ...['faqs', 'problems', 'intents', 'sources', 'actors'].flatMap((c): Array<[string, string, unknown?]> => [
    ['GET', `/${c}`],
    ['GET', `/${c}/x`],
    ['POST', `/${c}`, {}],
    ['PUT', `/${c}/x`, {}],
    ['DELETE', `/${c}/x`],
  ]),
  ...['compensation', 'escalation', 'platform'].flatMap((c): Array<[string, string, unknown?]> => [['GET', `/${c}`], ['PUT', `/${c}`, {}]]),
  ['POST', '/kb/check', {}],
  ['GET', '/kb/draft'],
  ['DELETE', '/kb/draft'],
  ['POST', '/kb/publish', {}],
  ['GET', '/kb/versions'],
  ['GET', '/kb/versions/1'],
  ['POST', '/kb/versions/1/restore', {}],
  ['POST', '/kb/import?dryRun=true', {}],
  ['GET', '/kb/export?format=json'],
  ['GET', '/gaps'],
  ['POST', '/gaps/gap-x/answer', {}],
  ['GET', '/analytics'],
  ['GET', '/audit'],
  ['GET', '/users/u1/export'],
  ['POST', '/users/u1/erase', {}],
];

describe('AdminApi', () => {
  const app = useTestApp({ ...ADMIN_ENV, RATE_LIMIT_ENABLED: 'false' });

  describe('authentication', () => {
    it('should refuse every route without a token (401), with an agent token (403), and let an owner through', async function () {
      this.timeout(60_000);
      const anonymous = new AdminClient(app.get().url, null);
      const agent = new AdminClient(app.get().url, AGENT_TOKEN);
      const owner = new AdminClient(app.get().url);
      for (const [method, path, body] of ROUTES) {
        const options = body === undefined ? {} : { body };
        const none = await anonymous.call(method, path, options);
        expect(none.status, `${method} ${path} without a token`).to.equal(401);
        expect(none.body.error.code).to.equal('UNAUTHENTICATED');
        const asAgent = await agent.call(method, path, options);
        expect(asAgent.status, `${method} ${path} as an agent`).to.equal(403);
        expect(asAgent.body.error.code).to.equal('FORBIDDEN');
        const asOwner = await owner.call(method, path, options);
        expect([401, 403, 405, 500], `${method} ${path} as the owner (${asOwner.status})`).not.to.include(asOwner.status);
      }
    });
  });
});
