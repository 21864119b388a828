/*
 * Label values are bounded here, in one place: every value is one of a known set or a shape that cannot
 * carry a conversation id or a traveller's words. A Prometheus series per unknown value would grow without end
 * (any client may post any channelId), and a label is never redacted.
 */

/** Channels Rebound knows; anything else is "other" (an unauthenticated /api/messages may name any channel). */
const CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test', 'terminal', 'eval', 'bench', 'slack', 'telegram', 'facebook', 'sms', 'email']);

/** The channel label of an activity's channelId. */
export function channelLabel(channelId: unknown): string {
  return typeof channelId === 'string' && CHANNELS.has(channelId) ? channelId : 'other';
}

/** KB ids are short slugs; anything else (or nothing) is "none", and the recorder checks them against the KB too. */
const SLUG = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** The problem label: the KB's problem id when it is one, "none" when there is none, "other" when unknown. */
export function problemLabel(problemId: unknown, known: (id: string) => boolean): string {
  if (problemId === undefined || problemId === null || problemId === '') return 'none';
  return typeof problemId === 'string' && SLUG.test(problemId) && known(problemId) ? problemId : 'other';
}

/** Who said a case message. */
export function senderLabel(from: string): string {
  return from === 'agent' || from === 'traveller' || from === 'bot' ? from : 'other';
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The HTTP method label. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

/** The status label: the code itself (a bounded set), "other" for anything outside 100-599. */
export function statusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status < 600 ? String(status) : 'other';
}

/** A storage error code: the AppError codes of the adapters, else "other". */
export function errorLabel(code: string | undefined): string {
  return code === 'STORAGE_UNAVAILABLE' || code === 'CONFLICT' || code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? code : 'other';
}

/** The budgets of src/http/rateLimitRules.ts (and the stream upgrades'); a new one shows as "other" until listed. */
const LIMITS = new Set(['requests per client', 'token requests per client', 'messages per conversation', 'failed sign-ins', 'upgrades per stream token']);

/** The rate limit label. */
export function limitLabel(limit: string): string {
  return LIMITS.has(limit) ? limit : 'other';
}

/** A storage operation `store.method`: identifiers only (they come from code, never from a request). */
export function operationLabel(operation: string): string {
  return /^[A-Za-z]{1,40}\.[A-Za-z]{1,40}$/.test(operation) ? operation : 'other';
}
