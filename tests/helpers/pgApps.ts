import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock, type Clock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import type { Stores } from '../../src/storage/ports';
import { startApp, type RunningApp } from './testApp';

/** A schema name of its own for one test file (dropped by stopAndDropSchema). */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * Two app instances on one PostgreSQL schema, started one after the other: the first imports the KB files as
 * version 1, the second finds it published. `wrapStores` may instrument each instance's stores.
 */
export async function startTwoApps(
  url: string,
  schema: string,
  env: Record<string, string>,
  options: { clock?: Clock; wrapStores?: (stores: Stores) => Stores } = {},
): Promise<[RunningApp, RunningApp]> {
  const clock = options.clock ?? systemClock;
  const open = async () => {
    const stores = await createStores({ databaseUrl: url, schema }, { clock, logger: silentLogger });
    return options.wrapStores ? options.wrapStores(stores) : stores;
  };
  const overrides = options.clock ? { clock: options.clock } : {};
  const a = await startApp({ DATABASE_URL: url, ...env }, { ...overrides, stores: await open() });
  const b = await startApp({ DATABASE_URL: url, ...env }, { ...overrides, stores: await open() });
  return [a, b];
}

/** Stops the apps (those that started) and drops their schema. */
export async function stopAndDropSchema(url: string, schema: string, apps: Array<RunningApp | undefined>): Promise<void> {
  await Promise.all(apps.map(async (app) => app?.stop()));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
