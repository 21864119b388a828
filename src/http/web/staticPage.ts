import { readdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../shared/logger';
import { notFound, route } from '../errors';
import { AssetCache, type Asset } from './assets';

/**
 * Shared by every page Rebound serves from public/ (web chat at `/`, owner console at `/admin`, agent console at
 * `/agent`): one way to send a page with its Content-Security-Policy and one way to send its static files.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** A strict Content-Security-Policy for a page of our own files only: no inline script or style, no eval, no CDN. */
export function strictContentSecurityPolicy(extra: { imgSrc?: string[]; styleSrc?: string[]; mediaSrc?: string[] } = {}): string {
  return [
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...(extra.styleSrc ?? [])].join(' '),
    ['img-src', "'self'", 'data:', ...(extra.imgSrc ?? [])].join(' '),
    ...(extra.mediaSrc ? [['media-src', "'self'", ...extra.mediaSrc].join(' ')] : []),
    "font-src 'self'",
    "connect-src 'self'",
  ].join('; ');
}

/** Sends an in-memory asset, gzipped when the client accepts it. */
export function sendAsset(req: Request, res: Response, asset: Asset, cacheControl = 'public, max-age=3600'): void {
  const gzip = /\bgzip\b/.test(String(req.header('accept-encoding') ?? ''));
  res.header('Content-Type', asset.contentType);
  res.header('Cache-Control', cacheControl);
  res.header('Vary', 'Accept-Encoding');
  if (gzip) res.header('Content-Encoding', 'gzip');
  res.sendRaw(200, gzip ? asset.gzipped : asset.body);
}

/** Sends an HTML page with its Content-Security-Policy; never cached (the CSP may carry a per-response nonce). */
export function sendHtml(res: Response, html: string, csp: string): void {
  res.header('Content-Security-Policy', csp);
  res.header('Cache-Control', 'no-store');
  res.header('Content-Type', 'text/html; charset=utf-8');
  res.sendRaw(200, html);
}

/** A page made of a folder of plain files: index.html plus its scripts, styles and images. */
export interface StaticPageOptions {
  /** Where the page is served, e.g. '/admin'; its files are served under `${pagePath}/assets/<name>`. */
  pagePath: string;
  /** The folder holding index.html and the assets (flat: sub-folders are not served). */
  dir: string;
  logger: Logger;
  /** Defaults to strictContentSecurityPolicy(). */
  csp?: string;
  /** Cache-Control of the assets; defaults to 'no-cache' (a console's modules must not go stale after an upgrade). */
  assetCacheControl?: string;
}

/** Registers GET `${pagePath}` (the folder's index.html) and GET `${pagePath}/assets/:name` (its other files). */
export function registerStaticPage(server: Server, options: StaticPageOptions): void {
  const { pagePath, dir, logger } = options;
  const csp = options.csp ?? strictContentSecurityPolicy();
  const files: Record<string, { file: string; contentType: string }> = {};
  // An allow-list read once at start-up: a request can only ever name a file that was in the folder.
  for (const name of readdirSync(dir)) {
    const contentType = CONTENT_TYPES[path.extname(name)];
    if (contentType && /^[A-Za-z0-9_.-]+$/.test(name)) files[name] = { file: path.join(dir, name), contentType };
  }
  const assets = new AssetCache(files);
  let template: Promise<string> | null = null;

  server.get(pagePath, route(logger, async (_req, res) => {
    template ??= fs.readFile(path.join(dir, 'index.html'), 'utf8');
    template.catch(() => (template = null));
    sendHtml(res, await template, csp);
  }));

  server.get(`${pagePath}/assets/:name`, route(logger, async (req, res) => {
    const asset = assets.get(String(req.params.name));
    if (!asset) notFound('Asset');
    sendAsset(req, res, await asset, options.assetCacheControl ?? 'no-cache');
  }));
}
