import { expect } from 'chai';
import { useTestApp } from '../../helpers/testApp';
import { StreamClient } from './directLineHarness';

const SECRETS = 'my mobile is 07700 900123, passport 533380006, card 4111 1111 1111 1111 cvv 737 exp 03/29, mail anna.smith@gmail.com';
const RAW_PARTS = ['900123', '533380006', '4111 1111', '737', '03/29', 'anna.smith@gmail.com'];

async function post(url: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A web chat conversation on the running app, as the embedded chat starts one. */
async function startConversation(url: string): Promise<{ token: string; conversationId: string; streamUrl: string }> {
  const started = (await (await fetch(`${url}/api/webchat/token`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { token: string };
  const conv = await post(url, '/v3/directline/conversations', started.token);
  return { token: started.token, conversationId: String(conv.json.conversationId), streamUrl: String(conv.json.streamUrl) };
}

describe('Direct Line and transcripts: personal data at rest (issue 12, finding 3)', () => {
  const app = useTestApp();

  it('should deliver the message as typed on the live stream but keep only its redacted form in the store and the transcript', async () => {
    const { url } = app.get();
    const { token, conversationId, streamUrl } = await startConversation(url);
    const stream = await StreamClient.open(streamUrl);
    try {
      const sent = await post(url, `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u' }, text: SECRETS });
      expect(sent.status).to.equal(200);
      const echo = await stream.waitFor((a) => a.id === sent.json.id);
      expect(echo.text).to.equal(SECRETS);
    } finally {
      stream.close();
    }

    const polled = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } });
    const activities = ((await polled.json()) as { activities: Array<Record<string, unknown>> }).activities;
    const mine = activities.find((a) => (a.from as { role?: string } | undefined)?.role === 'user' && typeof a.text === 'string');
    expect(mine?.text).to.equal('my mobile is [phone], passport [passport], card [card] cvv [cvv] exp [expiry], mail [email]');
    const atRest = JSON.stringify((await app.get().app.stores.directLine.list(conversationId, -1)).activities);
    const transcript = JSON.stringify(await app.get().app.stores.transcripts.list(conversationId));
    expect(transcript).to.include('[phone]');
    for (const raw of RAW_PARTS) {
      expect(atRest, `store: ${raw}`).not.to.include(raw);
      expect(transcript, `transcript: ${raw}`).not.to.include(raw);
    }
  });

  it('should answer a 100,000-character one-word message and refuse 100,001 characters before any work (400)', async () => {
    const { url } = app.get();
    const { token, conversationId } = await startConversation(url);
    const word = 'a.b_c%d+e-'.repeat(10_000);
    const ok = await post(url, `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u' }, text: word });
    expect(ok.status).to.equal(200);
    const tooLong = await post(url, `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', from: { id: 'u' }, text: `${word}x` });
    expect(tooLong.status).to.equal(400);
    const lines = await app.get().app.stores.transcripts.list(conversationId);
    expect(lines.filter((l) => l.text === word)).to.have.length(1);
  });
});
