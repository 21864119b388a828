/**
 * The entry point: the only file that reads process.env, calls listen and installs signal handlers.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { config as loadDotenv } from 'dotenv';
import { parseConfig } from './config';
import { createApp, type App } from './app';
import { listenStartupProbes } from './http/startupProbes';
import { Readiness } from './metrics';
import { isAppError } from './shared/errors';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(`Rebound cannot start: the configuration has ${parsed.errors.length} problem(s):`);
    for (const problem of parsed.errors) console.error(`  - ${problem}`);
    console.error('See .env.example for every setting.');
    process.exit(1);
  }
  const config = parsed.value;
  // The probes answer while the app is built (migrations, the knowledge base, the NLU model): alive, not ready.
  const readiness = new Readiness(Math.min(1000, config.STORAGE_TIMEOUT_MS));
  const probes = await listenStartupProbes(readiness, config.PORT, config.HOST);
  let app: App;
  try {
    app = await createApp(config, { readiness });
  } finally {
    await probes.close();
  }
  const address = await app.start();
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  const url = config.PUBLIC_URL ?? `http://${host}:${address.port}`;
  app.logger.info({ url, storage: config.DATABASE_URL ? 'postgres' : `sqlite in ${config.DATA_DIR}` }, 'Rebound is listening');
  if (!config.MicrosoftAppId) {
    console.warn('WARNING: MicrosoftAppId is not set: /api/messages accepts unauthenticated requests. This is for local use only.');
  }
  console.log(`\nRebound is running at ${url}\n  Chat in this terminal's neighbour: npm run chat\n  Health: ${url}/healthz (liveness), ${url}/readyz (readiness)\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // SIGTERM (an orchestrator): /readyz answers 503 while requests are still served, so the load balancer stops
    // sending travellers before the listener closes. Ctrl-C (SIGINT, someone at a terminal) does not wait.
    const drainMs = signal === 'SIGTERM' ? config.SHUTDOWN_DRAIN_SECONDS * 1000 : 0;
    app.logger.info({ signal, drainSeconds: drainMs / 1000 }, 'shutting down');
    app.drain();
    const force = setTimeout(() => process.exit(1), drainMs + 10_000);
    force.unref();
    new Promise((resolve) => setTimeout(resolve, drainMs)).then(() => app.stop()).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`Rebound cannot start: ${isAppError(err) || err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
