import { randomUUID } from 'node:crypto';

/** A reply activity as it comes back in an expectReplies body (only the fields the tests read are typed). */
export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  attachments?: Array<{ contentType: string; content?: { body?: unknown[]; actions?: CardAction[] } }>;
  [key: string]: unknown;
}

/** An Adaptive Card action as our cards render it. */
export interface CardAction {
  type: string;
  title: string;
  data?: { rebound?: string; target?: string; [key: string]: unknown };
}

/** A raw HTTP answer: status and the parsed JSON body (or null when the body is empty). */
export interface HttpAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/** Who the client talks as; every field has a fresh default. */
export interface BotClientOptions {
  channelId?: string;
  conversationId?: string;
  userId?: string;
  /** Never called with expectReplies; an unroutable address keeps any stray call from reaching something real. */
  serviceUrl?: string;
  /** Sent as the Authorization header when set. */
  authorization?: string;
  /** A request that takes longer fails (default 15 s), so a hung server fails a test instead of stalling the run. */
  timeoutMs?: number;
}

/** A small typed channel: posts activities with deliveryMode "expectReplies" to /api/messages, as `npm run chat` does. */
export class BotClient {
  readonly channelId: string;
  readonly conversationId: string;
  readonly userId: string;
  private readonly serviceUrl: string;

  constructor(
    private readonly baseUrl: string,
    private readonly options: BotClientOptions = {},
  ) {
    this.channelId = options.channelId ?? 'test';
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.userId = options.userId ?? `traveller-${randomUUID().slice(0, 8)}`;
    this.serviceUrl = options.serviceUrl ?? 'http://127.0.0.1:9';
  }

  /** The state key botbuilder's ConversationState uses for this conversation (4.23 appends '/' and an empty namespace). */
  get stateKey(): string {
    return `${this.channelId}/conversations/${this.conversationId}/`;
  }

  /** A full activity of this conversation, with `partial` on top. */
  activity(partial: Record<string, unknown>): Record<string, unknown> {
    return {
      channelId: this.channelId,
      serviceUrl: this.serviceUrl,
      conversation: { id: this.conversationId },
      from: { id: this.userId, name: this.userId, role: 'user' },
      recipient: { id: 'rebound', name: 'Rebound', role: 'bot' },
      deliveryMode: 'expectReplies',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      ...partial,
    };
  }

  /** Posts a raw body (a string is sent as is, anything else as JSON) and returns status and parsed body. */
  async post(body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const auth: Record<string, string> = this.options.authorization ? { authorization: this.options.authorization } : {};
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  /** Sends an activity of this conversation; resolves with the replies, rejects unless the answer is a 200. */
  async send(partial: Record<string, unknown>): Promise<ReplyActivity[]> {
    const answer = await this.post(this.activity(partial));
    if (answer.status !== 200) throw new Error(`the bot answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return ((answer.body?.activities as ReplyActivity[] | undefined) ?? []).filter((a) => a.type === 'message');
  }

  /** The traveller joins the conversation (conversationUpdate with membersAdded). */
  join(): Promise<ReplyActivity[]> {
    return this.send({ type: 'conversationUpdate', membersAdded: [{ id: this.userId, name: this.userId }] });
  }

  /** The traveller types a message. */
  say(text: string): Promise<ReplyActivity[]> {
    return this.send({ type: 'message', text });
  }

  /** The traveller presses a card button that posts `value` back. */
  press(value: Record<string, unknown>): Promise<ReplyActivity[]> {
    return this.send({ type: 'message', value });
  }
}

/** The visible text of a reply: its text, else the card's summary. */
export function textOf(reply: ReplyActivity): string {
  return reply.text ?? reply.summary ?? '';
}

/** The Action.Submit buttons of a reply's Adaptive Cards. */
export function buttonsOf(reply: ReplyActivity): CardAction[] {
  return (reply.attachments ?? []).flatMap((a) => a.content?.actions ?? []).filter((a) => a.type === 'Action.Submit');
}
