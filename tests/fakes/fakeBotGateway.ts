import type { BotAnswer, BotGateway, IncomingActivity } from '../../src/http/ports';

/**
 * A BotGateway that behaves like a tiny bot on the Bot Framework protocol: it answers through the activity's
 * serviceUrl (the connector the channel provides), a welcome on join and "echo: <text>" for each message.
 */
export class FakeBotGateway implements BotGateway {
  readonly received: IncomingActivity[] = [];
  readonly authorizations: string[] = [];

  async processActivity(authorization: string, activity: IncomingActivity): Promise<BotAnswer> {
    this.authorizations.push(authorization);
    await this.processTrustedActivity(activity);
    return { status: 200 };
  }

  async processTrustedActivity(activity: IncomingActivity): Promise<void> {
    this.received.push(activity);
    if (activity.type === 'conversationUpdate') await this.reply(activity, { type: 'message', text: 'Welcome to the echo bot' });
    if (activity.type === 'message') {
      await this.reply(activity, { type: 'typing' });
      await this.reply(activity, { type: 'message', text: `echo: ${String(activity.text ?? '')}` });
    }
  }

  /** Sends an activity to the conversation the way a bot sends a proactive message (no replyToId). */
  async proactive(serviceUrl: string, conversationId: string, text: string): Promise<Response> {
    return fetch(`${serviceUrl}/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'rebound', role: 'bot' } }),
    });
  }

  private async reply(to: IncomingActivity, activity: Record<string, unknown>): Promise<void> {
    const url = `${to.serviceUrl}/v3/conversations/${encodeURIComponent(to.conversation.id)}/activities/${encodeURIComponent(String(to.id ?? ''))}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, from: to.recipient, recipient: to.from, replyToId: to.id, serviceUrl: to.serviceUrl }),
    });
    if (!res.ok) throw new Error(`connector answered ${res.status}`);
  }
}
