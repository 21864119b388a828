/**
 * A Rebound server in a child process, for the durability test: `node --require tsx/cjs botProcess.ts DATA_DIR PORT`.
 * Serves until killed; SIGTERM stops it gracefully.
 */
import { createApp } from '../../src/app';
import { silentLogger } from '../../src/shared/logger';
import { testConfig } from './testApp';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: botProcess.ts DATA_DIR PORT');
  const app = await createApp(testConfig({ DATA_DIR: dataDir }), { logger: silentLogger });
  await app.start(Number(port), '127.0.0.1');
  process.once('SIGTERM', () => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`botProcess: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
