/**
 * `npm run chat`: a terminal client for the bot. It talks to /api/messages with deliveryMode
 * "expectReplies" and runs a small local service endpoint so proactive messages (an agent's words,
 * follow-ups) arrive too, as the Bot Framework Emulator does.
 *   npm run chat -- [--url http://localhost:3978] [--user NAME] [--conversation ID]
 */
import { createServer, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import { renderActivity, type Button } from './chat/render';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const botUrl = arg('url', process.env.REBOUND_URL ?? `http://localhost:${process.env.PORT ?? 3978}`).replace(/\/$/, '');
const userId = arg('user', `traveller-${randomUUID().slice(0, 8)}`);
const conversationId = arg('conversation', `terminal-${randomUUID()}`);
let buttons: Button[] = [];

function show(activity: Record<string, unknown>): void {
  const { lines, buttons: b } = renderActivity(activity);
  if (lines.length === 0 && b.length === 0) return;
  process.stdout.write(`\n\x1b[36mRebound:\x1b[0m ${lines.join('\n  ')}\n`);
  if (b.length) {
    buttons = b;
    b.forEach((btn, i) => process.stdout.write(`  \x1b[33m[${i + 1}]\x1b[0m ${btn.title}\n`));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// The service endpoint the bot sends proactive messages to (Bot Connector REST shape).
const service = createServer((req, res) => {
  void readBody(req).then((body) => {
    try {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) show(JSON.parse(body));
    } catch { /* a malformed proactive message is skipped, the chat goes on */ }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: randomUUID() }));
  });
});

async function send(partial: Record<string, unknown>, serviceUrl: string): Promise<void> {
  const activity = {
    channelId: 'terminal',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: userId, name: userId, role: 'user' },
    recipient: { id: 'rebound', name: 'Rebound', role: 'bot' },
    deliveryMode: 'expectReplies',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    ...partial,
  };
  const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  if (!res.ok) {
    process.stdout.write(`\x1b[31m(the bot answered ${res.status}: ${(await res.text()).slice(0, 300)})\x1b[0m\n`);
    return;
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as { activities?: Array<Record<string, unknown>> }) : {};
  for (const a of body.activities ?? []) show(a);
}

async function main(): Promise<void> {
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  process.stdout.write(`Chatting with ${botUrl} as ${userId} (conversation ${conversationId}).\nType a message, a number to press a button, or /quit.\n`);
  try {
    await send({ type: 'conversationUpdate', membersAdded: [{ id: userId, name: userId }] }, serviceUrl);
  } catch (err) {
    process.stderr.write(`Cannot reach the bot at ${botUrl} (${(err as Error).message}). Start it with "npm start" first.\n`);
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const prompt = () => process.stdout.write('\n\x1b[32mYou:\x1b[0m ');
  prompt();
  // Async iteration queues lines, so piped input (a scripted demo) is not lost while a turn is in flight.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line) {
      if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
      const n = Number(line);
      const button = Number.isInteger(n) && n >= 1 && n <= buttons.length ? buttons[n - 1] : undefined;
      try {
        if (button?.value !== undefined) await send({ type: 'message', value: button.value }, serviceUrl);
        else await send({ type: 'message', text: button?.text ?? line }, serviceUrl);
      } catch (err) {
        process.stdout.write(`\x1b[31m(could not reach the bot: ${(err as Error).message})\x1b[0m\n`);
      }
    }
    prompt();
  }
  rl.close();
  service.close();
}

void main();
