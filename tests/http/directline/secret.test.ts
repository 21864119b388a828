import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateSecret, SECRET_FILE } from '../../../src/http/directline/secret';
import { silentLogger } from '../../../src/shared/logger';

describe('loadOrCreateSecret()', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebound-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should use DIRECTLINE_SECRET when set and write nothing', async () => {
    const secret = await loadOrCreateSecret('x'.repeat(40), path.join(dir, 'data'), silentLogger);
    expect(secret).to.equal('x'.repeat(40));
    expect(() => statSync(path.join(dir, 'data'))).to.throw();
  });

  it('should generate a secret in DATA_DIR with mode 0600 and return the same one after a restart', async () => {
    const first = await loadOrCreateSecret(undefined, dir, silentLogger);
    const second = await loadOrCreateSecret(undefined, dir, silentLogger);
    expect(first).to.have.length.of.at.least(32);
    expect(second).to.equal(first);
    expect(statSync(path.join(dir, SECRET_FILE)).mode & 0o777).to.equal(0o600);
  });
});
