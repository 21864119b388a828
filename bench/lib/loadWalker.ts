import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** What the walkers measured together. */
export interface LoadStats {
  latencies: number[];
  turns: number;
  conversations: number;
  /** Non-2xx answers and network failures. */
  httpErrors: number;
  /** 2xx answers whose reply was the bot's apology (a turn that failed inside). */
  turnFailures: number;
  statuses: Record<string, number>;
  firstError?: string;
}

const REPORTS = [
  'I was charged twice for my hotel booking', 'my refund has not arrived yet', 'the hotel says it has no reservation for me',
  'the transfer driver did not show up at the airport', 'I cannot log in to my account', 'my flight was cancelled',
  'the airline lost my suitcase', 'my promo code is refused', 'I entered the wrong name on my booking',
];
const FACTS = ['WL-H482913', 'yes', 'no', '12 March', 'ana.silva@example.com', '+351 912 345 678', '120 EUR', 'no, still stuck', 'Lisbon'];
const APOLOGY = /something went wrong on my side/i;
// One keep-alive connection per simulated traveller at most (node:http, not fetch: undici's pool queued
// requests behind busy connections and starved some travellers for the whole run).
// A free socket is dropped after 4 s: sooner than any server's keep-alive timeout, so none is reused as it closes.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4_000 });

/** POSTs JSON; resolves with the status and the body text. */
function postJson(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Reply {
  type?: string;
  text?: string;
  attachments?: Array<{ content?: { actions?: Array<{ type?: string; title?: string; data?: Record<string, unknown> }> } }>;
}

/** The buttons the walker may press: not "talk to a person" (a queued case ends the bot's part). */
function buttons(replies: Reply[]): Array<Record<string, unknown>> {
  return replies
    .flatMap((r) => r.attachments ?? [])
    .flatMap((a) => a.content?.actions ?? [])
    .filter((a) => a.type === 'Action.Submit' && a.data && !/connect me|person/i.test(a.title ?? ''))
    .map((a) => a.data as Record<string, unknown>);
}

/**
 * One simulated traveller: walks a recovery (a failure report, then facts and button presses, mostly "no,
 * still stuck" so the walk goes on) for up to `turnsPerConversation` turns, then starts a new conversation.
 */
export async function walk(url: string, until: number, turnsPerConversation: number, stats: LoadStats, random: () => number, thinkMs = 0): Promise<void> {
  while (performance.now() < until) {
    const conversation = `load-${randomUUID()}`;
    const user = `traveller-${randomUUID().slice(0, 8)}`;
    stats.conversations += 1;
    let replies: Reply[] = [];
    for (let turn = 0; turn < turnsPerConversation && performance.now() < until; turn += 1) {
      const options = buttons(replies);
      const stuck = options.find((o) => JSON.stringify(o).includes('"failure"'));
      const content = turn === 0
        ? { text: REPORTS[Math.floor(random() * REPORTS.length)] }
        : options.length > 0 && random() < 0.7 ? { value: stuck ?? options[Math.floor(random() * options.length)] } : { text: FACTS[Math.floor(random() * FACTS.length)] };
      const activity = { type: 'message', channelId: 'load', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', conversation: { id: conversation }, from: { id: user }, recipient: { id: 'rebound' }, ...content };
      // Think time: a traveller reads the reply and types (uniform in [0.5, 1.5] x the mean); 0 = saturation.
      // Before the first turn too: travellers arrive spread out, not all in the same millisecond.
      if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + random())));
      if (performance.now() >= until) break;
      const started = performance.now();
      try {
        const { status, text: body } = await postJson(`${url}/api/messages`, JSON.stringify(activity));
        const res = { status };
        stats.latencies.push(performance.now() - started);
        stats.turns += 1;
        stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
        if (res.status >= 300) {
          stats.httpErrors += 1;
          stats.firstError ??= `${res.status} ${body.slice(0, 200)}`;
          break;
        }
        replies = ((body ? (JSON.parse(body) as { activities?: Reply[] }) : {}).activities ?? []).filter((a) => a.type === 'message');
        if (replies.some((r) => APOLOGY.test(r.text ?? ''))) {
          stats.turnFailures += 1;
          stats.firstError ??= `apology after ${JSON.stringify(content).slice(0, 120)}`;
        }
      } catch (err) {
        stats.httpErrors += 1;
        stats.firstError ??= (err as Error).message;
        break;
      }
    }
  }
}
