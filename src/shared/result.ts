/** A value or a list of problems: for expected failures that are not exceptions. */
export type Result<T, E = string[]> = { ok: true; value: T } | { ok: false; errors: E };

/** Builds a successful result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Builds a failed result. */
export const fail = <E>(errors: E): Result<never, E> => ({ ok: false, errors });
