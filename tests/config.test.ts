import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { CONFIG_KEYS, parseConfig } from '../src/config';

describe('parseConfig()', () => {
  it('should apply the defaults for an empty environment', () => {
    const result = parseConfig({});
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.value.PORT).to.equal(3978);
    expect(result.value.DATA_DIR).to.equal('./data');
    expect(result.value.DATABASE_URL).to.equal(undefined);
    expect(result.value.REBOUND_AGENTS).to.deep.equal([]);
  });

  it('should list every problem, not only the first', () => {
    const result = parseConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', REBOUND_AGENTS: 'ann:short' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    for (const key of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'REBOUND_AGENTS']) expect(text).to.include(key);
  });

  it('should parse name:token lists of agents and owners', () => {
    const result = parseConfig({ REBOUND_AGENTS: 'ann:0123456789abcdef, bob:fedcba9876543210' });
    expect(result.ok && result.value.REBOUND_AGENTS.map((a) => a.name)).to.deep.equal(['ann', 'bob']);
  });

  it('should require the password when an app id is set', () => {
    const result = parseConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.join()).to.include('MicrosoftAppPassword');
  });

  it('should refuse production without channel credentials', () => {
    const result = parseConfig({ NODE_ENV: 'production' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.join()).to.include('production');
  });
});

describe('.env.example', () => {
  it('should document every setting the config reads', () => {
    const documented = readFileSync('.env.example', 'utf8');
    const missing = CONFIG_KEYS.filter((key) => !new RegExp(`^${key}=`, 'm').test(documented));
    expect(missing).to.deep.equal([]);
  });
});
