import { expect } from 'chai';
import WebSocket from 'ws';
import { DirectLine, ConnectionStatus, type Activity } from 'botframework-directlinejs';
import { FakeBotGateway } from '../fakes/fakeBotGateway';
import { call, SECRET, startHarness, type Harness } from '../http/directline/directLineHarness';
import { fetchAjax } from './nodeDirectLineServices';

type Global = { WebSocket?: unknown };

describe('DirectLine (botframework-directlinejs) against the local endpoint', () => {
  let h: Harness;
  before(async () => {
    // directlinejs decides between WebSocket and polling by looking for a global WebSocket (Node 20 has none).
    (globalThis as Global).WebSocket = WebSocket;
    h = await startHarness(new FakeBotGateway());
  });
  after(async () => {
    delete (globalThis as Global).WebSocket;
    await h.close();
  });

  for (const webSocket of [true, false]) {
    describe(`postActivity() with webSocket ${webSocket}`, () => {
      it('should start a conversation, send a message and receive the welcome and the reply', async () => {
        const generated = await call(`${h.url}/v3/directline/tokens/generate`, 'POST', SECRET);
        const directLine = new DirectLine({
          domain: `${h.url}/v3/directline`,
          token: String(generated.json.token),
          webSocket,
          pollingInterval: 200,
          ajax: fetchAjax as never,
          WebSocket: WebSocket as never,
        });
        const seen: Activity[] = [];
        let notify: () => void = () => undefined;
        const subscription = directLine.activity$.subscribe((a) => {
          seen.push(a);
          notify();
        });
        const waitFor = (text: string) =>
          new Promise<Activity>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no "${text}"; saw ${seen.map((a) => ('text' in a ? a.text : a.type)).join(', ')}`)), 8000);
            const check = () => {
              const found = seen.find((a) => 'text' in a && a.text === text);
              if (found) {
                clearTimeout(timer);
                resolve(found);
              }
            };
            notify = check;
            check();
          });
        try {
          await waitFor('Welcome to the echo bot');
          const id = await new Promise<string>((resolve, reject) => {
            directLine.postActivity({ type: 'message', text: `hi ${webSocket}`, from: { id: 'ignored' } }).subscribe(resolve, reject);
          });
          expect(id).to.match(/\|\d{7}$/);
          const reply = await waitFor(`echo: hi ${webSocket}`);
          expect((reply as Activity & { replyToId?: string }).replyToId).to.equal(id);
          expect(directLine.connectionStatus$.getValue()).to.equal(ConnectionStatus.Online);
        } finally {
          subscription.unsubscribe();
          directLine.end();
        }
      });
    });
  }
});
