// @ts-check
// Keeps the event stream open: reconnects with a growing delay (1 s up to 15 s) and reports its state, so the
// console can reload what is on screen after a gap. Stops for good when the token is refused.
import { ApiError } from './api.js';

/**
 * @typedef {{ onEvent(e: import('./api.js').StreamEvent): void, onState(state: 'connecting' | 'live' | 'reconnecting'): void,
 *   onRefused(): void }} StreamHandlers
 */

/** The console's connection to GET /api/agent/events. */
export class LiveStream {
  /**
   * @param {import('./api.js').AgentApi} api
   * @param {StreamHandlers} handlers
   */
  constructor(api, handlers) {
    this.api = api;
    this.handlers = handlers;
    this.controller = new AbortController();
    this.delay = 1000;
  }

  start() {
    void this.loop();
  }

  stop() {
    this.controller.abort();
  }

  async loop() {
    const { signal } = this.controller;
    this.handlers.onState('connecting');
    while (!signal.aborted) {
      try {
        await this.api.stream((e) => {
          if (e.event === 'ready') { this.delay = 1000; this.handlers.onState('live'); }
          this.handlers.onEvent(e);
        }, signal);
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) { this.handlers.onRefused(); return; }
      }
      if (signal.aborted) return;
      this.handlers.onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, this.delay));
      this.delay = Math.min(this.delay * 2, 15_000);
    }
  }
}
