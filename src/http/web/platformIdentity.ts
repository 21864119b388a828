import jwt from 'jsonwebtoken';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/clock';

/** The audience a platform's assertion must name. */
export const ASSERTION_AUDIENCE = 'rebound';
/** Longest life an assertion may have (from iat to exp): it is made for one token request. */
const MAX_LIFETIME_SECONDS = 600;
const userIdPattern = /^[\w.:@-]{1,128}$/;

/** PLATFORM_IDENTITY_SECRET and PLATFORM_IDENTITY_PUBLIC_KEY. */
export interface PlatformIdentitySettings {
  secret?: string;
  publicKey?: string;
}

/**
 * Checks the platform's signed assertion of its signed-in user (docs/platform.md): a JWT with `sub` (the user
 * id), `aud` "rebound", `iat` and `exp` at most 10 minutes apart, signed HS256 with the shared secret or
 * RS256/ES256 with the platform's private key. Anything else is a 401; the user id is then bound to the Direct
 * Line token by the server, never read from an activity.
 */
export class PlatformIdentityVerifier {
  constructor(
    private readonly settings: PlatformIdentitySettings,
    private readonly clock: Clock,
  ) {}

  /** True when a secret or a key is configured (otherwise every assertion is refused). */
  get enabled(): boolean {
    return !!(this.settings.secret || this.settings.publicKey);
  }

  /** The platform user id the assertion vouches for, or AppError('UNAUTHENTICATED'). */
  verify(assertion: unknown): string {
    if (!this.enabled) throw new AppError('UNAUTHENTICATED', 'Signed-in travellers are not set up here (PLATFORM_IDENTITY_SECRET or PLATFORM_IDENTITY_PUBLIC_KEY).');
    if (typeof assertion !== 'string' || assertion.length > 8192) throw new AppError('UNAUTHENTICATED', 'The identity assertion is invalid.');
    const options = { audience: ASSERTION_AUDIENCE, clockTimestamp: Math.floor(this.clock.now().getTime() / 1000), clockTolerance: 30 };
    const payload = this.tryKeys(assertion, options);
    if (!payload || typeof payload === 'string') throw new AppError('UNAUTHENTICATED', 'The identity assertion is invalid.');
    const { sub, iat, exp } = payload;
    if (typeof sub !== 'string' || !userIdPattern.test(sub) || typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_LIFETIME_SECONDS) {
      throw new AppError('UNAUTHENTICATED', 'The identity assertion is invalid (sub, iat and exp at most 10 minutes apart are required).');
    }
    return sub;
  }

  private tryKeys(assertion: string, options: jwt.VerifyOptions): jwt.JwtPayload | string | null {
    const keys: Array<[jwt.Secret, jwt.Algorithm[]]> = [];
    if (this.settings.secret) keys.push([this.settings.secret, ['HS256']]);
    if (this.settings.publicKey) keys.push([this.settings.publicKey, ['RS256', 'ES256']]);
    for (const [key, algorithms] of keys) {
      try {
        return jwt.verify(assertion, key, { ...options, algorithms });
      } catch {
        // The next key, if any; one refusal for every cause below.
      }
    }
    return null;
  }
}
