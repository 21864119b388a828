import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import { AppError } from '../shared/errors';

/** The roles of people who sign in: support agents and platform owners. */
export type Role = 'agent' | 'owner';

/** Who made a request. */
export interface Principal {
  name: string;
  roles: Role[];
}

/** Verifies bearer tokens; a real identity provider (OIDC) can implement the same interface later. */
export interface Authenticator {
  /** The principal of a bearer token, or null when the token is unknown. */
  verify(token: string): Principal | null;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A configured token given as its hash, `sha256:<64 hex digits>`, so the settings need not hold the token itself. */
const HASHED_TOKEN = /^sha256:([0-9a-f]{64})$/i;

/**
 * Tokens configured as `name:token` or `name:sha256:<hex>` pairs (REBOUND_AGENTS, REBOUND_OWNERS). Only their
 * SHA-256 hashes are kept in memory (and, in the second form, in the settings), and comparison is
 * constant-time, so a heap dump, a leaked environment or a timing probe reveals no token.
 */
export class StaticTokenAuthenticator implements Authenticator {
  private readonly entries: Array<{ hash: Buffer; name: string; role: Role }> = [];

  constructor(people: Partial<Record<Role, ReadonlyArray<{ name: string; token: string }>>>) {
    for (const role of Object.keys(people) as Role[]) {
      for (const p of people[role] ?? []) {
        const given = HASHED_TOKEN.exec(p.token)?.[1];
        this.entries.push({ hash: given ? Buffer.from(given, 'hex') : sha256(p.token), name: p.name, role });
      }
    }
  }

  /** The principal of a token; the same token may carry several roles (one person both agent and owner). */
  verify(token: string): Principal | null {
    const hash = sha256(token);
    let name: string | null = null;
    const roles: Role[] = [];
    for (const e of this.entries) {
      if (timingSafeEqual(e.hash, hash)) {
        name = e.name;
        roles.push(e.role);
      }
    }
    return name === null ? null : { name, roles };
  }
}

/** The bearer token of a request, or null. */
export function bearerToken(req: Request): string | null {
  const header = String(req.header('authorization') ?? '');
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

/** The principal of the request if it has the role: 401 without a valid token, 403 with a valid one lacking the role. */
export function requireRole(auth: Authenticator, req: Request, role: Role): Principal {
  const token = bearerToken(req);
  const principal = token ? auth.verify(token) : null;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in: send "Authorization: Bearer <token>".');
  if (!principal.roles.includes(role)) throw new AppError('FORBIDDEN', `This needs the ${role} role.`);
  return principal;
}
