// npm run db:migrate [-- --schema NAME]: applies pending schema migrations (also done at start-up). Idempotent;
// safe while other instances start (they wait on the same advisory lock).
import { systemClock } from '../shared/clock';
import { isAppError } from '../shared/errors';
import { silentLogger } from '../shared/logger';
import { config as loadDotenv } from 'dotenv';
import { LATEST_SCHEMA_VERSION, cliFlag as flag, createStores, storeOptionsFromSettings } from '../storage';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const { options, label } = storeOptionsFromSettings(process.env, flag(process.argv, 'schema'));
  console.log(`Migrating ${label} to schema version ${LATEST_SCHEMA_VERSION}...`);
  const logger = { ...silentLogger, info: (obj: object | string) => console.log('  applied:', JSON.stringify((obj as { applied?: unknown }).applied ?? obj)) };
  const stores = await createStores(options, { clock: systemClock, logger: { ...logger, child: () => logger } });
  const health = await stores.health();
  await stores.close();
  console.log(health.ok ? `Done: ${label} is at schema version ${LATEST_SCHEMA_VERSION}.` : `Migrated, but health check failed: ${health.detail ?? ''}`);
  return health.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Migration failed: ${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}`);
    process.exit(1);
  },
);
