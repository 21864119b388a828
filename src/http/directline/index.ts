import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { systemClock, type Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import type { BotGateway } from '../ports';
import { CONNECTOR_PREFIX, registerConnectorRoutes } from './connectorRoutes';
import { registerDirectLineRoutes } from './directLineRoutes';
import { DirectLineService, type BotAccount } from './directLineService';
import { loadOrCreateSecret } from './secret';
import { RedactingDirectLineStore } from './redactingStore';
import { InMemoryDirectLineStore, type DirectLineStore } from './store';
import type { RateLimits } from '../rateLimitRules';
import { StreamGate, type StreamLimitSettings } from './streamLimits';
import { StreamHub } from './streams';
import { DirectLineTokens, type TokenKind } from './tokens';

export { DirectLineService } from './directLineService';
export { DirectLineTokens, type TokenClaims } from './tokens';
export { InMemoryDirectLineStore, type DirectLineStore, type DirectLineActivity, type DirectLineConversation } from './store';
export { loadOrCreateSecret } from './secret';

/** What the local Direct Line needs. */
export interface DirectLineOptions {
  bot: BotGateway;
  logger: Logger;
  /** DATA_DIR: where a generated secret is kept when `secret` is unset. */
  dataDir: string;
  /** DIRECTLINE_SECRET. */
  secret?: string;
  clock?: Clock;
  store?: DirectLineStore;
  botAccount?: BotAccount;
  trustProxy?: boolean;
  tokenLifetimes?: Partial<Record<TokenKind, number>>;
  /** Base URL the bot uses to reach this server; default: the loopback address the server listens on. */
  selfUrl?: string;
  /** Limits of the WebSocket streams (the server's RateLimits and DIRECTLINE_STREAMS_*); unset: none. */
  streamLimits?: { rateLimits: RateLimits; streams: StreamLimitSettings };
}

/** The local Direct Line endpoint, built: register it on the server, close it before the server. */
export interface DirectLine {
  readonly service: DirectLineService;
  readonly tokens: DirectLineTokens;
  readonly store: DirectLineStore;
  /** Registers the REST routes, the connector emulation and the WebSocket stream. */
  register(server: Server): void;
  /** Closes the open streams. */
  close(): void;
  /** Open WebSockets on this instance. */
  openSockets(): number;
}

/** Builds the local Direct Line 3.0 endpoint (secret from config or DATA_DIR). */
export async function createDirectLine(options: DirectLineOptions): Promise<DirectLine> {
  const clock = options.clock ?? systemClock;
  const secret = await loadOrCreateSecret(options.secret, options.dataDir, options.logger);
  const tokens = new DirectLineTokens(secret, clock, options.tokenLifetimes);
  // Redacted at rest whatever the backend; the raw activity is kept only in memory for delivery (redactingStore.ts).
  const store = new RedactingDirectLineStore(options.store ?? new InMemoryDirectLineStore());
  const limits = options.streamLimits;
  const gate = limits ? new StreamGate({ ...limits.streams, trustProxy: options.trustProxy ?? false, tokenLifetimeSeconds: tokens.lifetime('stream') }, limits.rateLimits) : undefined;
  const hub = new StreamHub(tokens, store, options.logger, gate);
  let server: Server | null = null;
  const connectorUrl = () => `${options.selfUrl ?? loopbackUrl(server)}${CONNECTOR_PREFIX}/${tokens.connectorKey()}`;
  const service = new DirectLineService({
    store,
    tokens,
    hub,
    bot: options.bot,
    logger: options.logger,
    clock,
    botAccount: options.botAccount ?? { id: 'rebound', name: 'Rebound' },
    connectorUrl,
  });
  return {
    service,
    tokens,
    store,
    register(s: Server) {
      server = s;
      registerDirectLineRoutes(s, { service, tokens, logger: options.logger, trustProxy: options.trustProxy ?? false });
      registerConnectorRoutes(s, service, tokens.connectorKey(), options.logger);
      hub.attach(s.server);
    },
    close: () => hub.close(),
    openSockets: () => hub.openSockets(),
  };
}

/** This server as the bot reaches it: the bound address, with a wildcard bind reached on loopback. */
function loopbackUrl(server: Server | null): string {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address || typeof address !== 'object') throw new Error('the Direct Line server is not listening yet');
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
