import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { Request } from 'restify';
import { AppError } from '../../src/shared/errors';
import { StaticTokenAuthenticator, bearerToken, requireRole } from '../../src/http/auth';

const request = (authorization?: string) => ({ header: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined) }) as unknown as Request;

describe('StaticTokenAuthenticator', () => {
  const auth = new StaticTokenAuthenticator({
    agent: [{ name: 'ann', token: 'agent-token-0123456789' }, { name: 'max', token: 'both-token-0123456789' }],
    owner: [{ name: 'max', token: 'both-token-0123456789' }],
  });

  describe('verify()', () => {
    it('should return the principal with every role of the token', () => {
      expect(auth.verify('agent-token-0123456789')).to.deep.equal({ name: 'ann', roles: ['agent'] });
      expect(auth.verify('both-token-0123456789')).to.deep.equal({ name: 'max', roles: ['agent', 'owner'] });
    });

    it('should return null for an unknown token', () => {
      expect(auth.verify('agent-token-012345678')).to.equal(null);
    });

    it('should accept a token configured only by its SHA-256 hash, and not the hash itself as a token', () => {
      const hex = createHash('sha256').update('hashed-token-0123456789', 'utf8').digest('hex');
      const hashed = new StaticTokenAuthenticator({ owner: [{ name: 'olga', token: `sha256:${hex.toUpperCase()}` }] });
      expect(hashed.verify('hashed-token-0123456789')).to.deep.equal({ name: 'olga', roles: ['owner'] });
      expect(hashed.verify(`sha256:${hex}`)).to.equal(null);
      expect(hashed.verify(hex)).to.equal(null);
    });
  });

  describe('requireRole()', () => {
    it('should refuse a request without a token with 401', () => {
      expect(() => requireRole(auth, request(), 'agent')).to.throw(AppError).with.property('status', 401);
    });

    it('should refuse a wrong token with 401', () => {
      expect(() => requireRole(auth, request('Bearer nope'), 'agent')).to.throw(AppError).with.property('status', 401);
    });

    it('should refuse a valid token without the role with 403', () => {
      expect(() => requireRole(auth, request('Bearer agent-token-0123456789'), 'owner')).to.throw(AppError).with.property('status', 403);
    });

    it('should let a token with the role through', () => {
      expect(requireRole(auth, request('Bearer both-token-0123456789'), 'owner').name).to.equal('max');
    });
  });

  describe('bearerToken()', () => {
    it('should read only the Bearer scheme', () => {
      expect(bearerToken(request('Basic abc'))).to.equal(null);
      expect(bearerToken(request('bearer  abc '))).to.equal('abc');
    });
  });
});
