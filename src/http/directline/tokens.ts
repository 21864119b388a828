import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/clock';

/** What a Direct Line token proves: this user may use this conversation. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  userName?: string;
  /** The platform user the platform vouched for (its signed assertion, checked when the token was first issued). */
  platformUserId?: string;
}

/** conversation: the bearer token; stream: the `t` of a streamUrl; resume: the page's HttpOnly cookie. */
export type TokenKind = 'conversation' | 'stream' | 'resume';

/** A token as the Direct Line API returns it. */
export interface IssuedToken {
  token: string;
  expiresIn: number;
}

const ISSUER = 'rebound-directline';
const DEFAULT_LIFETIMES: Record<TokenKind, number> = { conversation: 30 * 60, stream: 5 * 60, resume: 7 * 24 * 3600 };

/** Derives a purpose-bound key from the Direct Line secret, so the secret itself never signs anything. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`rebound/directline/${purpose}/v1`).digest();
}

/** Signs and checks Direct Line tokens: HS256 JWTs bound to a conversation and a user, expiring. */
export class DirectLineTokens {
  private readonly signingKey: Buffer;
  private readonly secretDigest: Buffer;
  private readonly lifetimes: Record<TokenKind, number>;

  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
    lifetimes: Partial<Record<TokenKind, number>> = {},
  ) {
    this.signingKey = deriveKey(secret, 'token-signing');
    this.secretDigest = deriveKey(secret, 'secret-check');
    this.lifetimes = { ...DEFAULT_LIFETIMES, ...lifetimes };
  }

  /** True when the bearer value is the Direct Line secret (compared in constant time). */
  isSecret(bearer: string): boolean {
    return timingSafeEqual(deriveKey(bearer, 'secret-check'), this.secretDigest);
  }

  /** The key in the connector's serviceUrl path: stable across restarts, unguessable without the secret. */
  connectorKey(): string {
    return deriveKey(this.secret, 'connector').toString('base64url');
  }

  /** Lifetime in seconds of tokens of this kind. */
  lifetime(kind: TokenKind): number {
    return this.lifetimes[kind];
  }

  /** Issues a token of the given kind for the claims. */
  issue(claims: TokenClaims, kind: TokenKind = 'conversation'): IssuedToken {
    const expiresIn = this.lifetimes[kind];
    const payload = { conv: claims.conversationId, user: claims.userId, ...(claims.userName ? { name: claims.userName } : {}), ...(claims.platformUserId ? { pu: claims.platformUserId } : {}), typ: kind, iat: this.nowSeconds() };
    const token = jwt.sign(payload, this.signingKey, { algorithm: 'HS256', issuer: ISSUER, audience: ISSUER, expiresIn, jwtid: randomBytes(9).toString('base64url') });
    return { token, expiresIn };
  }

  /** Checks a token; invalid is a 401, expired a 403 "TokenExpired" (what the official clients expect). */
  verify(token: string, kind: TokenKind = 'conversation'): TokenClaims {
    let payload: jwt.JwtPayload | string;
    try {
      payload = jwt.verify(token, this.signingKey, { algorithms: ['HS256'], issuer: ISSUER, audience: ISSUER, clockTimestamp: this.nowSeconds() });
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) {
        throw new AppError('FORBIDDEN', 'The Direct Line token has expired; get a new one.', { directLineCode: 'TokenExpired' });
      }
      throw new AppError('UNAUTHENTICATED', 'The Direct Line token is invalid.');
    }
    if (typeof payload === 'string' || payload.typ !== kind || typeof payload.conv !== 'string' || typeof payload.user !== 'string') {
      throw new AppError('UNAUTHENTICATED', 'The Direct Line token is invalid.');
    }
    return {
      conversationId: payload.conv,
      userId: payload.user,
      ...(typeof payload.name === 'string' ? { userName: payload.name } : {}),
      ...(typeof payload.pu === 'string' ? { platformUserId: payload.pu } : {}),
    };
  }

  /** Like verify(), but null instead of an error (for optional credentials such as the resume cookie). */
  tryVerify(token: string | undefined, kind: TokenKind): TokenClaims | null {
    if (!token) return null;
    try {
      return this.verify(token, kind);
    } catch {
      return null;
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
