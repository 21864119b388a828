/** The travel platform port and its adapters: demo (sample bookings in the store) or HTTP (a real platform). */
import type { Clock } from '../shared/clock';
import type { BookingStore, PlatformGateway } from './ports';
import { DemoPlatformGateway } from './demo/demoGateway';
import { HttpPlatformGateway } from './http/httpGateway';

export * from './ports';
export { DemoPlatformGateway } from './demo/demoGateway';
export { sampleBookings } from './demo/sampleBookings';
export { HttpPlatformGateway, type HttpPlatformOptions } from './http/httpGateway';
export { bookingContextOf } from './bookingContext';
export { ProofAttempts, CLIENT_PROOF_FAILURES } from './proofAttempts';
export { directoryAccountOf, type TrustedTurn } from './identity';

/** Which platform to talk to: the HTTP API when both settings are given, else the demo. */
export interface PlatformSettings {
  PLATFORM_API_URL?: string;
  PLATFORM_API_KEY?: string;
  PLATFORM_TIMEOUT_MS?: number;
}

/** The gateway the settings name; the demo one is seeded with the sample bookings on first start. */
export async function createPlatformGateway(
  settings: PlatformSettings,
  deps: { bookings: BookingStore; clock: Clock },
): Promise<{ gateway: PlatformGateway; kind: 'http' | 'demo' }> {
  if (settings.PLATFORM_API_URL && settings.PLATFORM_API_KEY) {
    const gateway = new HttpPlatformGateway({ baseUrl: settings.PLATFORM_API_URL, apiKey: settings.PLATFORM_API_KEY, timeoutMs: settings.PLATFORM_TIMEOUT_MS });
    return { gateway, kind: 'http' };
  }
  const demo = new DemoPlatformGateway(deps.bookings, deps.clock);
  await demo.seedIfEmpty();
  return { gateway: demo, kind: 'demo' };
}
