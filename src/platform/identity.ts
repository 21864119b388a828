import type { DirectoryAccount } from './ports';

/** What the server itself established about the traveller of a turn, never read from the activity. */
export interface TrustedTurn {
  /** The platform user the platform vouched for (its signed assertion, bound to the Direct Line token). */
  platformUserId?: string;
  /**
   * The Microsoft Entra ID account of a Teams user, set only when the channel token was checked (app
   * credentials set): the platform maps it to its user (PlatformGateway.userOfDirectoryAccount).
   */
  directoryAccount?: DirectoryAccount;
  /** Who is calling, for limits across conversations (the Direct Line client's address). */
  clientKey?: string;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Entra ID account of a Teams activity, when the channel token was checked (`authenticated`: the bot has
 * app credentials, so the SDK refused any activity without a valid Teams token): `from.aadObjectId` and the
 * tenant. Anything else (the web chat, no credentials, a malformed id) names no account.
 */
export function directoryAccountOf(activity: { channelId?: string; from?: { aadObjectId?: unknown }; conversation?: { tenantId?: unknown } }, authenticated: boolean): DirectoryAccount | undefined {
  const id = activity.from?.aadObjectId;
  if (!authenticated || activity.channelId !== 'msteams' || typeof id !== 'string' || !OBJECT_ID.test(id)) return undefined;
  const tenant = activity.conversation?.tenantId;
  return { aadObjectId: id.toLowerCase(), ...(typeof tenant === 'string' && OBJECT_ID.test(tenant) ? { tenantId: tenant.toLowerCase() } : {}) };
}
