import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Clock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import type { Stores } from '../../src/storage/ports';

/** The test database, or undefined; says so in one visible line (once per run) when it is not set. */
export const PG_URL: string | undefined = process.env.REBOUND_TEST_DATABASE_URL || undefined;
if (!PG_URL) {
  console.log('  PostgreSQL suite skipped: set REBOUND_TEST_DATABASE_URL=postgres://root@127.0.0.1:5432/test (or run npm run test:pg) to run it');
}

/** A throwaway schema for one test file: migrated in before(), emptied by fresh(), dropped in after(). */
export function usePgSchema(url: string): { schema: string; open(clock: Clock): Promise<Stores>; fresh(clock: Clock): Promise<Stores> } {
  const schema = `rb_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const open = (clock: Clock) => createStores({ databaseUrl: url, schema, poolSize: 4, lockPoolSize: 4 }, { clock, logger: silentLogger });
  before(async () => {
    await (await open({ now: () => new Date() })).close();
  });
  after(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  return {
    schema,
    open,
    async fresh(clock: Clock) {
      // Every table but the migrations' own, so tables added by later migrations are emptied too.
      const { rows } = await admin.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
        [schema],
      );
      await admin.query(`TRUNCATE ${rows.map((r) => `"${schema}"."${r.table_name}"`).join(', ')} RESTART IDENTITY`);
      return open(clock);
    },
  };
}
