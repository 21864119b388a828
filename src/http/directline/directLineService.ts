import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import type { BotGateway, IncomingActivity } from '../ports';
import type { TrustedTurn } from '../../platform/identity';
import { normalizeActivity } from '../activityNormalize';
import type { ActivitySet, DirectLineActivity, DirectLineStore } from './store';
import type { StreamHub } from './streams';
import type { DirectLineTokens, TokenClaims } from './tokens';

/** The bot's account as Direct Line shows it. */
export interface BotAccount {
  id: string;
  name: string;
}

/** What the service needs. */
export interface DirectLineServiceDeps {
  store: DirectLineStore;
  tokens: DirectLineTokens;
  hub: StreamHub;
  bot: BotGateway;
  logger: Logger;
  clock: Clock;
  botAccount: BotAccount;
  /** The serviceUrl the bot replies to: this server's connector emulation (see connectorRoutes.ts). */
  connectorUrl: () => string;
}

const userIdPattern = /^[\w.:@-]{1,128}$/;
const clientActivity = z
  .object({
    type: z.string().min(1).max(64),
    text: z.string().max(100_000).optional(),
    from: z.object({ id: z.string().max(128).optional(), name: z.string().max(256).optional() }).passthrough().optional(),
  })
  .passthrough();

/** The Direct Line protocol, without HTTP: conversations, the user's activities in, the bot's activities out. */
export class DirectLineService {
  constructor(private readonly deps: DirectLineServiceDeps) {}

  /** Claims for a brand new conversation (tokens/generate); the user id is the caller's or a fresh `dl_` one. */
  newConversationClaims(user?: { id?: unknown; name?: unknown }): TokenClaims {
    const requested = typeof user?.id === 'string' ? user.id : undefined;
    if (requested !== undefined && !userIdPattern.test(requested)) {
      throw new AppError('BAD_REQUEST', 'user.id must be 1-128 letters, digits or . : @ _ -');
    }
    const userName = typeof user?.name === 'string' ? user.name.slice(0, 256) : undefined;
    return { conversationId: randomBytes(18).toString('base64url'), userId: requested ?? `dl_${randomBytes(12).toString('hex')}`, ...(userName ? { userName } : {}) };
  }

  /** Creates the conversation if new and tells the bot the user joined (so the welcome is sent); true when created. */
  async start(claims: TokenClaims): Promise<boolean> {
    const created = await this.deps.store.create({ id: claims.conversationId, userId: claims.userId, createdAt: this.deps.clock.now().toISOString() });
    if (!created) return false;
    const user = { id: claims.userId, ...(claims.userName ? { name: claims.userName } : {}), role: 'user' };
    await this.runTurn({
      type: 'conversationUpdate',
      id: randomBytes(9).toString('base64url'),
      timestamp: this.deps.clock.now().toISOString(),
      channelId: 'directline',
      serviceUrl: this.deps.connectorUrl(),
      conversation: { id: claims.conversationId },
      from: user,
      recipient: { ...this.deps.botAccount, role: 'bot' },
      membersAdded: [user],
    });
    return true;
  }

  /** The conversation, when it exists and the caller may use it. */
  async requireConversation(conversationId: string, claims: TokenClaims | 'secret') {
    if (claims !== 'secret' && claims.conversationId !== conversationId) {
      throw new AppError('FORBIDDEN', 'This token is for another conversation.');
    }
    const conversation = await this.deps.store.get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND', 'Conversation not found.');
    return conversation;
  }

  /** Stores the user's activity (echoed with its id, as Web Chat expects), then runs it through the bot. */
  async postFromUser(conversationId: string, claims: TokenClaims | 'secret', body: unknown, clientKey?: string): Promise<{ id: string }> {
    const conversation = await this.requireConversation(conversationId, claims);
    const parsed = clientActivity.safeParse(body);
    if (!parsed.success) {
      throw new AppError('INVALID_ACTIVITY', `Invalid activity: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(activity)'}: ${i.message}`).join('; ')}`);
    }
    // The token, not the body, says who is speaking: a client cannot post as someone else.
    const rest = omit(parsed.data, ['id', 'serviceUrl', 'conversation', 'recipient', 'channelId']);
    const from = { ...(parsed.data.from ?? {}), id: conversation.userId, role: 'user' };
    // Stored and echoed normalised too: Web Chat reads the echo, and the turn must not fail on what the schema let in.
    const { activity, watermark } = await this.deps.store.append(conversationId, normalizeActivity({
      ...rest,
      type: parsed.data.type,
      from,
      timestamp: this.deps.clock.now().toISOString(),
      channelId: 'directline',
      conversation: { id: conversationId },
      recipient: { ...this.deps.botAccount, role: 'bot' },
    }));
    this.deps.hub.publish(conversationId, activity, watermark);
    // Who the platform vouched for comes from the token, never from the activity's from.
    const trusted: TrustedTurn = { ...(claims !== 'secret' && claims.platformUserId ? { platformUserId: claims.platformUserId } : {}), ...(clientKey ? { clientKey } : {}) };
    await this.runTurn({ ...activity, serviceUrl: this.deps.connectorUrl() } as unknown as IncomingActivity, trusted);
    return { id: activity.id };
  }

  /** The conversation's activities after the watermark (the polling alternative to the stream). */
  async listActivities(conversationId: string, claims: TokenClaims | 'secret', afterWatermark: number): Promise<ActivitySet> {
    await this.requireConversation(conversationId, claims);
    return this.deps.store.list(conversationId, afterWatermark);
  }

  /** An activity from the bot (a reply or a proactive message): stored and pushed; typing is pushed only. */
  async postFromBot(conversationId: string, body: Record<string, unknown>): Promise<{ id: string }> {
    if (!(await this.deps.store.get(conversationId))) throw new AppError('NOT_FOUND', 'Conversation not found.');
    const rest = omit(body, ['serviceUrl', 'id']);
    const outgoing = { ...rest, type: String(body.type ?? 'message'), channelId: 'directline', conversation: { id: conversationId }, timestamp: this.deps.clock.now().toISOString() };
    if (outgoing.type === 'typing') {
      const typing: DirectLineActivity = { ...outgoing, id: `${conversationId}|typing-${randomBytes(6).toString('hex')}` };
      this.deps.hub.publish(conversationId, typing, null);
      return { id: typing.id };
    }
    const { activity, watermark } = await this.deps.store.append(conversationId, outgoing);
    this.deps.hub.publish(conversationId, activity, watermark);
    return { id: activity.id };
  }

  private async runTurn(activity: IncomingActivity, trusted: TrustedTurn = {}): Promise<void> {
    const bot = this.deps.bot;
    // In-process: the user was authenticated by our own token, not by a Bot Framework channel token.
    if (bot.processTrustedActivity) await bot.processTrustedActivity(activity, trusted);
    else await bot.processActivity('', activity);
  }
}

/** A copy without the given keys. */
function omit(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}
