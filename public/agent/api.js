// @ts-check
// The agent API client (docs/agent-api.md): every call carries the agent's token as a bearer token, and the
// event stream is read with fetch() because EventSource cannot send an Authorization header.

/**
 * @typedef {'open'|'pending'|'assigned'|'resolved'|'returned_to_bot'|'expired'|'abandoned'} CaseStatus
 * @typedef {{ stepId: string, strategy: string, outcome: 'succeeded'|'failed'|'skipped'|'pending', at: string, note?: string }} CaseStep
 * @typedef {{ problemId?: string, title: string, facts: Record<string, string>, steps: CaseStep[], sentimentTrend: number[],
 *   wishedOutcome?: string, remedies: Array<{ remedyId: string, offeredAt: string, accepted?: boolean, amount?: number, currency?: string }> }} CaseSummary
 * @typedef {{ id: string, reference: string, status: CaseStatus, conversationId: string, channelId: string, priority: 'high'|'normal',
 *   createdAt: string, updatedAt: string, waitingSince?: string, position?: number, handoffReason?: string, assignee?: string,
 *   claimedAt?: string, resolvedAt?: string, dueAt?: string, summary: CaseSummary, outcome?: string }} CaseItem
 * @typedef {{ id: string, caseId: string, type: string, actor: { kind: 'traveller'|'agent'|'bot'|'system', id: string }, at: string,
 *   data: Record<string, unknown> }} CaseEvent
 * @typedef {{ seq: number, at: string, from: 'traveller'|'bot'|'agent'|'system', text: string }} TranscriptLine
 * @typedef {{ remedyId: string, kind: string, label: string, description?: string, agentOnly: boolean,
 *   maxAmount?: { value: number, currency: string }, amountUnknown?: true }} PolicyRemedy
 * @typedef {{ case: CaseItem, summary: CaseSummary, transcript: TranscriptLine[], events: CaseEvent[], remedies: PolicyRemedy[] }} CaseDetail
 * @typedef {{ remedyId: string, amount?: number, currency?: string, note?: string }} GrantedRemedy
 * @typedef {{ event: string, data: Record<string, unknown> }} StreamEvent
 */

/** An error answer of the API: `{ error: { code, message, details } }` (docs/errors.md). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, unknown>} [details]
   */
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details ?? {};
  }

  /** The message with the listed problems, for the status line. */
  describe() {
    const problems = Array.isArray(this.details.problems) ? this.details.problems.map(String) : [];
    return problems.length ? `${this.message} (${problems.join('; ')})` : this.message;
  }
}

/** Talks to /api/agent with one agent's token. */
export class AgentApi {
  /** @param {string} token */
  constructor(token) {
    this.token = token;
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = { Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`/api/agent${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const text = await res.text();
    /** @type {any} */
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!res.ok) {
      const error = json && json.error ? json.error : {};
      throw new ApiError(res.status, String(error.code ?? `HTTP_${res.status}`), String(error.message ?? res.statusText), error.details);
    }
    return json;
  }

  /**
   * Cases in these statuses (pending ones in queue order).
   * @param {string} statuses
   * @returns {Promise<CaseItem[]>}
   */
  async listCases(statuses) {
    const body = await this.call('GET', `/cases?status=${encodeURIComponent(statuses)}`);
    return body.cases;
  }

  /** @param {string} id @returns {Promise<CaseDetail>} */
  getCase(id) { return this.call('GET', `/cases/${encodeURIComponent(id)}`); }

  /** @param {string} id @returns {Promise<{ case: CaseItem }>} */
  claim(id) { return this.call('POST', `/cases/${encodeURIComponent(id)}/claim`); }

  /** @param {string} id @param {string} text @returns {Promise<{ event: CaseEvent }>} */
  sendMessage(id, text) { return this.call('POST', `/cases/${encodeURIComponent(id)}/messages`, { text }); }

  /** @param {string} id @param {string} text @returns {Promise<{ event: CaseEvent }>} */
  addNote(id, text) { return this.call('POST', `/cases/${encodeURIComponent(id)}/notes`, { text }); }

  /** @param {string} id @param {string} outcome @param {GrantedRemedy | null} remedy @returns {Promise<{ case: CaseItem }>} */
  resolve(id, outcome, remedy) { return this.call('POST', `/cases/${encodeURIComponent(id)}/resolve`, { outcome, remedy }); }

  /** @param {string} id @returns {Promise<{ case: CaseItem }>} */
  release(id) { return this.call('POST', `/cases/${encodeURIComponent(id)}/release`, {}); }

  /**
   * Reads GET /api/agent/events until `signal` aborts or the server ends it; calls `onEvent` for each message.
   * Resolves when the stream ends; rejects with ApiError when the server refuses it.
   * @param {(event: StreamEvent) => void} onEvent
   * @param {AbortSignal} signal
   */
  async stream(onEvent, signal) {
    const res = await fetch('/api/agent/events', { headers: { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' }, signal, cache: 'no-store' });
    if (!res.ok || !res.body) throw new ApiError(res.status, res.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${res.status}`, 'The event stream was refused.');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const parsed = parseEventBlock(block);
        if (parsed) onEvent(parsed);
      }
    }
  }
}

/**
 * One server-sent event block ("event: x\ndata: {...}"); null for comments (heartbeats) and unparsable data.
 * @param {string} block
 * @returns {StreamEvent | null}
 */
export function parseEventBlock(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return null;
  try {
    const parsed = JSON.parse(data.join('\n'));
    return parsed && typeof parsed === 'object' ? { event, data: parsed } : null;
  } catch {
    return null;
  }
}
