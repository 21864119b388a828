/**
 * The entry point: the only file that reads process.env, calls listen and installs signal handlers.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';
import { config as loadDotenv } from 'dotenv';
import { parseConfig } from './config';
import { createApp } from './app';
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
  const app = await createApp(config);
  const address = await app.start();
  const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
  const url = config.PUBLIC_URL ?? `http://${host}:${address.port}`;
  app.logger.info({ url, storage: config.DATABASE_URL ? 'postgres' : `sqlite in ${config.DATA_DIR}` }, 'Rebound is listening');
  if (!config.MicrosoftAppId) {
    console.warn('WARNING: MicrosoftAppId is not set: /api/messages accepts unauthenticated requests. This is for local use only.');
  }
  console.log(`\nRebound is running at ${url}\n  Chat in this terminal's neighbour: npm run chat\n  Health: ${url}/healthz\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.stop().then(
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
