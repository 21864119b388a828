/** The two SQL dialects the adapters speak. */
export type Dialect = 'sqlite' | 'postgres';

/** Rows and the number of rows a statement touched. */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** A connection-like thing that runs one statement ($1, $2... placeholders in both dialects). */
export interface SqlRunner {
  readonly dialect: Dialect;
  /** Runs one statement; unique violations become AppError('CONFLICT'). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

/** A database: statements, transactions (retried as a whole on transient errors), and a health probe. */
export interface Sql extends SqlRunner {
  /** Runs fn in one transaction; fn may run again after a transient error, so it must only touch the database. */
  tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T>;
  /** Answers quickly whether the database responds. */
  ping(): Promise<{ ok: boolean; detail?: string }>;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** Serialises a JSON value for a JSON (text or jsonb) column. */
export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Reads a JSON column (sqlite gives text, pg gives parsed jsonb). */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Normalises a timestamp to the ISO form both dialects sort and compare correctly. */
export function toTs(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: ${String(value)}`);
  return date.toISOString();
}

/** Reads a timestamp column (sqlite gives ISO text, pg gives a Date). */
export function fromTs(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Reads an optional timestamp column. */
export function fromTsOpt(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : fromTs(value);
}

/** Reads a nullable text column. */
export function opt(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** Escapes LIKE wildcards, for use with ESCAPE '\\'. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
