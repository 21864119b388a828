import type { Request } from 'restify';
import { AppError } from '../../shared/errors';
import type { DirectLineTokens, TokenClaims } from './tokens';

/** Who is calling: the holder of the secret, or a user with a conversation token. */
export type Principal = 'secret' | TokenClaims;

/** The bearer value of the Authorization header, or a 401. */
export function bearer(req: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.header('authorization') ?? ''));
  if (!match) throw new AppError('UNAUTHENTICATED', 'Send the Direct Line secret or a token as "Authorization: Bearer ...".');
  return match[1]!;
}

/** The caller, authenticated by the secret or a valid conversation token. */
export function principal(req: Request, tokens: DirectLineTokens): Principal {
  const value = bearer(req);
  return tokens.isSecret(value) ? 'secret' : tokens.verify(value, 'conversation');
}

/** Only the secret will do (tokens/generate). */
export function requireSecret(req: Request, tokens: DirectLineTokens): void {
  if (!tokens.isSecret(bearer(req))) throw new AppError('UNAUTHENTICATED', 'tokens/generate needs the Direct Line secret.');
}

/** The origin the client reached us on, for the streamUrl (forwarded headers only behind a trusted proxy). */
export function requestOrigin(req: Request, trustProxy: boolean): { ws: string; http: string } {
  const forwardedProto = trustProxy ? String(req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim() : '';
  const forwardedHost = trustProxy ? String(req.header('x-forwarded-host') ?? '').split(',')[0]!.trim() : '';
  const secure = forwardedProto ? forwardedProto === 'https' : req.isSecure();
  const host = forwardedHost || String(req.header('host') ?? 'localhost');
  if (!/^[a-z0-9.\-[\]:]+$/i.test(host)) throw new AppError('BAD_REQUEST', 'Invalid Host header.');
  return { ws: `${secure ? 'wss' : 'ws'}://${host}`, http: `${secure ? 'https' : 'http'}://${host}` };
}
