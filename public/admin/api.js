// The admin API client: Bearer token from sessionStorage, ETag / If-Match, one error type.

const TOKEN_KEY = 'rebound.owner.token';
const BASE = '/api/admin';

/** @typedef {{ path?: string, kbPath?: string, message: string, file?: string, severity?: string }} Problem */

/** An error answer of the API: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {unknown} [details]
   */
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The problems listed in details (422 INVALID_KB / VALIDATION_FAILED), as objects. */
  get problems() {
    const list = /** @type {{ problems?: unknown[] } | undefined} */ (this.details)?.problems;
    if (!Array.isArray(list)) return [];
    return list.map((p) => (typeof p === 'string' ? { message: p } : /** @type {Problem} */ (p)));
  }
}

/** The signed-in token, or null. */
export function getToken() {
  try { return window.sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

/** @param {string | null} token */
export function setToken(token) {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: the token lives as long as the page */ }
}

/** @typedef {{ body?: unknown, etag?: string | null, query?: Record<string, string | undefined>, raw?: boolean }} RequestOptions */
/** @typedef {{ data: any, etag: string | null, status: number }} ApiAnswer */

/**
 * Calls the admin API. Rejects with ApiError on any non-2xx answer; a 401 also signs out (event 'signed-out').
 * @param {string} method
 * @param {string} path  below /api/admin, e.g. '/faqs/refund-time'
 * @param {RequestOptions} [options]
 * @returns {Promise<ApiAnswer>}
 */
export async function api(method, path, options = {}) {
  const url = new URL(BASE + path, window.location.origin);
  for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.etag) headers['If-Match'] = options.etag;
  let body;
  if (options.body !== undefined) {
    if (options.raw) {
      body = String(options.body);
      headers['Content-Type'] = 'text/plain; charset=utf-8';
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let res;
  try {
    res = await fetch(url, { method, headers, body, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!res.ok) {
    const err = data && typeof data === 'object' && data.error ? data.error : { code: `HTTP_${res.status}`, message: res.statusText };
    if (res.status === 401) window.dispatchEvent(new CustomEvent('signed-out', { detail: err.message }));
    throw new ApiError(res.status, String(err.code), String(err.message), err.details);
  }
  return { data, etag: res.headers.get('ETag'), status: res.status };
}

/**
 * Encodes one path segment (ids are lower-case and safe, but never trust that in a URL).
 * @param {string | number} id
 */
export function seg(id) {
  return encodeURIComponent(String(id));
}
