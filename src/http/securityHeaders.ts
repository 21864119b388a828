import type { Server } from 'restify';

/** What decides the headers: HSTS only when the public address is https (a plain-http local run must stay reachable). */
export interface SecurityHeaderOptions {
  /** PUBLIC_URL; Strict-Transport-Security is sent when it starts with https://. */
  publicUrl?: string;
}

/**
 * The headers every response carries, whatever the route (including 404s, 405s and errors). Pages add their own
 * Content-Security-Policy (sendHtml in src/http/web/staticPage.ts): restify's res.header() appends a second value
 * instead of replacing one, and two CSP headers are both enforced, so no default CSP is set here.
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
  if (options.publicUrl?.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/**
 * Sets the security headers in `server.pre`, before routing, so that every answer has them: routes of any
 * group registered later (Direct Line, web chat, agent, admin) get them without doing anything.
 */
export function registerSecurityHeaders(server: Server, options: SecurityHeaderOptions = {}): void {
  const headers = Object.entries(securityHeaders(options));
  server.pre((_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    return next();
  });
}
