import { expect } from 'chai';
import fc from 'fast-check';
import { activityLike, anyBody, anyJson, anyText, headerText, validActivity } from './arbitraries';
import { BODY_ROUTE_PREFIXES, fuzzedRoutes, listRoutes, type RouteEntry } from './routeTable';
import { useTestApp } from '../helpers/testApp';

const SECRET = 'fuzz-secret-fuzz-secret-fuzz-secret-0123';
const AGENT = 'agent-token-0123456789abcdef';
const OWNER = 'owner-token-0123456789abcdef';
// Bounded runs: the whole file stays well under 30 s on the 2-core CI machine.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Reads an answer and checks it: a 2xx, or a 4xx whose body is `{ error: { code, message } }`; never a 5xx. */
async function expectClearAnswer(res: Response, what: () => string): Promise<void> {
  // An event stream (the agent console's live updates) never ends: its status is the answer.
  if (String(res.headers.get('content-type')).startsWith('text/event-stream')) {
    await res.body?.cancel();
    expect(res.status, what()).to.be.within(200, 299);
    return;
  }
  const text = await res.text();
  // 501 is Bot Framework's answer to an invoke the bot does not handle (botbuilder's ActivityHandler): protocol, not a crash.
  const invokeNotHandled = res.status === 501 && /"type":"invoke"/.test(what());
  if (invokeNotHandled) return;
  expect(res.status, `${what()} -> ${res.status} ${text.slice(0, 300)}`).to.be.within(200, 499);
  if (res.status < 400) return;
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(body.error?.code, what()).to.be.a('string').that.matches(/^[A-Z_]+$/);
  expect(body.error?.message, what()).to.be.a('string').that.is.not.empty;
}

describe('HTTP routes under bad input (property-based)', function () {
  this.timeout(60_000);
  const app = useTestApp({
    DIRECTLINE_SECRET: SECRET,
    REBOUND_AGENTS: `ana:${AGENT}`,
    REBOUND_OWNERS: `olga:${OWNER}`,
    // Limits stay on (what production runs), high enough that the properties exercise the routes behind them.
    RATE_LIMIT_TOKENS_PER_MINUTE: '100000',
    RATE_LIMIT_CLIENT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_FAILURES: '100000',
  });
  const conversationIds = fc.constantFrom('fuzz-a', 'fuzz-b', 'x'.repeat(600), '../../etc', '%00', 'ü/ß');
  let dlToken = '';
  let dlConversation = '';

  before(async () => {
    const res = await fetch(`${app.get().url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` } });
    const body = (await res.json()) as { token: string; conversationId: string };
    dlToken = body.token;
    dlConversation = body.conversationId;
  });

  afterEach(async () => {
    // The server keeps serving after every property.
    const res = await fetch(`${app.get().url}/healthz`);
    expect(res.status).to.equal(200);
    expect(((await res.json()) as { status: string }).status).to.equal('ok');
  });

  it('should answer POST /api/messages with a 2xx or a clear 4xx whatever the activity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(activityLike(conversationIds), validActivity(conversationIds)), async (activity) => {
        const res = await fetch(`${app.get().url}/api/messages`, { method: 'POST', body: JSON.stringify(activity), headers: { 'content-type': 'application/json' } });
        await expectClearAnswer(res, () => `POST /api/messages ${JSON.stringify(activity).slice(0, 200)}`);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('should answer every fuzzed route with a 2xx or a clear 4xx whatever the body and the credentials', async () => {
    const routes = fuzzedRoutes(app.get().app.server);
    const credential = fc.constantFrom<string | undefined>(undefined, `Bearer ${SECRET}`, `Bearer ${AGENT}`, `Bearer ${OWNER}`, 'Bearer not-a-token', 'Basic Zm9vOmJhcg==');
    const pathOf = (r: RouteEntry) => r.path.replace('no-such-conversation', encodeURIComponent(dlConversation));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), anyBody(conversationIds), fc.oneof(credential, headerText.map((h) => `Bearer ${h}`)), async (r, { body, contentType }, authorization) => {
        const credentialOf = authorization === `Bearer ${SECRET}` && r.pattern.includes(':conversationId') ? `Bearer ${dlToken}` : authorization;
        const res = await fetch(`${app.get().url}${pathOf(r)}`, {
          method: r.method,
          body,
          headers: { 'content-type': contentType, ...(credentialOf ? { authorization: credentialOf } : {}) },
        });
        await expectClearAnswer(res, () => `${r.method} ${r.pattern} (${contentType}) ${body.slice(0, 200)}`);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('should answer Direct Line activities of a real conversation with a 2xx or a clear 4xx whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(activityLike(conversationIds), anyJson), async (activity) => {
        const res = await fetch(`${app.get().url}/v3/directline/conversations/${encodeURIComponent(dlConversation)}/activities`, {
          method: 'POST',
          body: JSON.stringify(activity) ?? 'null',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${dlToken}` },
        });
        await expectClearAnswer(res, () => `POST activities ${JSON.stringify(activity)?.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('should answer the GET routes with a 2xx or a clear 4xx whatever the path parameters and the query', async () => {
    // The agent and admin GET routes are picked up from the server, called with the agent's or the owner's token.
    const signedIn = listRoutes(app.get().app.server).filter((r) => r.method === 'GET' && BODY_ROUTE_PREFIXES.some((p) => r.pattern.startsWith(p))).map((r) => r.path);
    const getPaths = ['/healthz', `/v3/directline/conversations/${encodeURIComponent(dlConversation)}`, `/v3/directline/conversations/${encodeURIComponent(dlConversation)}/activities`, '/assets/', ...signedIn];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getPaths), anyText, anyText, fc.constantFrom(AGENT, OWNER), async (path, param, query, person) => {
        const url = `${app.get().url}${path}${path.endsWith('/') ? encodeURIComponent(param) : ''}?watermark=${encodeURIComponent(query)}&from=${encodeURIComponent(query)}&limit=${encodeURIComponent(param)}&${encodeURIComponent(param)}=1`;
        const token = path.startsWith('/api/agent') || path.startsWith('/api/admin') ? person : dlToken;
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        await expectClearAnswer(res, () => `GET ${url.slice(0, 200)}`);
      }),
      // Found by this property once (asset names looked up on a plain object): kept as a fixed example.
      { numRuns: RUNS * 2, examples: [['/assets/', '__proto__', '', AGENT], ['/assets/', 'constructor', '-1', OWNER]] },
    );
  });
});
