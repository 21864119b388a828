// npm run data:erase -- --user ID [--export FILE] [--export-only]: exports (optionally) and erases everything
// stored about one traveller, in every table, in one transaction.
import { writeFileSync } from 'node:fs';
import { systemClock } from '../shared/clock';
import { isAppError } from '../shared/errors';
import { silentLogger } from '../shared/logger';
import { config as loadDotenv } from 'dotenv';
import { cliFlag as flag, createStores, storeOptionsFromSettings } from '../storage';

const USAGE = 'usage: npm run data:erase -- --user ID [--export FILE] [--export-only] [--schema NAME]';

async function main(argv: string[]): Promise<number> {
  const userId = flag(argv, 'user');
  const exportFile = flag(argv, 'export');
  const exportOnly = argv.includes('--export-only');
  if (!userId || (exportOnly && !exportFile)) {
    console.error(USAGE);
    return 2;
  }
  loadDotenv({ quiet: true });
  const { options, label } = storeOptionsFromSettings(process.env, flag(argv, 'schema'));
  const stores = await createStores(options, { clock: systemClock, logger: silentLogger });
  try {
    if (exportFile) {
      const data = await stores.userData.exportUser(userId);
      writeFileSync(exportFile, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      console.log(`Exported ${data.conversationIds.length} conversation(s) of user ${userId} from ${label} to ${exportFile}.`);
    }
    if (exportOnly) return 0;
    const report = await stores.userData.eraseUser(userId);
    const total = Object.values(report).reduce((a, b) => a + b, 0);
    console.log(`Erased user ${userId} from ${label}: ${total} record(s).`);
    console.table(report);
    return 0;
  } finally {
    await stores.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`Erasure failed: ${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}`);
    process.exit(1);
  },
);
