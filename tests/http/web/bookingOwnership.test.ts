import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { useTestApp } from '../../helpers/testApp';
import { buttonsOf } from '../../helpers/botClient';

const SECRET = 'platform-identity-secret-for-tests-0123456789';
const EMBEDDER = 'http://127.0.0.1:5999';
/** What an unverified traveller must never see of Anna Schmidt's hotel booking WL-H482913. */
const DETAILS = ['Schmidt', '386', 'Lumière', 'anna.schmidt', 'Jonas'];

type Json = Record<string, unknown>;

async function call(url: string, path: string, options: { bearer?: string; body?: unknown; headers?: Record<string, string>; method?: string } = {}): Promise<{ status: number; json: Json; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method: options.method ?? 'POST',
    headers: { ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}), ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
}

/** A signed assertion as the platform's backend makes one. */
function assertion(sub: string, secret = SECRET, lifetime = 300): string {
  return jwt.sign({ sub }, secret, { algorithm: 'HS256', audience: 'rebound', expiresIn: lifetime });
}

/** A web chat conversation through the real token route and Direct Line; `say` returns the bot's texts of the turn. */
async function webChat(url: string, body: Json = {}) {
  const started = await call(url, '/api/webchat/token', { body });
  expect(started.status, JSON.stringify(started.json)).to.equal(200);
  const token = String(started.json.token);
  const conv = await call(url, '/v3/directline/conversations', { bearer: token });
  const id = String(conv.json.conversationId);
  let watermark = -1;
  const turn = async (activity: Json): Promise<string> => {
    const sent = await call(url, `/v3/directline/conversations/${id}/activities`, { bearer: token, body: { type: 'message', ...activity } });
    expect(sent.status).to.equal(200);
    const got = await call(url, `/v3/directline/conversations/${id}/activities?watermark=${watermark}`, { bearer: token, method: 'GET' });
    watermark = Number(got.json.watermark);
    const acts = got.json.activities as Array<{ from: { role?: string }; text?: string; attachments?: unknown[] }>;
    return acts.filter((a) => a.from.role !== 'user').map((a) => JSON.stringify({ text: a.text, attachments: a.attachments })).join('\n');
  };
  return { id, say: (text: string, from?: Json) => turn({ text, ...(from ? { from } : {}) }), press: (value: Json) => turn({ value }) };
}

describe('Booking ownership through the real server (issue 12, finding 1)', () => {
  const app = useTestApp({ PLATFORM_IDENTITY_SECRET: SECRET, EMBED_ORIGINS: EMBEDDER });

  it('should show an anonymous web chat nothing of a booking it names, ask the surname, and never act on it', async () => {
    const { url } = app.get();
    const chat = await webChat(url);
    // The traveller claims to be Anna: from.id is not an identity.
    const first = await chat.say('I want to cancel my hotel booking WL-H482913', { id: 'anna.schmidt@gmail.com', name: 'Anna Schmidt' });
    for (const d of DETAILS) expect(first, d).not.to.include(d);
    expect(first).to.include('To keep bookings private');
    let all = first;
    for (const wrong of ['Müller', 'Meyer', 'Smith']) all += await chat.say(wrong);
    expect(all).to.include("can't confirm that this booking is yours");
    all += await chat.say('cancel it for me please');
    all += await chat.say('yes');
    for (const d of DETAILS) expect(all, d).not.to.include(d);
    const record = await app.get().app.stores.bookings.get('WL-H482913');
    expect(record?.requests).to.deep.equal([]);
    expect(record?.messages).to.deep.equal([]);
  });

  it('should answer a reference of someone else exactly as one that does not exist, and suggest no real one', async () => {
    const { url } = app.get();
    const someoneElses = await (await webChat(url)).say('my hotel booking WL-H590144 has a problem, the hotel has no record of it');
    const none = await (await webChat(url)).say('my hotel booking WL-H590199 has a problem, the hotel has no record of it');
    // The wording varies from one conversation to the next (the voice picks among variants): the question must not.
    const question = (s: string) => s.slice(s.indexOf('To keep bookings private')).replace(/WL-H5901\d\d/g, 'REF');
    expect(question(someoneElses)).to.include('REF is yours');
    expect(question(someoneElses)).to.equal(question(none));
    const near = await (await webChat(url)).say('the hotel has no record of my booking WL-H590145');
    expect(near).not.to.include('WL-H590144');
  });

  it('should give the booking to an anonymous traveller who types the surname on it, and record how', async () => {
    const { url } = app.get();
    const chat = await webChat(url);
    await chat.say('the hotel says they have no reservation for booking WL-H590144');
    const proven = await chat.say('baker');
    expect(proven).to.include('booking WL-H590144 is yours');
    const active = await app.get().app.stores.cases.findActiveByConversation(chat.id);
    const events = await app.get().app.stores.cases.listEvents(active!.id);
    expect(events.map((e) => e.data.bookingEvent)).to.deep.include({ action: 'verified', reference: 'WL-H590144', verifiedBy: 'surname' });
  });

  it('should show a platform-vouched traveller their own booking without a reference', async () => {
    const { url } = app.get();
    const chat = await webChat(url, { assertion: assertion('anna.schmidt@gmail.com') });
    let replies = await chat.say('the hotel says they have no reservation for me');
    // Never asked for a reference: the facts still asked are answered until the summary shows the booking.
    for (let i = 0; i < 4 && !replies.includes('WL-H482913'); i++) replies += await chat.say("I don't know");
    expect(replies).to.include('WL-H482913');
    expect(replies).not.to.match(/booking reference\?|To keep bookings private/);
  });

  it('should refuse a forged or unsigned assertion (401) and resume no vouched conversation without one', async () => {
    const { url } = app.get();
    expect((await call(url, '/api/webchat/token', { body: { assertion: assertion('anna.schmidt@gmail.com', 'another-secret-of-at-least-32-chars!!') } })).status).to.equal(401);
    const none = jwt.sign({ sub: 'anna.schmidt@gmail.com', aud: 'rebound' }, '', { algorithm: 'none' });
    expect((await call(url, '/api/webchat/token', { body: { assertion: none } })).status).to.equal(401);
    expect((await call(url, '/api/webchat/token', { body: { assertion: assertion('anna.schmidt@gmail.com', SECRET, 3600) } })).status).to.equal(401);
    const vouched = await call(url, '/api/webchat/token', { body: { assertion: assertion('anna.schmidt@gmail.com') } });
    const anonymous = await call(url, '/api/webchat/token', { body: { token: vouched.json.token } });
    expect(anonymous.json.conversationId).not.to.equal(vouched.json.conversationId);
  });

  it('should show /api/messages nothing of a booking it names, and offer no action on it', async () => {
    const client = app.get().client();
    // The way to "Cancel WL-H482913 for me" before the fix: the reference, "no" new dates (cancelling), yes to the
    // summary, to the outcome asked and to the policy step.
    const turns = [];
    for (const text of ['I want to cancel my hotel booking WL-H482913', 'no', 'yes', 'yes', 'yes']) turns.push(...(await client.say(text)));
    const shown = turns.map((a) => JSON.stringify(a)).join('\n');
    for (const d of DETAILS) expect(shown, d).not.to.include(d);
    expect(turns.flatMap(buttonsOf).map((b) => b.title).join(' | ')).not.to.match(/cancel WL-H482913 for me/i);
  });

  it('should let only EMBED_ORIGINS frame the chat and call the token route', async () => {
    const { url } = app.get();
    const page = await fetch(`${url}/embed`);
    expect(page.headers.get('content-security-policy')).to.include(`frame-ancestors ${EMBEDDER}`);
    expect(page.headers.get('x-frame-options')).to.equal(null);
    const allowed = await call(url, '/api/webchat/token', { method: 'OPTIONS', headers: { origin: EMBEDDER, 'access-control-request-method': 'POST' } });
    expect(allowed.headers.get('access-control-allow-origin')).to.equal(EMBEDDER);
    const other = await call(url, '/api/webchat/token', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).to.equal(null);
    const launcher = await fetch(`${url}/embed.js`);
    expect(launcher.status).to.equal(200);
    expect(launcher.headers.get('cross-origin-resource-policy')).to.equal('cross-origin');
  });
});

describe('The embedded chat without EMBED_ORIGINS', () => {
  const app = useTestApp();

  it('should let no site frame it', async () => {
    const page = await fetch(`${app.get().url}/embed`);
    expect(page.headers.get('content-security-policy')).to.include("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).to.equal('DENY');
  });
});
