import type { Activity, TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import { AppError } from '../src/shared/errors';
import type { BotAnswer, BotGateway, IncomingActivity } from '../src/http/ports';
import type { ReboundAdapter } from './adapter';

/** Serialises work per key (a conversation) across threads of control, and across instances on PostgreSQL. */
export interface TurnLock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** Anything that runs a turn: the ActivityHandler. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** The BotGateway on the Bot Framework SDK: one turn at a time per conversation. */
export class BotFrameworkGateway implements BotGateway {
  constructor(
    private readonly adapter: ReboundAdapter,
    private readonly bot: TurnRunner,
    private readonly lock: TurnLock,
    /** The bot's MicrosoftAppId, when set: trusted turns run under the bot's own identity. */
    private readonly options: { appId?: string } = {},
  ) {}

  /**
   * Runs an activity from an in-process channel that authenticated its user itself (the local Direct Line):
   * no channel token is checked, and replies go, without credentials, to the channel's own connector endpoint.
   */
  async processTrustedActivity(activity: IncomingActivity): Promise<void> {
    const key = `turn:${activity.channelId}:${activity.conversation.id}`;
    await this.lock.withLock(key, () =>
      this.adapter.processActivityDirect(trustedAuthentication(this.options.appId), activity as unknown as Activity, (context) => this.bot.run(context)),
    );
  }

  /** Runs the activity; an invalid or missing channel token is a 401, never a turn. */
  async processActivity(authorization: string, activity: IncomingActivity): Promise<BotAnswer> {
    const key = `turn:${activity.channelId}:${activity.conversation.id}`;
    try {
      const response = await this.lock.withLock(key, () =>
        this.adapter.handle(authorization, activity as unknown as Activity, (context) => this.bot.run(context)),
      );
      return { status: response?.status ?? 200, body: response?.body };
    } catch (err) {
      if (err instanceof AuthenticationError || (err as Error)?.name === 'AuthenticationError') {
        throw new AppError('UNAUTHENTICATED', 'The channel token is missing or invalid.');
      }
      throw err;
    }
  }
}

/** Connector clients without credentials: the local Direct Line's connector endpoint checks its own key instead. */
class UncredentialedConnectorFactory extends ConnectorFactory {
  async create(serviceUrl: string): Promise<ConnectorClient> {
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

/** The authentication result of a trusted in-process activity: the bot's own identity (or anonymous without an app id). */
function trustedAuthentication(appId: string | undefined): AuthenticateRequestResult {
  const claims = appId
    ? new ClaimsIdentity([{ type: 'aud', value: appId }, { type: 'appid', value: appId }, { type: 'ver', value: '1.0' }], true)
    : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  return { audience: AuthenticationConstants.ToChannelFromBotOAuthScope, claimsIdentity: claims, connectorFactory: new UncredentialedConnectorFactory() };
}
