import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadinessSource } from './ports';

/** The probes while the app is built, closed before the app listens on the same port. */
export interface StartupProbes {
  address(): AddressInfo;
  close(): Promise<void>;
}

/**
 * Answers the probes on PORT while the instance starts (migrations, the knowledge base, the NLU model may take
 * minutes): /healthz 200 (the process is alive: no restart), /readyz 503 with the phase, anything else 503 with
 * Retry-After. Plain node:http, since the real server is built only once its services are.
 */
export function listenStartupProbes(readiness: ReadinessSource, port: number, host: string): Promise<StartupProbes> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...(status === 503 ? { 'Retry-After': '5' } : {}) });
      res.end(JSON.stringify(body));
    };
    if (path === '/healthz') return send(200, { status: 'starting' });
    readiness.report().then(
      (report) => send(503, path === '/readyz' ? report : { error: { code: 'STARTING', message: 'Rebound is starting; retry in a few seconds.' } }),
      () => send(503, { ready: false, reasons: ['starting'] }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        address: () => server.address() as AddressInfo,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}
