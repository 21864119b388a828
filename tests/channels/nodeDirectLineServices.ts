import { Observable } from 'rxjs/Observable';

interface AjaxRequestLike {
  method?: string;
  url?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

/**
 * botframework-directlinejs talks through rxjs 5's `Observable.ajax`, which needs XMLHttpRequest (absent in Node 20).
 * This is the same contract on top of Node's fetch: `{ response, status }` on success, `{ status, xhr }` on failure.
 */
export function fetchAjax(request: AjaxRequestLike): Observable<{ response: unknown; status: number }> {
  return Observable.create((subscriber: { next(v: unknown): void; complete(): void; error(e: unknown): void }) => {
    const controller = new AbortController();
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    fetch(String(request.url), { method: request.method ?? 'GET', headers: request.headers ?? {}, ...(body !== undefined ? { body } : {}), signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        const response: unknown = text ? JSON.parse(text) : null;
        if (res.ok) {
          subscriber.next({ response, status: res.status });
          subscriber.complete();
        } else {
          subscriber.error({ status: res.status, response, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } });
        }
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) subscriber.error({ status: 0, error: err });
      });
    return () => controller.abort();
  }) as Observable<{ response: unknown; status: number }>;
}
