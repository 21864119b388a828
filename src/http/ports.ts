import type { TrustedTurn } from '../platform/identity';

/** What an HTTP answer of the bot looks like (expectReplies bodies, invoke responses). */
export interface BotAnswer {
  status: number;
  body?: unknown;
}

/**
 * The bot as the HTTP layer sees it. Implemented in bot/ on top of the Bot Framework SDK, so that
 * src/ never depends on the SDK (out of support since the end of 2025).
 */
export interface BotGateway {
  /** Runs one validated incoming activity through the bot, authenticating the channel's token. */
  processActivity(authorization: string, activity: IncomingActivity): Promise<BotAnswer>;
  /**
   * Runs an activity from an in-process channel whose user this server already authenticated (the Direct Line
   * endpoint, with its own tokens): no channel token is checked, replies go to the activity's serviceUrl.
   */
  processTrustedActivity?(activity: IncomingActivity, trusted?: TrustedTurn): Promise<void>;
}

/** The fields every incoming activity must have; the rest passes through untouched. */
export interface IncomingActivity {
  type: string;
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; [key: string]: unknown };
  from?: { id: string; name?: string; [key: string]: unknown };
  recipient?: { id: string; name?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** What /healthz reports. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  /** `warnings`: the KB files on disk are invalid (the last published version serves). */
  knowledgeBase: { version: string | number; hash: string; counts: Record<string, number>; warnings?: string[] } | null;
  storage: { ok: boolean; backend: string; detail?: string };
  authentication: 'channel-tokens' | 'none (local use)';
}

/** Source of the health report. */
export interface HealthSource {
  health(): Promise<HealthReport>;
}

/** What /readyz reports: whether this instance takes traffic, and why not. */
export interface ReadinessSource {
  report(): Promise<{ ready: boolean; reasons: string[]; storage?: { ok: boolean; backend: string; detail?: string } }>;
}
