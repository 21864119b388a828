import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Config } from '../src/config';
import type { Logger } from '../src/shared/logger';
import { isAppError } from '../src/shared/errors';

/** CloudAdapter with a public entry that takes an already-validated activity (our route validates bodies itself). */
export class ReboundAdapter extends CloudAdapter {
  /** Authenticates the channel's token (when app credentials are set) and runs the turn. */
  async handle(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let auth;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (err) {
      // A token we cannot validate (forged, expired, or signing keys unreachable) is refused, never a 500.
      throw err instanceof AuthenticationError ? err : new AuthenticationError(`cannot validate the channel token: ${(err as Error).message}`, 401);
    }
    return this.processActivity(auth, activity, logic);
  }
}

/** Builds the adapter; with MicrosoftAppId set every incoming request must carry a valid channel token. */
export function createAdapter(config: Config, logger: Logger): ReboundAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new ReboundAdapter(auth);
  // The one place an error during a turn becomes an apology to the traveller.
  adapter.onTurnError = async (context, error) => {
    const log = logger.child({ conversationId: context.activity.conversation?.id });
    // Storage down: the turn was not saved, so the message must not be acknowledged. Rethrown, it becomes a
    // 503 STORAGE_UNAVAILABLE with Retry-After (src/http/errors.ts) and the channel sends it again later.
    if (isAppError(error) && error.code === 'STORAGE_UNAVAILABLE') {
      log.warn({ err: error.message }, 'turn not acknowledged: storage unavailable');
      throw error;
    }
    log.error({ err: { message: error.message, stack: error.stack } }, 'turn failed');
    const text = "Sorry, something went wrong on my side. Please try again; if it keeps happening, type \"talk to a person\".";
    try {
      await context.sendActivity(text);
    } catch (sendErr) {
      log.warn({ err: (sendErr as Error).message }, 'could not send the apology');
    }
  };
  return adapter;
}
