import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { AppError, ERROR_CODES, type ErrorCode } from '../../src/shared/errors';

describe('AppError', () => {
  it('should carry the HTTP status of its code', () => {
    expect(new AppError('CONFLICT', 'stale').status).to.equal(409);
    expect(new AppError('STORAGE_UNAVAILABLE', 'down').status).to.equal(503);
  });

  it('should have every code documented in docs/errors.md with its status', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    const undocumented = (Object.keys(ERROR_CODES) as ErrorCode[]).filter(
      (code) => !doc.includes(`| \`${code}\` | ${ERROR_CODES[code]} |`),
    );
    expect(undocumented).to.deep.equal([]);
  });
});
