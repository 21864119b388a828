import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../shared/logger';
import { route } from '../errors';
import type { Asset } from './assets';
import { contentSecurityPolicyFor } from './embedPolicy';
import { sendAsset, sendHtml } from './staticPage';

/** What the embedded chat needs. */
export interface EmbedOptions {
  logger: Logger;
  publicDir: string;
  /** EMBED_ORIGINS. */
  embedOrigins: readonly string[];
  launcher: () => Promise<Asset>;
}

/** CORS for a page of an allowed embedding site (EMBED_ORIGINS); any other origin gets no CORS header at all. */
export function allowEmbedder(req: Request, res: Response, origins: readonly string[]): void {
  const origin = String(req.header('origin') ?? '');
  res.header('Vary', 'Origin');
  if (origin && origins.includes(origin)) res.header('Access-Control-Allow-Origin', origin);
}

/**
 * The embedded web chat: GET /embed.js (the launcher a platform adds with one <script> tag: a chat bubble that
 * opens the chat) and GET /embed (the official Web Chat in a frame, framed only by EMBED_ORIGINS).
 */
export function registerEmbed(server: Server, options: EmbedOptions): void {
  const { logger, embedOrigins } = options;
  let template: Promise<string> | null = null;

  server.get('/embed.js', route(logger, async (req, res) => {
    // Loaded by the platform's pages: another origin may read this one file.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    sendAsset(req, res, await options.launcher(), 'public, max-age=300');
  }));

  server.get('/embed', route(logger, async (_req, res) => {
    template ??= fs.readFile(path.join(options.publicDir, 'embed.html'), 'utf8');
    const nonce = randomBytes(16).toString('base64');
    // frame-ancestors decides who may frame it (X-Frame-Options cannot name origins, and would forbid them all).
    if (embedOrigins.length) res.removeHeader('X-Frame-Options');
    sendHtml(res, (await template).replaceAll('{{NONCE}}', nonce), contentSecurityPolicyFor(nonce, embedOrigins));
  }));
}
