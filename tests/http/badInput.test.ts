import { expect } from 'chai';
import { jsonDepthExcess, MAX_JSON_DEPTH } from '../../src/http/jsonDepth';
import { listRoutes } from '../fuzz/routeTable';
import { useTestApp } from '../helpers/testApp';
import { ADMIN_ENV, AdminClient, OWNER_TOKEN } from './admin/adminClient';

/** A JSON text nesting `depth` arrays inside the given field of an object. */
function nested(depth: number, prefix = '{"type":"message","text":"hi","value":'): string {
  return `${prefix}${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

async function postRaw(url: string, body: string, bearer?: string): Promise<{ status: number; json: { error?: { code?: string; details?: unknown } } }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as { error?: { code?: string } }) : {} };
}

/** Nine anchors of nine aliases each, seven deep: 9^7 nodes once expanded (the "billion laughs" of YAML). */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');

describe('jsonDepthExcess()', () => {
  it('should count brackets outside strings only, escaped quotes included, and name where the limit is passed', () => {
    expect(jsonDepthExcess(nested(MAX_JSON_DEPTH - 1))).to.equal(null);
    expect(jsonDepthExcess(`{"text":"${'['.repeat(5000)}\\"${'{'.repeat(5000)}"}`)).to.equal(null);
    // The object is level 1: the 400th bracket opens level 401.
    const prefix = '{"type":"message","text":"hi","value":';
    expect(jsonDepthExcess(nested(MAX_JSON_DEPTH))).to.deep.equal({ maxDepth: MAX_JSON_DEPTH, offset: prefix.length + MAX_JSON_DEPTH - 1 });
    expect(jsonDepthExcess('[[[', 2)).to.deep.equal({ maxDepth: 2, offset: 2 });
  });
});

describe('Bad input through the real server', () => {
  const app = useTestApp({ ...ADMIN_ENV, RATE_LIMIT_ENABLED: 'false' });

  describe('a JSON body nested 20,000 levels deep', () => {
    it('should be refused 400 BODY_TOO_DEEP on Direct Line (it was a 500: JSON.stringify overflowed the stack)', async () => {
      const url = app.get().url;
      const token = ((await (await fetch(`${url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string }).token;
      const started = (await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).json()) as { conversationId: string; token: string };
      const answer = await postRaw(`${url}/v3/directline/conversations/${started.conversationId}/activities`, nested(20_000), started.token);
      expect(answer.status).to.equal(400);
      expect(answer.json.error?.code).to.equal('BODY_TOO_DEEP');
      expect(answer.json.error?.details).to.deep.include({ maxDepth: MAX_JSON_DEPTH });
      // The conversation goes on: a normal message right after is taken.
      const ok = await postRaw(`${url}/v3/directline/conversations/${started.conversationId}/activities`, JSON.stringify({ type: 'message', text: 'hello', from: { id: 'x' } }), started.token);
      expect(ok.status).to.equal(200);
    });

    it('should be refused 400 BODY_TOO_DEEP on every body route (messages, Direct Line, web chat, agent, admin), signed in or not', async () => {
      const routes = listRoutes(app.get().app.server).filter((r) => r.method === 'POST' || r.method === 'PUT');
      const groups = new Set(routes.map((r) => r.pattern.split('/').slice(0, 3).join('/')));
      expect([...groups]).to.include.members(['/api/messages', '/v3/directline', '/api/agent', '/api/admin']);
      for (const r of routes) {
        for (const bearer of [undefined, OWNER_TOKEN]) {
          const res = await fetch(`${app.get().url}${r.path}`, { method: r.method, headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: nested(20_000) });
          const body = (await res.json()) as { error?: { code?: string } };
          expect(res.status, `${r.method} ${r.pattern}`).to.equal(400);
          expect(body.error?.code, `${r.method} ${r.pattern}`).to.equal('BODY_TOO_DEEP');
        }
      }
    });

    it('should still take an activity nested just under the limit on /api/messages', async () => {
      const client = app.get().client();
      const activity = JSON.stringify(client.activity({ type: 'message', text: 'hello' }));
      const answer = await postRaw(`${app.get().url}/api/messages`, nested(MAX_JSON_DEPTH - 2, `${activity.slice(0, -1)},"channelData":`));
      expect(answer.status).to.equal(200);
    });
  });

  describe('POST /api/admin/kb/import of YAML files', () => {
    const owner = () => new AdminClient(app.get().url);
    const filesWith = async (file: string, content: string) => {
      const exported = await owner().expect(200, 'GET', '/kb/export?format=json');
      return (exported.body.files as Array<{ path: string; content: string }>).map((f) => (f.path === file ? { path: f.path, content } : f));
    };

    it('should answer an alias bomb 422 INVALID_KB naming the file and line (it was a 500), and change nothing', async () => {
      const versionBefore = app.get().app.knowledge.current().version;
      const files = await filesWith('actors.yaml', `# actors\n${ALIAS_BOMB}\n`);
      for (const path of ['/kb/import?dryRun=true', '/kb/import']) {
        const answer = await owner().call('POST', path, { body: { format: 'files', files } });
        expect(answer.status, path).to.equal(422);
        expect(answer.body.error.code).to.equal('INVALID_KB');
        const problem = (answer.body.error.details.problems as Array<{ file: string; line?: number; message: string }>).find((p) => p.file === 'actors.yaml');
        expect(problem?.message).to.match(/aliases .*more than 100/);
        expect(problem?.line).to.equal(3);
      }
      expect((await owner().expect(200, 'GET', '/kb/draft')).body.exists).to.equal(false);
      expect(app.get().app.knowledge.current().version).to.equal(versionBefore);
    });

    it('should answer a file over the size limit 422 with its name, before parsing it', async () => {
      const files = await filesWith('actors.yaml', `# ${'x'.repeat(1_000_001)}\n`);
      const answer = await owner().call('POST', '/kb/import?dryRun=true', { body: { format: 'files', files } });
      expect(answer.status).to.equal(422);
      const problem = (answer.body.error.details.problems as Array<{ file: string; line?: number; message: string }>).find((p) => p.file === 'actors.yaml');
      expect(problem?.message).to.match(/more than the 1000000 a knowledge base file may have/);
      expect(problem?.line).to.equal(1);
    });
  });
});
