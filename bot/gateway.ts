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
import type { TrustedTurn } from '../src/platform/identity';
import { normalizeActivity } from '../src/http/activityNormalize';
import { isLoopbackServiceUrl } from '../src/http/serviceUrl';
import type { ReboundAdapter } from './adapter';

/** The turnState key of what the server established about a trusted turn (src/platform/identity.ts). */
export const TRUSTED_TURN = Symbol('rebound.trustedTurn');

/** What the server established about this turn's traveller; empty for turns from /api/messages. */
export function trustedTurnOf(context: TurnContext): TrustedTurn {
  return (context.turnState.get(TRUSTED_TURN) as TrustedTurn | undefined) ?? {};
}

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
  async processTrustedActivity(incoming: IncomingActivity, trusted: TrustedTurn = {}): Promise<void> {
    const activity = this.normalize(incoming);
    const key = `turn:${activity.channelId}:${activity.conversation.id}`;
    await this.lock.withLock(key, () =>
      this.adapter.processActivityDirect(trustedAuthentication(this.options.appId), activity as unknown as Activity, (context) => {
        // What the server established (the platform's vouched user, the client): beside the activity, never in it.
        context.turnState.set(TRUSTED_TURN, trusted);
        return this.bot.run(context);
      }),
    );
  }

  /**
   * Runs the activity; an invalid or missing channel token is a 401, never a turn. Without app credentials the
   * serviceUrl must be this machine's (the bot would otherwise call, and later message, any address a request names).
   */
  async processActivity(authorization: string, incoming: IncomingActivity): Promise<BotAnswer> {
    if (!this.options.appId && !isLoopbackServiceUrl(incoming.serviceUrl)) {
      throw new AppError(
        'SERVICE_URL_NOT_ALLOWED',
        'Without app credentials (MicrosoftAppId) the bot replies only to a loopback serviceUrl (localhost, 127.0.0.1, ::1); set the credentials to serve a channel.',
        { problems: ['serviceUrl: not a loopback address'] },
      );
    }
    const activity = this.normalize(incoming);
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

  /** Every activity enters the SDK in the shapes it reads (see activityNormalize.ts), named to the bot's own account. */
  private normalize(activity: IncomingActivity): IncomingActivity {
    return normalizeActivity(activity, { id: this.options.appId ?? 'rebound' });
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
