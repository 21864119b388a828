import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import type { Logger } from '../../shared/logger';
import type { DirectLine } from '../directline';
import { notFound, route } from '../errors';
import { AssetCache, findProjectRoot, webChatBundlePath } from './assets';
import { sendAsset, sendHtml, strictContentSecurityPolicy } from './staticPage';
import { webChatSession } from './webChatToken';
import { allowEmbedder, registerEmbed } from './embed';
import type { PlatformIdentityVerifier } from './platformIdentity';

export { RESUME_COOKIE, type WebChatSession } from './webChatToken';
export { registerStaticPage, sendAsset, sendHtml, strictContentSecurityPolicy, type StaticPageOptions } from './staticPage';
export { findProjectRoot } from './assets';
export { PlatformIdentityVerifier, ASSERTION_AUDIENCE } from './platformIdentity';

/** What the web chat page needs. */
export interface WebChatOptions {
  directLine: DirectLine;
  logger: Logger;
  trustProxy?: boolean;
  /** Folder holding public/ (found from this file when unset). */
  root?: string;
  /** EMBED_ORIGINS: the sites that may frame /embed and call the token route from their pages. */
  embedOrigins?: readonly string[];
  /** Checks the platform's signed assertion of its signed-in user (absent: anonymous travellers only). */
  identity?: PlatformIdentityVerifier;
}

const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/**
 * The page's Content-Security-Policy: everything from this origin only; Web Chat's injected <style> elements are
 * allowed by a per-response nonce (Web Chat takes it as its `nonce` prop); images also from data: and blob:
 * (Web Chat's icons and typing indicator). No inline script, no eval.
 */
export function contentSecurityPolicy(nonce: string): string {
  // The hash is that of the empty string: Web Chat also inserts an empty <style> without the nonce; allowing
  // exactly "nothing" keeps the console clean without opening style-src to anything else.
  return strictContentSecurityPolicy({ styleSrc: [`'nonce-${nonce}'`, `'${EMPTY_STYLE_HASH}'`], imgSrc: ['blob:'], mediaSrc: ['blob:'] });
}

/** Registers the web chat page at `/`, its assets under /assets/, and POST /api/webchat/token. */
export function registerWebChat(server: Server, options: WebChatOptions): void {
  const root = options.root ?? findProjectRoot();
  const publicDir = path.join(root, 'public');
  const assets = new AssetCache({
    'webchat.js': { file: webChatBundlePath(), contentType: 'application/javascript; charset=utf-8' },
    'chat.js': { file: path.join(publicDir, 'chat.js'), contentType: 'application/javascript; charset=utf-8' },
    'chat.css': { file: path.join(publicDir, 'chat.css'), contentType: 'text/css; charset=utf-8' },
    'icon.svg': { file: path.join(publicDir, 'icon.svg'), contentType: 'image/svg+xml' },
    'launcher.js': { file: path.join(publicDir, 'launcher.js'), contentType: 'application/javascript; charset=utf-8' },
  });
  const embedOrigins = options.embedOrigins ?? [];
  let template: Promise<string> | null = null;
  const { logger } = options;

  server.get('/', route(logger, async (_req, res) => {
    template ??= fs.readFile(path.join(publicDir, 'index.html'), 'utf8');
    const nonce = randomBytes(16).toString('base64');
    sendHtml(res, (await template).replaceAll('{{NONCE}}', nonce), contentSecurityPolicy(nonce));
  }));

  server.get('/assets/:name', route(logger, async (req, res) => {
    const asset = assets.get(String(req.params.name));
    if (!asset) notFound('Asset');
    sendAsset(req, res, await asset);
  }));

  server.post('/api/webchat/token', route(logger, async (req, res) => {
    allowEmbedder(req, res, embedOrigins);
    const secure = req.isSecure() || (options.trustProxy === true && String(req.header('x-forwarded-proto') ?? '').startsWith('https'));
    res.json(await webChatSession(req, res, options.directLine, secure, options.identity));
  }));

  server.opts('/api/webchat/token', route(logger, async (req, res) => {
    allowEmbedder(req, res, embedOrigins);
    res.header('Access-Control-Allow-Methods', 'POST');
    res.header('Access-Control-Allow-Headers', 'Content-Type');
    res.header('Access-Control-Max-Age', '600');
    res.send(204);
  }));

  registerEmbed(server, { logger, publicDir, embedOrigins, launcher: () => assets.get('launcher.js')! });
}
