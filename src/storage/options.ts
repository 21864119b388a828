import type { StoreOptions } from './index';

/** Picks the backend from settings: DATABASE_URL (PostgreSQL) if set, else DATA_DIR (SQLite, default ./data); label hides credentials. */
export function storeOptionsFromSettings(settings: { DATABASE_URL?: string; DATA_DIR?: string }, schema?: string): { options: StoreOptions; label: string } {
  const url = settings.DATABASE_URL?.trim();
  if (url) {
    const options = { databaseUrl: url, ...(schema ? { schema } : {}) };
    return { options, label: `PostgreSQL ${url.replace(/\/\/[^@/]*@/, '//***@')}${schema ? ` schema ${schema}` : ''}` };
  }
  const dataDir = settings.DATA_DIR?.trim() || './data';
  return { options: { dataDir }, label: `SQLite ${dataDir}/rebound.db` };
}

/** Reads `--name value` from command-line arguments. */
export function cliFlag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length && !argv[i + 1].startsWith('--') ? argv[i + 1] : undefined;
}
