import type { Request, Response } from 'restify';
import type { DirectLine, TokenClaims } from '../directline';
import { AppError } from '../../shared/errors';
import type { PlatformIdentityVerifier } from './platformIdentity';

/** Name of the HttpOnly cookie that lets a browser resume its conversation once its token expired. */
export const RESUME_COOKIE = 'rebound_resume';

/** What the page receives: never the secret, only a token for its own conversation. */
export interface WebChatSession {
  token: string;
  conversationId: string;
  userId: string;
  expires_in: number;
  /** True when this is the conversation the browser had before (the page then reconnects to it). */
  resumed: boolean;
}

/**
 * POST /api/webchat/token: resumes the browser's conversation when it proves it (a still-valid token kept by the
 * page, or the signed resume cookie) and the conversation still exists; otherwise a new conversation's token.
 */
export async function webChatSession(req: Request, res: Response, directLine: DirectLine, secureCookie: boolean, identity?: PlatformIdentityVerifier): Promise<WebChatSession> {
  const body = (req.body ?? {}) as { token?: unknown; fresh?: unknown; assertion?: unknown };
  const { tokens, store, service } = directLine;
  // A signed assertion of the platform's signed-in user: checked here, then carried by the token (never by activities).
  const platformUserId = body.assertion !== undefined ? requireIdentity(identity).verify(body.assertion) : undefined;
  let claims: TokenClaims | null = null;
  if (body.fresh !== true) {
    claims = tokens.tryVerify(typeof body.token === 'string' ? body.token : undefined, 'conversation') ?? tokens.tryVerify(readCookie(req, RESUME_COOKIE), 'resume');
    if (claims && !(await store.get(claims.conversationId))) claims = null;
    // Only the same user resumes a conversation: a signed-out page, or another user, starts a new one.
    if (claims && claims.platformUserId !== platformUserId) claims = null;
  }
  const resumed = claims !== null;
  const session = claims ?? { ...service.newConversationClaims(), ...(platformUserId ? { platformUserId } : {}) };
  const issued = tokens.issue(session);
  const resume = tokens.issue(session, 'resume');
  const attributes = [`Max-Age=${resume.expiresIn}`, 'Path=/api/webchat', 'HttpOnly', 'SameSite=Strict', ...(secureCookie ? ['Secure'] : [])];
  res.header('Set-Cookie', `${RESUME_COOKIE}=${resume.token}; ${attributes.join('; ')}`);
  res.header('Cache-Control', 'no-store');
  return { token: issued.token, conversationId: session.conversationId, userId: session.userId, expires_in: issued.expiresIn, resumed };
}

function requireIdentity(identity: PlatformIdentityVerifier | undefined): PlatformIdentityVerifier {
  if (!identity?.enabled) throw new AppError('UNAUTHENTICATED', 'Signed-in travellers are not set up here (PLATFORM_IDENTITY_SECRET or PLATFORM_IDENTITY_PUBLIC_KEY).');
  return identity;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of String(req.header('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}
